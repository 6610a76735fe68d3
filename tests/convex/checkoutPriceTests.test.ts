// A/B price tests through the storefront: the visitor's arm prices the page, the quote and the
// order; views and carts count once per visitor and day; a purchase counts in the order's
// transaction. Also the featured shelf.
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { assignArm } from "../../convex/model/priceTests";
import {
  ADDRESS,
  addPriceTest,
  CARD_OK,
  line,
  type Shop,
  shop,
  startAtQuote,
} from "./checkoutFixture";
import { kindOf } from "./setup";

beforeEach(() => {
  vi.stubEnv("STRIPE_SECRET_KEY", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

function visitorIn(testId: Id<"priceTests">, arm: number) {
  for (let i = 0; ; i++) {
    const visitorId = `visitor-${String(i).padStart(4, "0")}`;
    if (assignArm(testId, visitorId, 2) === arm) return visitorId;
  }
}

async function arms(s: Shop, testId: Id<"priceTests">) {
  return (await s.t.run(async (ctx) => ctx.db.get(testId)))!.arms;
}

test("the arm's price from page to order, and each arm's views, carts and purchases", async () => {
  const s = await shop();
  const testId = await addPriceTest(s, "lamp", [4_500, 3_900]);
  const cheap = visitorIn(testId, 1);
  const dear = visitorIn(testId, 0);

  const page = await s.t.query(api.storefront.product, {
    slug: s.slug,
    productSlug: "lamp",
    visitorId: cheap,
  });
  expect(page!.priceCents).toBe(3_900);
  expect(page!.variants[0].priceCents).toBe(3_900);
  const listing = await s.t.query(api.storefront.products, {
    slug: s.slug,
    paginationOpts: { numItems: 10, cursor: null },
    visitorId: cheap,
  });
  expect(listing.page.find((p) => p.slug === "lamp")!.priceCents).toBe(3_900);

  const track = (visitorId: string, type: "product_view" | "add_to_cart") =>
    s.t.mutation(api.storefront.track, {
      slug: s.slug,
      visitorId,
      type,
      productId: s.products.lamp,
    });
  expect(await track(cheap, "product_view")).toEqual({ counted: true });
  expect(await track(cheap, "product_view")).toEqual({ counted: false });
  expect(await track(cheap, "add_to_cart")).toEqual({ counted: true });
  expect(await track(dear, "product_view")).toEqual({ counted: true });

  // The server's total for this visitor is the arm's; the list price would be "tampered".
  expect(
    await kindOf(
      s.t.action(api.checkout.start, {
        slug: s.slug,
        visitorId: cheap,
        items: [line(s, "lamp")],
        email: "ada@example.com",
        shippingAddress: ADDRESS,
        expectedTotalCents: 4_500 + 500,
      }),
    ),
  ).toBe("CONFLICT");
  const started = await startAtQuote(s, [line(s, "lamp")], { visitorId: cheap });
  await s.t.mutation(api.checkout.payOffline, {
    slug: s.slug,
    checkoutId: started.checkoutId,
    cardNumber: CARD_OK,
  });
  const item = await s.t.run(async (ctx) => ctx.db.query("orderItems").first());
  expect(item!.unitPriceCents).toBe(3_900);

  expect(await arms(s, testId)).toEqual([
    { label: "A", priceCents: 4_500, views: 1, carts: 0, orders: 0, revenueCents: 0 },
    { label: "B", priceCents: 3_900, views: 1, carts: 1, orders: 1, revenueCents: 3_900 },
  ]);
});

test("a stopped test prices at the list price and counts nothing", async () => {
  const s = await shop();
  const testId = await addPriceTest(s, "lamp", [4_500, 3_900]);
  await s.t.run(async (ctx) => ctx.db.patch(testId, { status: "stopped" }));
  const cheap = visitorIn(testId, 1);
  const quote = await s.t.query(api.checkout.quote, {
    slug: s.slug,
    visitorId: cheap,
    items: [line(s, "lamp")],
  });
  expect(quote.lines[0].unitPriceCents).toBe(4_500);
  expect(
    await s.t.mutation(api.storefront.track, {
      slug: s.slug,
      visitorId: cheap,
      type: "product_view",
      productId: s.products.lamp,
    }),
  ).toEqual({ counted: false });
  expect((await arms(s, testId))[1].views).toBe(0);
});

test("track refuses unknown products and malformed visitor ids", async () => {
  const s = await shop([
    { slug: "mug", priceCents: 1_200, stock: 5 },
    { slug: "draft", priceCents: 1_000, stock: 5, status: "draft" },
  ]);
  const track = (visitorId: string, product: string) =>
    s.t.mutation(api.storefront.track, {
      slug: s.slug,
      visitorId,
      type: "product_view",
      productId: s.products[product],
    });
  expect(await kindOf(track("visitor-0001", "draft"))).toBe("NOT_FOUND");
  expect(await kindOf(track("bad id!", "mug"))).toBe("INVALID");
  expect(await kindOf(track("visitor-0001", "mug"))).toBe("no error");
});

test("the featured shelf: active products with a position, in the team's order", async () => {
  const s = await shop([
    { slug: "mug", priceCents: 1_200, stock: 5 },
    { slug: "lamp", priceCents: 4_500, stock: 1 },
    { slug: "vase", priceCents: 2_000, stock: 2 },
    { slug: "draft", priceCents: 1_000, stock: 5, status: "draft" },
  ]);
  await s.t.run(async (ctx) => {
    await ctx.db.patch(s.products.lamp, { featuredPosition: 1 });
    await ctx.db.patch(s.products.draft, { featuredPosition: 2 });
    await ctx.db.patch(s.products.mug, { featuredPosition: 3 });
  });
  const shelf = await s.t.query(api.storefront.featured, { slug: s.slug });
  expect(shelf.map((p) => p.slug)).toEqual(["lamp", "mug"]);
  expect(await s.t.query(api.storefront.featured, { slug: "no-such-store" })).toEqual([]);
});

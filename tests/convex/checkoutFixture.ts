// A small shop for the checkout tests: one store, products with known prices and stock,
// optional coupons and price tests, and helpers to read what checkout changed.
import { api } from "../../convex/_generated/api";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import { SYSTEM } from "../../convex/model/audit";
import { insertProduct } from "../../convex/model/products";
import { makeTest, OWNER, type T } from "./setup";

export const VISITOR = "visitor-0001";
export const ADDRESS = {
  name: "Ada Lovelace",
  line1: "12 St James's Square",
  city: "London",
  postalCode: "SW1Y 4JH",
  country: "GB",
};
export const CARD_OK = "4242 4242 4242 4242";
export const CARD_DECLINED = "4000 0000 0000 0002";

type ProductSpec = { slug: string; priceCents: number; stock: number; status?: "active" | "draft" };

export async function shop(
  products: ProductSpec[] = [
    { slug: "mug", priceCents: 1_200, stock: 5 },
    { slug: "lamp", priceCents: 4_500, stock: 1 },
  ],
  options: { t?: T; flatShippingCents?: number; freeShippingThresholdCents?: number } = {},
) {
  const t = options.t ?? makeTest();
  const { storeId } = await t
    .withIdentity(OWNER)
    .mutation(api.stores.create, { name: "Checkout Shop", currency: "USD", timezone: "UTC" });
  const ids = await t.run(async (ctx) => {
    const store = (await ctx.db.get(storeId))!;
    await ctx.db.patch(storeId, {
      settings: {
        ...store.settings,
        flatShippingCents: options.flatShippingCents ?? 500,
        freeShippingThresholdCents: options.freeShippingThresholdCents,
      },
    });
    const out: Record<string, Id<"products">> = {};
    let position = 1_000;
    for (const spec of products) {
      out[spec.slug] = await insertProduct(
        ctx,
        storeId,
        SYSTEM,
        {
          status: spec.status ?? "active",
          position: (position += 1_000),
          slug: spec.slug,
          title: spec.slug[0].toUpperCase() + spec.slug.slice(1),
          description: `A ${spec.slug}.`,
          category: "Home",
          tags: [],
          images: [{ url: `/img/${spec.slug}.png`, alt: spec.slug }],
          variants: [
            {
              sku: spec.slug.toUpperCase(),
              title: "Default",
              options: {},
              priceCents: spec.priceCents,
              stock: spec.stock,
            },
          ],
          importSource: "manual",
        },
        { now: Date.now() },
      );
    }
    return out;
  });
  const slug = (await t.run(async (ctx) => (await ctx.db.get(storeId))!.slug)) as string;
  return { t, storeId, slug, products: ids };
}

export type Shop = Awaited<ReturnType<typeof shop>>;

export function line(s: Shop, product: string, quantity = 1) {
  return { productId: s.products[product], sku: product.toUpperCase(), quantity };
}

export async function addCoupon(
  s: Shop,
  coupon: Partial<Doc<"coupons">> & Pick<Doc<"coupons">, "code" | "discount">,
) {
  return await s.t.run(async (ctx) =>
    ctx.db.insert("coupons", { storeId: s.storeId, redemptions: 0, active: true, ...coupon }),
  );
}

export async function addPriceTest(s: Shop, product: string, armPrices: number[]) {
  return await s.t.run(async (ctx) =>
    ctx.db.insert("priceTests", {
      storeId: s.storeId,
      productId: s.products[product],
      status: "running",
      startedAt: Date.now(),
      arms: armPrices.map((priceCents, index) => ({
        label: String.fromCharCode(65 + index),
        priceCents,
        views: 0,
        carts: 0,
        orders: 0,
        revenueCents: 0,
      })),
    }),
  );
}

export async function stockOf(s: Shop, product: string) {
  return await s.t.run(async (ctx) => (await ctx.db.get(s.products[product]))!.stock);
}

export async function orderCount(s: Shop) {
  return await s.t.run(
    async (ctx) =>
      (
        await ctx.db
          .query("orders")
          .withIndex("by_store_placed", (q) => q.eq("storeId", s.storeId))
          .collect()
      ).length,
  );
}

/** Quote then start, at the quoted total: what a well-behaved storefront does. */
export async function startAtQuote(
  s: Shop,
  items: ReturnType<typeof line>[],
  extra: { couponCode?: string; visitorId?: string; email?: string } = {},
) {
  const visitorId = extra.visitorId ?? VISITOR;
  const quote = await s.t.query(api.checkout.quote, {
    slug: s.slug,
    visitorId,
    items,
    couponCode: extra.couponCode,
  });
  return await s.t.action(api.checkout.start, {
    slug: s.slug,
    visitorId,
    items,
    couponCode: extra.couponCode,
    email: extra.email ?? "ada@example.com",
    shippingAddress: ADDRESS,
    expectedTotalCents: quote.totalCents,
  });
}

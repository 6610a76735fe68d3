// The promises that must hold when many shoppers pay at once: the last unit is sold once, a
// code's last use is used once. Each start runs as its own transaction, all in flight together.
import { afterEach, beforeEach, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import {
  addCoupon,
  CARD_OK,
  line,
  orderCount,
  shop,
  startAtQuote,
  stockOf,
} from "./checkoutFixture";
import { kindOf } from "./setup";

beforeEach(() => {
  vi.stubEnv("STRIPE_SECRET_KEY", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

test("50 concurrent checkouts of the last unit: exactly one order, 49 sold out", async () => {
  const s = await shop([{ slug: "lamp", priceCents: 4_500, stock: 1 }]);
  const quote = await s.t.query(api.checkout.quote, {
    slug: s.slug,
    visitorId: "visitor-0000",
    items: [line(s, "lamp")],
  });
  const attempts = Array.from({ length: 50 }, async (_, i) => {
    const visitorId = `visitor-${String(i).padStart(4, "0")}`;
    try {
      const started = await s.t.action(api.checkout.start, {
        slug: s.slug,
        visitorId,
        items: [line(s, "lamp")],
        email: `shopper${i}@example.com`,
        shippingAddress: {
          name: `Shopper ${i}`,
          line1: "1 Main St",
          city: "Springfield",
          postalCode: "12345",
          country: "US",
        },
        expectedTotalCents: quote.totalCents,
      });
      return await s.t.mutation(api.checkout.payOffline, {
        slug: s.slug,
        checkoutId: started.checkoutId,
        cardNumber: CARD_OK,
      });
    } catch (error) {
      return kindOf(Promise.reject(error));
    }
  });
  const results = await Promise.all(attempts);
  const orders = results.filter((r) => typeof r === "object");
  const refusals = results.filter((r) => typeof r === "string");
  expect(orders).toHaveLength(1);
  expect(refusals).toEqual(Array(49).fill("SOLD_OUT"));
  expect(await orderCount(s)).toBe(1);
  expect(await stockOf(s, "lamp")).toBe(0);
});

test("a code limited to 3 uses, 10 shoppers at once: 3 redeemed, 7 told it is used up", async () => {
  const s = await shop([{ slug: "mug", priceCents: 1_200, stock: 100 }]);
  const couponId = await addCoupon(s, {
    code: "FIRST3",
    discount: { kind: "fixed", amountCents: 200 },
    maxRedemptions: 3,
  });
  const results = await Promise.all(
    Array.from({ length: 10 }, async (_, i) => {
      try {
        const started = await startAtQuote(s, [line(s, "mug")], {
          couponCode: "first3",
          visitorId: `visitor-${String(i).padStart(4, "0")}`,
        });
        await s.t.mutation(api.checkout.payOffline, {
          slug: s.slug,
          checkoutId: started.checkoutId,
          cardNumber: CARD_OK,
        });
        return "paid";
      } catch (error) {
        return (error as { data?: { message?: string } }).data?.message ?? String(error);
      }
    }),
  );
  expect(results.filter((r) => r === "paid")).toHaveLength(3);
  expect(results.filter((r) => r !== "paid")).toEqual(Array(7).fill("This code has been used up."));
  const coupon = await s.t.run(async (ctx) => ctx.db.get(couponId));
  expect(coupon!.redemptions).toBe(3);
  expect(await orderCount(s)).toBe(3);
  // Each order carries the code and its discount; the others held nothing.
  const orders = await s.t.run(async (ctx) =>
    ctx.db
      .query("orders")
      .withIndex("by_store_placed", (q) => q.eq("storeId", s.storeId))
      .collect(),
  );
  expect(orders.map((o) => [o.couponCode, o.discountCents])).toEqual(
    Array(3).fill(["FIRST3", 200]),
  );
  expect(await stockOf(s, "mug")).toBe(97);
});

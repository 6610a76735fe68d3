// A shop with one placed order (a mug and a lamp), for the tracking, returns and refund tests.
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { SYSTEM } from "../../convex/model/audit";
import { createOrder } from "../../convex/model/orders";
import { type Shop, shop } from "./checkoutFixture";
import { OWNER } from "./setup";

export const EMAIL = "ada@example.com";

export async function shopWithOrder(paymentRef?: string) {
  const s = await shop([
    { slug: "mug", priceCents: 1_200, stock: 5 },
    { slug: "lamp", priceCents: 4_500, stock: 3 },
  ]);
  const order = await s.t.run(async (ctx) =>
    createOrder(ctx, s.storeId, SYSTEM, {
      channel: "storefront",
      customer: { name: "Ada Lovelace", email: "Ada@Example.com" },
      shippingAddress: {
        name: "Ada Lovelace",
        line1: "12 St James's Square",
        city: "London",
        postalCode: "SW1Y 4JH",
        country: "GB",
      },
      paymentRef,
      lines: [
        { productId: s.products.mug, sku: "MUG", quantity: 2, unitPriceCents: 1_200 },
        { productId: s.products.lamp, sku: "LAMP", quantity: 1, unitPriceCents: 4_500 },
      ],
      discountCents: 0,
      shippingCents: 500,
      taxCents: 0,
      placedAt: Date.now(),
    }),
  );
  const owner = s.t.withIdentity(OWNER);
  return { ...s, owner, orderId: order._id, number: order.number, totalCents: order.totalCents };
}

export type OrderShop = Awaited<ReturnType<typeof shopWithOrder>>;

export async function ship(s: OrderShop, trackingNumber = "1Z5R89390357567127") {
  return await s.owner.mutation(api.tracking.add, {
    storeId: s.storeId,
    orderId: s.orderId,
    trackingNumber,
  });
}

export async function requestReturn(s: OrderShop, reason = "Arrived broken") {
  return await s.t.mutation(api.returns.request, {
    slug: s.slug,
    number: String(s.number),
    email: EMAIL,
    reason,
  });
}

export async function theReturn(s: Shop) {
  return (await s.t.run(async (ctx) => ctx.db.query("returns").first()))!;
}

export async function orderRow(s: OrderShop) {
  return (await s.t.run(async (ctx) => ctx.db.get(s.orderId as Id<"orders">)))!;
}

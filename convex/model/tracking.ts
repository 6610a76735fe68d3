// Finding a shopper's order for /track by number + email (both needed; a mismatch says nothing),
// and the timeline the page shows. Failed look-ups are throttled per visitor and per order.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { invalid } from "./errors";
import {
  assertNotThrottled,
  canRequestReturn,
  parseOrderNumber,
  recordTrackFailure,
} from "./returns";

export async function findShopperOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  input: { number: string; email: string; visitorId?: string },
  now: number,
): Promise<Doc<"orders"> | null> {
  const email = input.email.trim().toLowerCase();
  if (input.number.trim() === "" || email === "") {
    throw invalid("Enter both the order number and the email used at checkout.");
  }
  const number = parseOrderNumber(input.number);
  const keys = [
    `order:${number ?? input.number.trim().slice(0, 20)}`,
    ...(input.visitorId ? [`visitor:${input.visitorId.slice(0, 64)}`] : []),
  ];
  await assertNotThrottled(ctx, storeId, keys, now);
  const order =
    number === null
      ? null
      : await ctx.db
          .query("orders")
          .withIndex("by_store_number", (q) => q.eq("storeId", storeId).eq("number", number))
          .unique();
  if (order === null || order.customer.email.trim().toLowerCase() !== email) {
    await recordTrackFailure(ctx, storeId, keys, now);
    return null;
  }
  return order;
}

export type TimelineStep = {
  key: "placed" | "ordered" | "shipped" | "delivered" | "cancelled" | "refunded";
  label: string;
  at?: number;
  done: boolean;
  carrier?: string;
  trackingNumber?: string;
  trackingUrl?: string;
};

/** Placed → ordered from supplier → shipped (with the carrier's link) → delivered. */
export function orderTimeline(
  order: Doc<"orders">,
  fulfillments: Doc<"fulfillments">[],
): TimelineStep[] {
  const f = fulfillments.find((x) => x.trackingNumber) ?? fulfillments[0];
  const shipped = order.status === "shipped" || order.status === "delivered";
  const steps: TimelineStep[] = [
    { key: "placed", label: "Order placed", at: order.placedAt, done: true },
    {
      key: "ordered",
      label: "Ordered from our supplier",
      ...(f?.orderedAt ? { at: f.orderedAt } : {}),
      done: f?.orderedAt !== undefined || order.status !== "new",
    },
    {
      key: "shipped",
      label: "Shipped",
      ...(f?.shippedAt ? { at: f.shippedAt } : {}),
      done: shipped || f?.shippedAt !== undefined,
      ...(f?.carrier ? { carrier: f.carrier } : {}),
      ...(f?.trackingNumber ? { trackingNumber: f.trackingNumber } : {}),
      ...(f?.trackingUrl ? { trackingUrl: f.trackingUrl } : {}),
    },
    {
      key: "delivered",
      label: "Delivered",
      ...(f?.deliveredAt ? { at: f.deliveredAt } : {}),
      done: order.status === "delivered" || f?.deliveredAt !== undefined,
    },
  ];
  if (order.status === "cancelled" || order.status === "refunded") {
    steps.push({
      key: order.status,
      label: order.status === "cancelled" ? "Cancelled" : "Refunded",
      at: order.updatedAt,
      done: true,
    });
  }
  return steps;
}

export function returnable(order: Doc<"orders">, returns: Doc<"returns">[]): boolean {
  return (
    canRequestReturn(order.status) &&
    !returns.some((r) => r.status === "requested" || r.status === "approved")
  );
}

// FULFILL: tracking numbers on orders (the team) and the public /track look-up (shoppers).
import { v } from "convex/values";
import { publicMutation, storeMutation, storeQuery } from "./functions";
import { userActor } from "./model/audit";
import { CARRIER_CODES, CARRIERS } from "./model/carriers";
import { notFound } from "./model/errors";
import { shipOrder } from "./model/orders";
import { NO_MATCH } from "./model/returns";
import { getStoreBySlug } from "./model/storefront";
import { findShopperOrder, orderTimeline, returnable } from "./model/tracking";
import { returnStatus } from "./model/validators";

/** Puts a tracking number on an order (or corrects it): through the one ship path, model/orders.ts. */
export const add = storeMutation({
  args: {
    orderId: v.id("orders"),
    trackingNumber: v.string(),
    // A carrier code (see model/carriers.ts); needed when the number matches no known format.
    carrier: v.optional(v.string()),
  },
  permission: "orders.work",
  returns: v.object({ carrier: v.string(), trackingNumber: v.string(), trackingUrl: v.string() }),
  handler: async (ctx, { storeId, orderId, trackingNumber, carrier }) => {
    const { tracking } = await shipOrder(
      ctx,
      storeId,
      userActor(ctx.user._id),
      orderId,
      { trackingNumber, carrier },
      Date.now(),
    );
    return {
      carrier: tracking.carrierName,
      trackingNumber: tracking.trackingNumber,
      trackingUrl: tracking.trackingUrl,
    };
  },
});

/** The carriers a number can be given by hand. */
export const carriers = storeQuery({
  args: {},
  returns: v.array(v.object({ code: v.string(), name: v.string() })),
  handler: async () => CARRIER_CODES.map((code) => ({ code, name: CARRIERS[code].name })),
});

const step = v.object({
  key: v.string(),
  label: v.string(),
  at: v.optional(v.number()),
  done: v.boolean(),
  carrier: v.optional(v.string()),
  trackingNumber: v.optional(v.string()),
  trackingUrl: v.optional(v.string()),
});

export const trackResult = v.union(
  v.object({ found: v.literal(false), message: v.string() }),
  v.object({
    found: v.literal(true),
    number: v.number(),
    status: v.string(),
    placedAt: v.number(),
    currency: v.string(),
    totalCents: v.number(),
    items: v.array(v.object({ sku: v.string(), title: v.string(), quantity: v.number() })),
    timeline: v.array(step),
    returns: v.array(
      v.object({
        status: returnStatus,
        reason: v.string(),
        requestedAt: v.number(),
        refundCents: v.number(),
        note: v.optional(v.string()),
      }),
    ),
    canReturn: v.boolean(),
  }),
);

/**
 * /track: order number AND the checkout email → the order's timeline. Anything else answers the
 * same "no match" (it never says whether the number exists); failed tries are rate-limited. A
 * mutation because it records the failures.
 */
export const lookup = publicMutation({
  args: {
    slug: v.string(),
    number: v.string(),
    email: v.string(),
    visitorId: v.optional(v.string()),
  },
  returns: trackResult,
  handler: async (ctx, args) => {
    const store = await getStoreBySlug(ctx, args.slug);
    if (store === null) throw notFound("Store");
    const order = await findShopperOrder(ctx, store._id, args, Date.now());
    if (order === null) return { found: false as const, message: NO_MATCH };
    const [storeId, orderId] = [store._id, order._id];
    const [items, fulfillments, returns] = await Promise.all([
      ctx.db
        .query("orderItems")
        .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
        .take(100),
      ctx.db
        .query("fulfillments")
        .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
        .take(20),
      ctx.db
        .query("returns")
        .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
        .take(20),
    ]);
    return {
      found: true as const,
      number: order.number,
      status: order.status,
      placedAt: order.placedAt,
      currency: order.currency,
      totalCents: order.totalCents,
      items: items.map((i) => ({ sku: i.sku, title: i.title, quantity: i.quantity })),
      timeline: orderTimeline(order, fulfillments),
      returns: returns.map((r) => ({
        status: r.status,
        reason: r.reason,
        requestedAt: r.requestedAt,
        refundCents: r.refundCents,
        ...(r.status === "denied" && r.note ? { note: r.note } : {}),
      })),
      canReturn: returnable(order, returns),
    };
  },
});

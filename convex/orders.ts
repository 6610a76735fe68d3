// FULFILL: the order queue and moving orders through their life cycle.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { storeMutation, storeQuery } from "./functions";
import { getInStore, getInStoreX } from "./model/access";
import { recordAudit } from "./model/audit";
import { dateKey } from "./model/dates";
import { bumpDailyMetrics } from "./model/metrics";
import { applyStatsDelta, applyTransition } from "./model/orders";
import { getStoreStatsX } from "./model/storeStats";
import { orderStatus } from "./model/validators";
import schema from "./schema";

const order = schema.doc("orders");

/** Newest first, optionally one status (a Kanban column). */
export const list = storeQuery({
  args: { status: v.optional(orderStatus), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(order),
  handler: async (ctx, { storeId, status, paginationOpts }) => {
    const query =
      status === undefined
        ? ctx.db.query("orders").withIndex("by_store_placed", (q) => q.eq("storeId", storeId))
        : ctx.db
            .query("orders")
            .withIndex("by_store_status_placed", (q) =>
              q.eq("storeId", storeId).eq("status", status),
            );
    return await query.order("desc").paginate(paginationOpts);
  },
});

/** Find orders by customer name, email or "#1042". */
export const search = storeQuery({
  args: { text: v.string() },
  returns: v.array(order),
  handler: async (ctx, { storeId, text }) => {
    return await ctx.db
      .query("orders")
      .withSearchIndex("search_customer", (q) =>
        q.search("searchText", text.toLowerCase()).eq("storeId", storeId),
      )
      .take(20);
  },
});

/** An order with its lines, fulfilments and returns; null if not in this store. */
export const get = storeQuery({
  args: { orderId: v.id("orders") },
  returns: v.union(
    v.null(),
    v.object({
      order,
      items: v.array(schema.doc("orderItems")),
      fulfillments: v.array(schema.doc("fulfillments")),
      returns: v.array(schema.doc("returns")),
    }),
  ),
  handler: async (ctx, { storeId, orderId }) => {
    const found = await getInStore(ctx, storeId, orderId);
    if (found === null) return null;
    // Bounded: an order has a handful of lines, fulfilments and returns.
    const items = await ctx.db
      .query("orderItems")
      .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
      .take(100);
    const fulfillments = await ctx.db
      .query("fulfillments")
      .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
      .take(20);
    const returns = await ctx.db
      .query("returns")
      .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
      .take(20);
    return { order: found, items, fulfillments, returns };
  },
});

/** Moves an order along its life cycle (see ORDER_TRANSITIONS); keeps stats and metrics true. */
export const setStatus = storeMutation({
  args: { orderId: v.id("orders"), status: orderStatus },
  returns: order,
  handler: async (ctx, { storeId, orderId, status }) => {
    const current = await getInStoreX(ctx, storeId, orderId, "Order");
    const now = Date.now();
    const { patch, stats } = applyTransition(current, status, now);
    await ctx.db.patch(orderId, patch);
    const storeStats = await getStoreStatsX(ctx, storeId);
    await ctx.db.patch(storeStats._id, applyStatsDelta(storeStats, stats));
    if (stats.lifetimeOrders !== 0) {
      // A reversed sale leaves the day it was placed; a refund also shows on the day it was paid.
      await bumpDailyMetrics(ctx, storeId, dateKey(current.placedAt), {
        revenueCents: stats.lifetimeRevenueCents,
        orders: stats.lifetimeOrders,
      });
      if (status === "refunded") {
        await bumpDailyMetrics(ctx, storeId, dateKey(now), { refundsCents: current.totalCents });
      }
    }
    await recordAudit(ctx, {
      storeId,
      actorId: ctx.user._id,
      action: "order.status",
      targetTable: "orders",
      targetId: orderId,
      changes: [{ field: "status", from: current.status, to: status }],
    });
    return (await ctx.db.get(orderId))!;
  },
});

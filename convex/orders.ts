// FULFILL: the order queue and moving orders through their life cycle.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { storeMutation, storeQuery } from "./functions";
import { can, getInStore, requirePermission } from "./model/access";
import { userActor } from "./model/audit";
import { movesMoney } from "./model/orderRules";
import { transitionOrder } from "./model/orders";
import { orderStatus } from "./model/validators";
import schema from "./schema";

const order = schema.doc("orders");
// What was paid to the supplier is absent for members without "costs.view".
const fulfillment = v.object({
  ...schema.doc("fulfillments").fields,
  costCents: v.optional(v.number()),
});

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
      fulfillments: v.array(fulfillment),
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
    if (can(ctx, "costs.view")) return { order: found, items, fulfillments, returns };
    // Staff see what they ship, not what it cost.
    return {
      order: found,
      items: items.map(({ unitCostCents: _, ...item }) => item),
      fulfillments: fulfillments.map(({ costCents: _, ...f }) => f),
      returns,
    };
  },
});

/** Moves an order along its life cycle (see ORDER_TRANSITIONS); keeps stats and metrics true. */
export const setStatus = storeMutation({
  args: { orderId: v.id("orders"), status: orderStatus },
  returns: order,
  handler: async (ctx, { storeId, orderId, status }) => {
    if (movesMoney(status)) requirePermission(ctx, "orders.refund");
    return await transitionOrder(
      ctx,
      storeId,
      userActor(ctx.user._id),
      orderId,
      status,
      Date.now(),
    );
  },
});

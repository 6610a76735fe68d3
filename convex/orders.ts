// FULFILL: the order queue and moving orders through their life cycle.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { storeMutation, storeQuery } from "./functions";
import { can, getInStore, getInStoreX, requirePermission } from "./model/access";
import { userActor } from "./model/audit";
import { columnPage, filteredOrders, hasTrackingNumber, lastStatusChange } from "./model/board";
import { applyShipRows, parseShipCsv, previewShipRows } from "./model/bulkShip";
import { conflict, invalid } from "./model/errors";
import { moveRefusal, movesMoney, validateMove } from "./model/orderRules";
import { shipOrder, transitionOrder } from "./model/orders";
import { getStoreStatsX } from "./model/storeStats";
import { orderStatus, salesChannel } from "./model/validators";
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
  handler: async (ctx, { storeId, status, paginationOpts }) =>
    await columnPage(ctx, storeId, status, paginationOpts),
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
    const current = await getInStoreX(ctx, storeId, orderId, "Order");
    validateMove({
      from: current.status,
      to: status,
      hasTracking: status === "shipped" && (await hasTrackingNumber(ctx, storeId, orderId)),
    });
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

// ---- The board and the list view (issue #12). ----

const shipment = v.object({ trackingNumber: v.string(), carrier: v.optional(v.string()) });

/** How many orders each column holds: the store's counters, never a scan. */
export const counts = storeQuery({
  args: {},
  returns: v.record(orderStatus, v.number()),
  handler: async (ctx, { storeId }) => (await getStoreStatsX(ctx, storeId)).ordersByStatus,
});

/** The list view: newest first, filtered by status, channel and the date placed. */
export const filtered = storeQuery({
  args: {
    status: v.optional(orderStatus),
    channel: v.optional(salesChannel),
    from: v.optional(v.number()),
    to: v.optional(v.number()),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(order),
  handler: async (ctx, { storeId, paginationOpts, ...filters }) =>
    await filteredOrders(ctx, storeId, filters, paginationOpts),
});

/**
 * A card dropped on another column. `from` is the status the mover saw: when someone else
 * moved the order first, this one is refused with CONFLICT naming them, so two people moving
 * one card end in one state and the later one knows why. Shipping needs a tracking number.
 */
export const move = storeMutation({
  args: {
    orderId: v.id("orders"),
    from: orderStatus,
    to: orderStatus,
    shipment: v.optional(shipment),
  },
  permission: "orders.work",
  returns: order,
  handler: async (ctx, { storeId, orderId, from, to, shipment }) => {
    if (movesMoney(to)) requirePermission(ctx, "orders.refund");
    const current = await getInStoreX(ctx, storeId, orderId, "Order");
    if (current.status !== from) {
      const last = await lastStatusChange(ctx, storeId, orderId);
      throw conflict(
        `${last?.who ?? "Someone"} already moved #${current.number} to ${current.status}.`,
      );
    }
    const actor = userActor(ctx.user._id);
    if (to === "shipped" && shipment !== undefined) {
      return (await shipOrder(ctx, storeId, actor, orderId, shipment, Date.now())).order;
    }
    validateMove({
      from,
      to,
      hasTracking: to === "shipped" && (await hasTrackingNumber(ctx, storeId, orderId)),
    });
    return await transitionOrder(ctx, storeId, actor, orderId, to, Date.now());
  },
});

/** Moves the selected orders of the list view; each refused row says why and stays put. */
export const moveMany = storeMutation({
  args: {
    moves: v.array(v.object({ orderId: v.id("orders"), from: orderStatus })),
    to: orderStatus,
  },
  permission: "orders.work",
  returns: v.array(
    v.object({ orderId: v.id("orders"), number: v.number(), error: v.optional(v.string()) }),
  ),
  handler: async (ctx, { storeId, moves, to }) => {
    if (moves.length > 100) throw invalid("Move at most 100 orders at once.");
    if (movesMoney(to)) requirePermission(ctx, "orders.refund");
    const actor = userActor(ctx.user._id);
    const now = Date.now();
    const results = [];
    const seen = new Set<string>();
    for (const { orderId, from } of moves) {
      const current = await getInStoreX(ctx, storeId, orderId, "Order");
      let error: string | null = null;
      if (seen.has(orderId)) error = "This order is selected twice.";
      else if (current.status !== from) {
        const last = await lastStatusChange(ctx, storeId, orderId);
        error = `${last?.who ?? "Someone"} already moved it to ${current.status}.`;
      } else {
        error = moveRefusal({
          from,
          to,
          hasTracking: to === "shipped" && (await hasTrackingNumber(ctx, storeId, orderId)),
        });
      }
      seen.add(orderId);
      if (error === null) await transitionOrder(ctx, storeId, actor, orderId, to, now);
      results.push({ orderId, number: current.number, ...(error === null ? {} : { error }) });
    }
    return results;
  },
});

const shipRow = v.object({
  line: v.number(),
  orderNumber: v.string(),
  trackingNumber: v.string(),
  carrier: v.optional(v.string()),
  orderId: v.optional(v.id("orders")),
  error: v.optional(v.string()),
});

/** Bulk ship, step one: what each row of the sheet would do (nothing is written). */
export const bulkShipPreview = storeQuery({
  args: { csv: v.string() },
  returns: v.array(shipRow),
  handler: async (ctx, { storeId, csv }) => await previewShipRows(ctx, storeId, parseShipCsv(csv)),
});

/** Bulk ship, step two: ships the rows that pass, returns every row with its outcome. */
export const bulkShipApply = storeMutation({
  args: { csv: v.string() },
  permission: "orders.work",
  returns: v.array(shipRow),
  handler: async (ctx, { storeId, csv }) =>
    await applyShipRows(ctx, storeId, userActor(ctx.user._id), parseShipCsv(csv), Date.now()),
});

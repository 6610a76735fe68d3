// The one writer of the order aggregate: `orders`, `orderItems`, `fulfillments`, `returns` and
// the store's order counters (`storeStats`). Checkout, webhooks, channel imports, the board and
// the demo seed all come through here, so counters, daily metrics and the audit trail change in
// the same transaction as the order. tests/convex/writers.test.ts fails if another module
// writes these tables. The rules themselves (transitions, totals) are pure, in orderRules.ts.
import type { WithoutSystemFields } from "convex/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { getInStoreX } from "./access";
import { type ResolvedTracking, resolveTracking } from "./carriers";
import { type Actor, recordAudit, SYSTEM } from "./audit";
import { dateKey } from "./dates";
import { appError, conflict, invalid } from "./errors";
import { bumpDailyMetrics } from "./metrics";
import { assertCents } from "./money";
import { queueNotice } from "./notices";
import {
  applyStatsDelta,
  applyTransition,
  canTransition,
  countsAsSale,
  orderSearchText,
  type StatsDelta,
  validateMove,
} from "./orderRules";
import { restock, takeStock } from "./products";
import { validateReturnMove } from "./returns";
import { emptyStoreStats, getStoreStatsX } from "./storeStats";
import { scheduleAutoOrder } from "./suppliers";
import type { OrderStatus, Supplier } from "./validators";

type OrderDoc = WithoutSystemFields<Doc<"orders">>;
type ItemDoc = WithoutSystemFields<Doc<"orderItems">>;

/** Creates the counters row of a new store; every store has exactly one. */
export async function openOrderBook(ctx: MutationCtx, storeId: Id<"stores">): Promise<void> {
  await ctx.db.insert("storeStats", emptyStoreStats(storeId));
}

export type NewOrderLine = {
  productId: Id<"products">;
  sku: string;
  quantity: number;
  /** The price the shopper pays, decided by the caller's pricing (never the browser's). */
  unitPriceCents: number;
};

export type NewOrder = Pick<
  OrderDoc,
  "channel" | "source" | "customer" | "shippingAddress" | "couponCode" | "paymentRef"
> & {
  lines: NewOrderLine[];
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  placedAt: number;
  /** Channel imports may arrive already shipped; checkout orders start as "new". */
  status?: OrderStatus;
  /** False when the channel already took the units (an import of a sale made elsewhere). */
  takeStock?: boolean;
};

/**
 * Places one order: takes stock (SOLD_OUT rolls everything back), numbers the order, snapshots
 * each line's title and cost, and moves the counters, the day's metrics and the audit trail.
 */
export async function createOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  input: NewOrder,
): Promise<Doc<"orders">> {
  if (input.lines.length === 0) throw invalid("An order needs at least one line.");
  const store = await ctx.db.get(storeId);
  if (store === null) throw invalid("The store does not exist.");
  const status = input.status ?? "new";
  const items: Omit<ItemDoc, "orderId">[] = [];
  for (const line of input.lines) {
    const product = await getInStoreX(ctx, storeId, line.productId, "Product");
    const variant = product.variants.find((candidate) => candidate.sku === line.sku);
    if (variant === undefined) throw invalid(`${product.title} has no variant ${line.sku}.`);
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      throw invalid("A quantity must be a whole number above zero.");
    }
    assertCents(line.unitPriceCents, "unitPriceCents");
    items.push({
      storeId,
      productId: product._id,
      sku: variant.sku,
      title:
        variant.title === product.title ? product.title : `${product.title} — ${variant.title}`,
      quantity: line.quantity,
      unitPriceCents: line.unitPriceCents,
      unitCostCents: product.supplierCostCents,
      totalCents: line.unitPriceCents * line.quantity,
      placedAt: input.placedAt,
    });
  }
  if (input.takeStock !== false) await takeStock(ctx, storeId, input.lines, input.placedAt);

  const subtotalCents = items.reduce((sum, item) => sum + item.totalCents, 0);
  for (const [field, cents] of [
    ["discountCents", input.discountCents],
    ["shippingCents", input.shippingCents],
    ["taxCents", input.taxCents],
  ] as const) {
    assertCents(cents, field);
  }
  if (input.discountCents > subtotalCents) throw invalid("A discount cannot exceed the subtotal.");
  const totalCents = subtotalCents - input.discountCents + input.shippingCents + input.taxCents;

  const stats = await getStoreStatsX(ctx, storeId);
  const number = stats.nextOrderNumber;
  const { lines: _, takeStock: __, status: ___, ...fields } = input;
  const orderId = await ctx.db.insert("orders", {
    ...fields,
    storeId,
    number,
    status,
    currency: store.currency,
    searchText: orderSearchText({ number, customer: input.customer }),
    subtotalCents,
    totalCents,
    updatedAt: input.placedAt,
  });
  for (const item of items) await ctx.db.insert("orderItems", { ...item, orderId });

  const sale = countsAsSale(status);
  await ctx.db.patch(stats._id, {
    nextOrderNumber: number + 1,
    ...applyStatsDelta(stats, {
      ordersByStatus: { [status]: 1 },
      lifetimeRevenueCents: sale ? totalCents : 0,
      lifetimeOrders: sale ? 1 : 0,
    }),
  });
  if (sale) {
    await bumpDailyMetrics(ctx, storeId, dateKey(input.placedAt), {
      revenueCents: totalCents,
      orders: 1,
    });
  }
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "order.create",
    targetTable: "orders",
    targetId: orderId,
    changes: [
      { field: "status", from: null, to: status },
      { field: "totalCents", from: null, to: totalCents },
    ],
    at: input.placedAt,
  });
  // Lines whose supplier rules all say "auto-order" are bought by a scheduled action.
  if (status === "new") await scheduleAutoOrder(ctx, storeId, orderId);
  return (await ctx.db.get(orderId))!;
}

/**
 * Moves an order along its life cycle (ORDER_TRANSITIONS). A cancel or refund takes the sale
 * out of the day it was placed; a refund also shows on the day it was paid back.
 */
export async function transitionOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  orderId: Id<"orders">,
  to: OrderStatus,
  now: number,
): Promise<Doc<"orders">> {
  const current = await getInStoreX(ctx, storeId, orderId, "Order");
  const { patch, stats } = applyTransition(current, to, now);
  await ctx.db.patch(orderId, patch);
  const storeStats = await getStoreStatsX(ctx, storeId);
  await ctx.db.patch(storeStats._id, applyStatsDelta(storeStats, stats));
  if (stats.lifetimeOrders !== 0) {
    await bumpDailyMetrics(ctx, storeId, dateKey(current.placedAt), {
      revenueCents: stats.lifetimeRevenueCents,
      orders: stats.lifetimeOrders,
    });
    if (to === "refunded") {
      await bumpDailyMetrics(ctx, storeId, dateKey(now), { refundsCents: current.totalCents });
    }
  }
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "order.status",
    targetTable: "orders",
    targetId: orderId,
    changes: [{ field: "status", from: current.status, to }],
    at: now,
  });
  return (await ctx.db.get(orderId))!;
}

/** An order from the past with everything that already happened to it. */
export type HistoricalOrder = Omit<OrderDoc, "storeId" | "number" | "searchText"> & {
  items: Omit<ItemDoc, "storeId" | "orderId" | "placedAt">[];
  fulfillment?: Omit<WithoutSystemFields<Doc<"fulfillments">>, "storeId" | "orderId">;
  return?: Omit<WithoutSystemFields<Doc<"returns">>, "storeId" | "orderId">;
};

/**
 * Bulk load of past orders (the demo seed, a channel's history import), oldest first. Numbers
 * and counters move exactly as createOrder would move them, but in one patch per batch, and
 * neither stock nor daily metrics are touched: history arrives with its own roll-ups (the
 * caller writes them through model/metrics.ts) and its stock is today's, not the past's.
 * Returns the new ids in input order.
 */
export async function recordOrderHistory(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  orders: HistoricalOrder[],
): Promise<Id<"orders">[]> {
  const stats = await getStoreStatsX(ctx, storeId);
  let number = stats.nextOrderNumber;
  const delta: StatsDelta = { ordersByStatus: {}, lifetimeRevenueCents: 0, lifetimeOrders: 0 };
  const ids: Id<"orders">[] = [];
  for (const { items, fulfillment, return: ret, ...order } of orders) {
    const orderId = await ctx.db.insert("orders", {
      ...order,
      storeId,
      number,
      searchText: orderSearchText({ number, customer: order.customer }),
    });
    number += 1;
    ids.push(orderId);
    for (const item of items) {
      await ctx.db.insert("orderItems", { ...item, storeId, orderId, placedAt: order.placedAt });
    }
    if (fulfillment) await ctx.db.insert("fulfillments", { ...fulfillment, storeId, orderId });
    if (ret) await ctx.db.insert("returns", { ...ret, storeId, orderId });
    delta.ordersByStatus[order.status] = (delta.ordersByStatus[order.status] ?? 0) + 1;
    if (countsAsSale(order.status)) {
      delta.lifetimeRevenueCents += order.totalCents;
      delta.lifetimeOrders += 1;
    }
  }
  await ctx.db.patch(stats._id, { nextOrderNumber: number, ...applyStatsDelta(stats, delta) });
  return ids;
}

// ---- The board and bulk ship (issue #12). ----

export type Shipment = { trackingNumber: string; carrier?: string };

/**
 * The one way an order ships, from the board's dialog, CSV bulk ship and the order page alike:
 * the number is checked and its carrier detected (or taken as given, model/carriers.ts), the
 * order's open fulfilment gets the number, carrier and link (a "manual" one is opened when there
 * is none), the order moves to Shipped (a New one through Processing, both recorded), and the
 * customer is sent the link, all in one transaction. On an order already shipped or delivered
 * the number is being corrected: the status stays and the customer gets the corrected link.
 */
export async function shipOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  orderId: Id<"orders">,
  shipment: Shipment,
  now: number,
): Promise<{ order: Doc<"orders">; tracking: ResolvedTracking }> {
  const order = await getInStoreX(ctx, storeId, orderId, "Order");
  const tracking = resolveTracking(shipment.trackingNumber, shipment.carrier);
  const correcting = order.status === "shipped" || order.status === "delivered";
  if (!correcting) validateMove({ from: order.status, to: "shipped", hasTracking: true });
  // Bounded: an order has a handful of fulfilments.
  const existing = await ctx.db
    .query("fulfillments")
    .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
    .take(20);
  const open =
    existing.find((f) => f.status === "pending" || f.status === "ordered") ??
    (correcting
      ? (existing.find((f) => f.trackingNumber !== undefined) ?? existing[0])
      : undefined);
  if (correcting && open?.trackingNumber === tracking.trackingNumber) {
    throw conflict(
      `Order #${order.number} already has tracking number ${tracking.trackingNumber}.`,
    );
  }
  const fields = {
    trackingNumber: tracking.trackingNumber,
    carrier: tracking.carrierName,
    trackingUrl: tracking.trackingUrl,
    status: open?.status === "delivered" ? ("delivered" as const) : ("shipped" as const),
    shippedAt: open?.shippedAt ?? now,
    updatedAt: now,
  };
  let fulfillmentId: Id<"fulfillments">;
  if (open !== undefined) {
    await ctx.db.patch(open._id, fields);
    fulfillmentId = open._id;
  } else {
    fulfillmentId = await ctx.db.insert("fulfillments", {
      storeId,
      orderId,
      supplier: "manual",
      costCents: 0,
      ...fields,
    });
  }
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "fulfillment.ship",
    targetTable: "fulfillments",
    targetId: fulfillmentId,
    changes: [
      { field: "trackingNumber", from: open?.trackingNumber ?? null, to: tracking.trackingNumber },
      { field: "carrier", from: open?.carrier ?? null, to: tracking.carrierName },
    ],
    at: now,
  });
  if (order.status === "new") {
    await transitionOrder(ctx, storeId, actor, orderId, "processing", now);
  }
  if (!correcting) await transitionOrder(ctx, storeId, actor, orderId, "shipped", now);
  await queueNotice(
    ctx,
    {
      storeId,
      orderId,
      to: order.customer.email,
      subject: correcting
        ? `Order #${order.number}: corrected tracking number`
        : `Order #${order.number} has shipped`,
      body: [
        `Hi ${order.customer.name},`,
        "",
        correcting
          ? `The tracking number we sent for order #${order.number} was wrong; this is the right one.`
          : `Your order #${order.number} is on its way with ${tracking.carrierName}.`,
        `Tracking number: ${tracking.trackingNumber}`,
        `Follow it here: ${tracking.trackingUrl}`,
      ].join("\n"),
    },
    now,
  );
  return { order: (await ctx.db.get(orderId))!, tracking };
}

// ---- Suppliers (fulfil-suppliers): the supplier order on the order's fulfilment, and notes ----

/**
 * Records what was bought from the supplier for an order, once: the fulfilment row gets the
 * supplier order id and the real cost, and a New order moves to Processing. A second record
 * is refused (CONFLICT) and changes nothing. Callers clean the id (model/suppliers.ts).
 */
export async function recordSupplierOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  orderId: Id<"orders">,
  input: { supplier: Supplier; supplierOrderId: string; costCents: number; now: number },
): Promise<Doc<"fulfillments">> {
  const order = await getInStoreX(ctx, storeId, orderId, "Order");
  assertCents(input.costCents, "The supplier cost");
  if (order.status !== "new" && order.status !== "processing") {
    throw appError(
      "INVALID_TRANSITION",
      `Order #${order.number} is ${order.status}; only new or processing orders are ordered from a supplier.`,
    );
  }
  const fulfillments = await ctx.db
    .query("fulfillments")
    .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
    .take(20);
  const done = fulfillments.find((f) => f.supplierOrderId !== undefined);
  if (done) {
    throw conflict(
      `Order #${order.number} already has supplier order ${done.supplierOrderId}; nothing was changed.`,
    );
  }
  const fields = {
    supplier: input.supplier,
    supplierOrderId: input.supplierOrderId,
    status: "ordered" as const,
    costCents: input.costCents,
    orderedAt: input.now,
    updatedAt: input.now,
  };
  const pending = fulfillments.find((f) => f.status === "pending");
  let fulfillmentId: Id<"fulfillments">;
  if (pending) {
    await ctx.db.patch(pending._id, fields);
    fulfillmentId = pending._id;
  } else {
    fulfillmentId = await ctx.db.insert("fulfillments", { storeId, orderId, ...fields });
  }
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "order.supplierOrder",
    targetTable: "orders",
    targetId: orderId,
    changes: [
      { field: "supplier", from: null, to: input.supplier },
      { field: "supplierOrderId", from: null, to: input.supplierOrderId },
    ],
    at: input.now,
  });
  if (order.status === "new") {
    await transitionOrder(ctx, storeId, actor, orderId, "processing", input.now);
  }
  return (await ctx.db.get(fulfillmentId))!;
}

/** A team note on an order; the note is the audit entry's subject, so it joins the timeline. */
export async function addOrderNote(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  orderId: Id<"orders">,
  body: string,
  now: number,
): Promise<Id<"orderNotes">> {
  await getInStoreX(ctx, storeId, orderId, "Order");
  const text = body.trim();
  if (text === "") throw invalid("A note needs some text.");
  if (text.length > 2_000) throw invalid("A note is at most 2,000 characters.");
  const noteId = await ctx.db.insert("orderNotes", {
    storeId,
    orderId,
    authorId: actor.kind === "user" ? actor.userId : undefined,
    body: text,
    at: now,
  });
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "order.note",
    targetTable: "orders",
    targetId: orderId,
    changes: [{ field: "note", from: null, to: text.slice(0, 200) }],
    at: now,
  });
  return noteId;
}

// ── Aftercare (#12): tracking, returns, refunds. Rules in returns.ts and carriers.ts. ──

/** A shopper's return request (rules checked by the caller: returns.ts). */
export async function openReturn(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  order: Doc<"orders">,
  input: { reason: string; items?: { sku: string; quantity: number }[]; refundCents: number },
  now: number,
): Promise<Id<"returns">> {
  const open = await ctx.db
    .query("returns")
    .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", order._id))
    .take(20);
  if (open.some((r) => r.status === "requested" || r.status === "approved")) {
    throw conflict("A return for this order is already open.");
  }
  const returnId = await ctx.db.insert("returns", {
    storeId,
    orderId: order._id,
    reason: input.reason,
    status: "requested",
    refundCents: input.refundCents,
    requestedAt: now,
    ...(input.items && input.items.length > 0 ? { items: input.items } : {}),
  });
  await recordAudit(ctx, {
    storeId,
    actor: SYSTEM,
    action: "return.request",
    targetTable: "orders",
    targetId: order._id,
    changes: [{ field: "return", from: null, to: "requested" }],
    at: now,
  });
  return returnId;
}

/** The team's decision on a requested return: approved (refund follows) or denied. */
export async function decideReturn(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  returnId: Id<"returns">,
  decision: {
    status: "approved" | "denied";
    note?: string;
    supplierNote?: string;
    restock?: boolean;
  },
  now: number,
): Promise<Doc<"returns">> {
  const found = await getInStoreX(ctx, storeId, returnId, "Return");
  validateReturnMove(found.status, decision.status);
  await ctx.db.patch(returnId, {
    status: decision.status,
    ...(decision.note ? { note: decision.note } : {}),
    ...(decision.supplierNote ? { supplierNote: decision.supplierNote } : {}),
    restock: decision.status === "approved" && decision.restock === true,
    ...(decision.status === "denied" ? { resolvedAt: now } : {}),
  });
  await recordAudit(ctx, {
    storeId,
    actor,
    action: `return.${decision.status === "approved" ? "approve" : "deny"}`,
    targetTable: "orders",
    targetId: found.orderId,
    changes: [{ field: "return", from: found.status, to: decision.status }],
    at: now,
  });
  return (await ctx.db.get(returnId))!;
}

/**
 * Records the money as given back, once: only an approved return becomes refunded (a retried or
 * doubled refund finds it refunded and changes nothing). Restocks when asked, and a whole-order
 * refund moves the order to Refunded (counters and metrics with it).
 */
export async function recordRefund(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  returnId: Id<"returns">,
  paymentRefundRef: string,
  now: number,
): Promise<"recorded" | "already"> {
  const found = await getInStoreX(ctx, storeId, returnId, "Return");
  if (found.status === "refunded") return "already";
  validateReturnMove(found.status, "refunded");
  await ctx.db.patch(returnId, {
    status: "refunded",
    paymentRefundRef,
    resolvedAt: now,
    refundError: undefined,
  });
  const order = await getInStoreX(ctx, storeId, found.orderId, "Order");
  if (found.restock) {
    const items = await ctx.db
      .query("orderItems")
      .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", order._id))
      .take(100);
    const lines = (found.items ?? items.map((i) => ({ sku: i.sku, quantity: i.quantity })))
      .map((line) => {
        const item = items.find((i) => i.sku === line.sku);
        return item ? { productId: item.productId, sku: line.sku, quantity: line.quantity } : null;
      })
      .filter((line) => line !== null);
    if (lines.length > 0) await restock(ctx, storeId, lines, now);
  }
  if (found.refundCents >= order.totalCents && canTransition(order.status, "refunded")) {
    await transitionOrder(ctx, storeId, actor, order._id, "refunded", now);
  }
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "return.refund",
    targetTable: "orders",
    targetId: order._id,
    changes: [{ field: "refundCents", from: null, to: found.refundCents }],
    at: now,
  });
  return "recorded";
}

/** A refund that did not go through: the return stays approved, with the reason, for a retry. */
export async function recordRefundFailure(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  returnId: Id<"returns">,
  message: string,
): Promise<void> {
  const found = await getInStoreX(ctx, storeId, returnId, "Return");
  if (found.status !== "approved") return;
  await ctx.db.patch(returnId, { refundError: message.slice(0, 500) });
}

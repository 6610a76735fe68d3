// The order board's reads: who last moved an order (for CONFLICT messages), whether an order
// can be shipped already, and the list view's filtered pages. Writes go through orders.ts.
import type { PaginationOptions } from "convex/server";
import type { Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { invalid } from "./errors";
import type { OrderStatus, SalesChannel } from "./validators";

/** The board's columns, left to right; the last two fold away by default. */
export const BOARD_COLUMNS: readonly OrderStatus[] = [
  "new",
  "processing",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
];

/** Who made an order's latest status change, and to what (from the audit trail). */
export async function lastStatusChange(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  orderId: Id<"orders">,
): Promise<{ who: string; to: string } | null> {
  // Bounded: the newest few audit rows of one order.
  const rows = await ctx.db
    .query("auditLog")
    .withIndex("by_store_target_at", (q) =>
      q.eq("storeId", storeId).eq("targetTable", "orders").eq("targetId", orderId),
    )
    .order("desc")
    .take(20);
  for (const row of rows) {
    const change = row.changes.find((c) => c.field === "status");
    if (change === undefined) continue;
    let who = "Someone";
    if (row.actorKind === "system") who = "The system";
    else if (row.actorKind === "webhook") who = "A webhook";
    else if (row.actorId !== undefined) {
      const user = await ctx.db.get(row.actorId);
      who = user?.name ?? user?.email ?? who;
    }
    return { who, to: String(change.to) };
  }
  return null;
}

/** True when one of the order's fulfilments carries a tracking number. */
export async function hasTrackingNumber(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  orderId: Id<"orders">,
): Promise<boolean> {
  const fulfillments = await ctx.db
    .query("fulfillments")
    .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
    .take(20);
  return fulfillments.some((f) => (f.trackingNumber ?? "") !== "");
}

export type ListFilters = {
  status?: OrderStatus;
  channel?: SalesChannel;
  /** Placed at or after (ms). */
  from?: number;
  /** Placed before (ms). */
  to?: number;
};

/**
 * The list view's page: newest first within the filters. Each filter combination reads an
 * index bounded by store (and status or channel) and the date range; status and channel
 * together read the status index and keep the channel's rows, so the scan is bounded by one
 * status column and the dates picked.
 */
export async function filteredOrders(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  filters: ListFilters,
  paginationOpts: PaginationOptions,
) {
  const { status, channel, from, to } = filters;
  if (from !== undefined && to !== undefined && from >= to) {
    throw invalid("The start date must be before the end date.");
  }
  // Unbounded ends are the whole time line (placedAt is a positive ms timestamp).
  const since = from ?? 0;
  const until = to ?? Number.MAX_SAFE_INTEGER;
  if (status !== undefined) {
    const query = ctx.db
      .query("orders")
      .withIndex("by_store_status_placed", (q) =>
        q.eq("storeId", storeId).eq("status", status).gte("placedAt", since).lt("placedAt", until),
      )
      .order("desc");
    return await (channel === undefined
      ? query
      : query.filter((q) => q.eq(q.field("channel"), channel))
    ).paginate(paginationOpts);
  }
  if (channel !== undefined) {
    return await ctx.db
      .query("orders")
      .withIndex("by_store_channel_placed", (q) =>
        q
          .eq("storeId", storeId)
          .eq("channel", channel)
          .gte("placedAt", since)
          .lt("placedAt", until),
      )
      .order("desc")
      .paginate(paginationOpts);
  }
  return await ctx.db
    .query("orders")
    .withIndex("by_store_placed", (q) =>
      q.eq("storeId", storeId).gte("placedAt", since).lt("placedAt", until),
    )
    .order("desc")
    .paginate(paginationOpts);
}

/** One board column's page: newest first on by_store_status_placed (or every order). */
export async function columnPage(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  status: OrderStatus | undefined,
  paginationOpts: PaginationOptions,
) {
  const query =
    status === undefined
      ? ctx.db.query("orders").withIndex("by_store_placed", (q) => q.eq("storeId", storeId))
      : ctx.db
          .query("orders")
          .withIndex("by_store_status_placed", (q) =>
            q.eq("storeId", storeId).eq("status", status),
          );
  return await query.order("desc").paginate(paginationOpts);
}

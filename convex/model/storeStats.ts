// The per-store running totals row (see tables/stores.ts for why it exists).
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { notFound } from "./errors";
import { FIRST_ORDER_NUMBER } from "./orderRules";

export function emptyStoreStats(storeId: Id<"stores">) {
  return {
    storeId,
    nextOrderNumber: FIRST_ORDER_NUMBER,
    lifetimeRevenueCents: 0,
    lifetimeOrders: 0,
    ordersByStatus: { new: 0, processing: 0, shipped: 0, delivered: 0, cancelled: 0, refunded: 0 },
  };
}

/** Every store gets its stats row when it is created, so a missing one is a bug. */
export async function getStoreStatsX(
  ctx: QueryCtx,
  storeId: Id<"stores">,
): Promise<Doc<"storeStats">> {
  const stats = await ctx.db
    .query("storeStats")
    .withIndex("by_store", (q) => q.eq("storeId", storeId))
    .unique();
  if (stats === null) throw notFound("Store statistics");
  return stats;
}

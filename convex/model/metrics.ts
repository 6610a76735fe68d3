// Keeping the daily roll-ups current. Every writer that changes revenue, orders, refunds or
// traffic adds a delta here, so the dashboard never has to recount raw rows.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { ratioBps } from "./money";

export type DailyCounts = Pick<
  Doc<"dailyMetrics">,
  | "revenueCents"
  | "orders"
  | "refundsCents"
  | "visitors"
  | "pageViews"
  | "productViews"
  | "addToCarts"
  | "checkoutStarts"
  | "purchases"
>;

export const ZERO_DAY: DailyCounts = {
  revenueCents: 0,
  orders: 0,
  refundsCents: 0,
  visitors: 0,
  pageViews: 0,
  productViews: 0,
  addToCarts: 0,
  checkoutStarts: 0,
  purchases: 0,
};

export function addCounts(base: DailyCounts, delta: Partial<DailyCounts>): DailyCounts {
  const out = { ...base };
  for (const key of Object.keys(ZERO_DAY) as (keyof DailyCounts)[]) {
    out[key] = base[key] + (delta[key] ?? 0);
  }
  return out;
}

/** Adds `delta` to the store's row for `date`, creating it if the day had nothing yet. */
export async function bumpDailyMetrics(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  date: string,
  delta: Partial<DailyCounts>,
  topProductId?: Id<"products">,
): Promise<void> {
  const row = await ctx.db
    .query("dailyMetrics")
    .withIndex("by_store_date", (q) => q.eq("storeId", storeId).eq("date", date))
    .unique();
  const counts = addCounts(row ?? ZERO_DAY, delta);
  const conversionBps = ratioBps(counts.purchases, counts.visitors);
  if (row === null) {
    await ctx.db.insert("dailyMetrics", { storeId, date, ...counts, conversionBps, topProductId });
  } else {
    await ctx.db.patch(row._id, {
      ...counts,
      conversionBps,
      ...(topProductId ? { topProductId } : {}),
    });
  }
}

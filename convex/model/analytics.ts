// How raw numbers become the dashboard: windows over daily roll-ups and product rankings.
import type { Doc, Id } from "../_generated/dataModel";
import { dayRange } from "./dates";
import { ratioBps } from "./money";

type DailyRow = Pick<
  Doc<"dailyMetrics">,
  "date" | "revenueCents" | "orders" | "visitors" | "purchases"
>;

export type WindowTotals = {
  revenueCents: number;
  orders: number;
  visitors: number;
  purchases: number;
};

/** Sums the rows whose date falls in the `days` days ending `today` (inclusive). */
export function windowTotals(rows: DailyRow[], today: string, days: number): WindowTotals {
  const first = dayRange(today, days)[0];
  const totals = { revenueCents: 0, orders: 0, visitors: 0, purchases: 0 };
  for (const row of rows) {
    if (row.date < first || row.date > today) continue;
    totals.revenueCents += row.revenueCents;
    totals.orders += row.orders;
    totals.visitors += row.visitors;
    totals.purchases += row.purchases;
  }
  return totals;
}

export type SeriesPoint = { date: string; revenueCents: number; orders: number; visitors: number };

/** One point per day for the `days` days ending `today`, zero-filled where nothing happened. */
export function dailySeries(rows: DailyRow[], today: string, days: number): SeriesPoint[] {
  const byDate = new Map(rows.map((row) => [row.date, row]));
  return dayRange(today, days).map((date) => {
    const row = byDate.get(date);
    return {
      date,
      revenueCents: row?.revenueCents ?? 0,
      orders: row?.orders ?? 0,
      visitors: row?.visitors ?? 0,
    };
  });
}

export function averageOrderValueCents(totals: WindowTotals): number {
  return totals.orders === 0 ? 0 : Math.round(totals.revenueCents / totals.orders);
}

export function conversionBps(totals: WindowTotals): number {
  return ratioBps(totals.purchases, totals.visitors);
}

export type ProductRank = { productId: Id<"products">; revenueCents: number; units: number };

/** Adds up per-product daily rows and returns the best `limit` by revenue (ties: more units). */
export function topProducts(
  rows: Pick<Doc<"productDailyMetrics">, "productId" | "revenueCents" | "units">[],
  limit: number,
): ProductRank[] {
  const byProduct = new Map<Id<"products">, ProductRank>();
  for (const row of rows) {
    const rank = byProduct.get(row.productId) ?? {
      productId: row.productId,
      revenueCents: 0,
      units: 0,
    };
    rank.revenueCents += row.revenueCents;
    rank.units += row.units;
    byProduct.set(row.productId, rank);
  }
  return [...byProduct.values()]
    .sort((a, b) => b.revenueCents - a.revenueCents || b.units - a.units)
    .slice(0, limit);
}

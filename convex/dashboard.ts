// The command centre's front page: sales at a glance, read from roll-ups, never raw orders.
import { v } from "convex/values";
import { storeQuery } from "./functions";
import {
  averageOrderValueCents,
  conversionBps,
  dailySeries,
  topProducts,
  windowTotals,
} from "./model/analytics";
import { addDays, dateKey } from "./model/dates";
import { getStoreStatsX } from "./model/storeStats";
import schema from "./schema";

const SERIES_DAYS = 90;
const TOP_PRODUCT_DAYS = 30;
// One row per product with activity per day; a 30-day window of a few hundred products fits.
const MAX_PRODUCT_ROWS = 15_000;

const windows = v.object({
  today: v.number(),
  last7Days: v.number(),
  last30Days: v.number(),
  allTime: v.number(),
});

export const overview = storeQuery({
  args: {},
  returns: v.object({
    currency: v.string(),
    today: v.string(),
    revenueCents: windows,
    orders: windows,
    averageOrderValueCents: v.number(),
    conversionBps: v.number(),
    visitors30Days: v.number(),
    series: v.array(
      v.object({
        date: v.string(),
        revenueCents: v.number(),
        orders: v.number(),
        visitors: v.number(),
      }),
    ),
    topProducts: v.array(
      v.object({
        productId: v.id("products"),
        title: v.string(),
        imageUrl: v.optional(v.string()),
        revenueCents: v.number(),
        units: v.number(),
      }),
    ),
    ordersByStatus: schema.tables.storeStats.validator.fields.ordersByStatus,
  }),
  handler: async (ctx, { storeId }) => {
    // Day boundaries are UTC, as the roll-ups are keyed.
    const today = dateKey(Date.now());
    const rows = await ctx.db
      .query("dailyMetrics")
      .withIndex("by_store_date", (q) =>
        q
          .eq("storeId", storeId)
          .gte("date", addDays(today, -(SERIES_DAYS - 1)))
          .lte("date", today),
      )
      .take(SERIES_DAYS);
    const productRows = await ctx.db
      .query("productDailyMetrics")
      .withIndex("by_store_date", (q) =>
        q
          .eq("storeId", storeId)
          .gte("date", addDays(today, -(TOP_PRODUCT_DAYS - 1)))
          .lte("date", today),
      )
      .take(MAX_PRODUCT_ROWS);
    const stats = await getStoreStatsX(ctx, storeId);

    const day = windowTotals(rows, today, 1);
    const week = windowTotals(rows, today, 7);
    const month = windowTotals(rows, today, 30);
    const top = [];
    for (const rank of topProducts(productRows, 5)) {
      const product = await ctx.db.get(rank.productId);
      if (product === null) continue;
      top.push({ ...rank, title: product.title, imageUrl: product.images[0]?.url });
    }
    return {
      currency: ctx.store.currency,
      today,
      revenueCents: {
        today: day.revenueCents,
        last7Days: week.revenueCents,
        last30Days: month.revenueCents,
        allTime: stats.lifetimeRevenueCents,
      },
      orders: {
        today: day.orders,
        last7Days: week.orders,
        last30Days: month.orders,
        allTime: stats.lifetimeOrders,
      },
      averageOrderValueCents: averageOrderValueCents(month),
      conversionBps: conversionBps(month),
      visitors30Days: month.visitors,
      series: dailySeries(rows, today, SERIES_DAYS),
      topProducts: top,
      ordersByStatus: stats.ordersByStatus,
    };
  },
});

// ANALYZE: the view-to-purchase funnel over a window of days.
import { v } from "convex/values";
import { storeQuery } from "./functions";
import { addDays, dateKey } from "./model/dates";
import { invalid } from "./model/errors";
import { ratioBps } from "./model/money";

export const funnel = storeQuery({
  args: { days: v.number() },
  returns: v.object({
    from: v.string(),
    to: v.string(),
    visitors: v.number(),
    pageViews: v.number(),
    productViews: v.number(),
    addToCarts: v.number(),
    checkoutStarts: v.number(),
    purchases: v.number(),
    conversionBps: v.number(),
  }),
  handler: async (ctx, { storeId, days }) => {
    if (!Number.isInteger(days) || days < 1 || days > 366) {
      throw invalid("Pick a window of 1 to 366 days.");
    }
    const to = dateKey(Date.now());
    const from = addDays(to, -(days - 1));
    const rows = await ctx.db
      .query("dailyMetrics")
      .withIndex("by_store_date", (q) => q.eq("storeId", storeId).gte("date", from).lte("date", to))
      .take(days);
    const sum = (
      key:
        | "visitors"
        | "pageViews"
        | "productViews"
        | "addToCarts"
        | "checkoutStarts"
        | "purchases",
    ) => rows.reduce((total, row) => total + row[key], 0);
    const visitors = sum("visitors");
    const purchases = sum("purchases");
    return {
      from,
      to,
      visitors,
      pageViews: sum("pageViews"),
      productViews: sum("productViews"),
      addToCarts: sum("addToCarts"),
      checkoutStarts: sum("checkoutStarts"),
      purchases,
      conversionBps: ratioBps(purchases, visitors),
    };
  },
});

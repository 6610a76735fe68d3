// DISCOVER: the trend feed and each trend's recent history.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { storeQuery } from "./functions";
import { getInStore } from "./model/access";
import { trendStatus } from "./model/validators";
import schema from "./schema";

/** Highest score first, optionally only one status (e.g. "new" for the inbox). */
export const trends = storeQuery({
  args: { status: v.optional(trendStatus), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(schema.doc("trends")),
  handler: async (ctx, { storeId, status, paginationOpts }) => {
    const query =
      status === undefined
        ? ctx.db.query("trends").withIndex("by_store_score", (q) => q.eq("storeId", storeId))
        : ctx.db
            .query("trends")
            .withIndex("by_store_status_score", (q) =>
              q.eq("storeId", storeId).eq("status", status),
            );
    return await query.order("desc").paginate(paginationOpts);
  },
});

/** A trend and its snapshots over the last `days` days (default 14), oldest first. */
export const trend = storeQuery({
  args: { trendId: v.id("trends"), days: v.optional(v.number()) },
  returns: v.union(
    v.null(),
    v.object({ trend: schema.doc("trends"), snapshots: v.array(schema.doc("trendSnapshots")) }),
  ),
  handler: async (ctx, { storeId, trendId, days }) => {
    const found = await getInStore(ctx, storeId, trendId);
    if (found === null) return null;
    const window = Math.min(Math.max(days ?? 14, 1), 365);
    const since = Date.now() - window * 86_400_000;
    const snapshots = await ctx.db
      .query("trendSnapshots")
      .withIndex("by_store_trend_taken", (q) =>
        q.eq("storeId", storeId).eq("trendId", trendId).gte("takenAt", since),
      )
      .take(window * 24);
    return { trend: found, snapshots };
  },
});

// MARKET: AI drafts, the social calendar, email campaigns and coupons.
import { v } from "convex/values";
import { storeQuery } from "./functions";
import { aiDraftKind } from "./model/validators";
import schema from "./schema";

/** Recent AI drafts, newest first: for one product, or of one kind. */
export const drafts = storeQuery({
  args: { productId: v.optional(v.id("products")), kind: v.optional(aiDraftKind) },
  returns: v.array(schema.doc("aiDrafts")),
  handler: async (ctx, { storeId, productId, kind }) => {
    if (productId !== undefined) {
      return await ctx.db
        .query("aiDrafts")
        .withIndex("by_store_product", (q) => q.eq("storeId", storeId).eq("productId", productId))
        .order("desc")
        .take(50);
    }
    const query =
      kind === undefined
        ? ctx.db.query("aiDrafts").withIndex("by_store_kind", (q) => q.eq("storeId", storeId))
        : ctx.db
            .query("aiDrafts")
            .withIndex("by_store_kind", (q) => q.eq("storeId", storeId).eq("kind", kind));
    return await query.order("desc").take(50);
  },
});

/** Posts scheduled in [from, to) (ms), for the content calendar. */
export const calendar = storeQuery({
  args: { from: v.number(), to: v.number() },
  returns: v.array(schema.doc("socialPosts")),
  handler: async (ctx, { storeId, from, to }) => {
    return await ctx.db
      .query("socialPosts")
      .withIndex("by_store_scheduled", (q) =>
        q.eq("storeId", storeId).gte("scheduledFor", from).lt("scheduledFor", to),
      )
      .take(500);
  },
});

export const campaigns = storeQuery({
  args: {},
  returns: v.array(schema.doc("emailCampaigns")),
  handler: async (ctx, { storeId }) => {
    return await ctx.db
      .query("emailCampaigns")
      .withIndex("by_store_status", (q) => q.eq("storeId", storeId))
      .take(200);
  },
});

export const coupons = storeQuery({
  args: {},
  returns: v.array(schema.doc("coupons")),
  handler: async (ctx, { storeId }) => {
    return await ctx.db
      .query("coupons")
      .withIndex("by_store_code", (q) => q.eq("storeId", storeId))
      .take(500);
  },
});

import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const seed = mutation({
  args: {},
  handler: async (ctx) => {
    const rows = [
      { title: "Red apple pie", store: "s1", status: "live" },
      { title: "Green apple", store: "s1", status: "draft" },
      { title: "Apple juice", store: "s2", status: "live" },
      { title: "Banana bread", store: "s1", status: "live" },
      { title: "pineapple cake", store: "s1", status: "live" },
    ];
    for (const row of rows) await ctx.db.insert("articles", row);
  },
});

/**
 * Titles matching a one-word search, optionally filtered on the filter fields. Sorted, so the
 * comparison does not depend on relevance ranking (which convex-test does not model).
 */
export const find = query({
  args: { term: v.string(), store: v.optional(v.string()), status: v.optional(v.string()) },
  handler: async (ctx, { term, store, status }) => {
    const docs = await ctx.db
      .query("articles")
      .withSearchIndex("search_title", (q) => {
        let b = q.search("title", term);
        if (store !== undefined) b = b.eq("store", store);
        if (status !== undefined) b = b.eq("status", status);
        return b;
      })
      .collect();
    return docs.map((d) => d.title).sort();
  },
});

/** A multi-word search: the best match first, then every match (sorted, order-independent). */
export const ranked = query({
  args: { terms: v.string() },
  handler: async (ctx, { terms }) => {
    const docs = await ctx.db
      .query("articles")
      .withSearchIndex("search_title", (q) => q.search("title", terms))
      .collect();
    return { best: docs[0]?.title ?? null, all: docs.map((d) => d.title).sort() };
  },
});

import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

export const seed = mutation({
  args: { group: v.string(), ns: v.array(v.number()) },
  handler: async (ctx, { group, ns }) => {
    for (const n of ns) await ctx.db.insert("pages", { group, n });
  },
});

export const remove = mutation({
  args: { group: v.string(), n: v.number() },
  handler: async (ctx, { group, n }) => {
    const doc = await ctx.db
      .query("pages")
      .withIndex("by_group_n", (q) => q.eq("group", group).eq("n", n))
      .unique();
    if (doc) await ctx.db.delete(doc._id);
    return doc !== null;
  },
});

/**
 * One page of `pages`: whole table (no group) or the `by_group_n` index for one group with an
 * optional [gte, lt) range on n; optional desc order and an "even n only" filter. Returns only
 * the portable part of the result: the n's, isDone and the continue cursor.
 */
export const page = query({
  args: {
    paginationOpts: paginationOptsValidator,
    group: v.optional(v.string()),
    gte: v.optional(v.number()),
    lt: v.optional(v.number()),
    order: v.optional(v.union(v.literal("asc"), v.literal("desc"))),
    evenOnly: v.optional(v.boolean()),
  },
  handler: async (ctx, args) => {
    let q: any;
    if (args.group === undefined) {
      q = ctx.db.query("pages");
    } else {
      const group = args.group;
      q = ctx.db.query("pages").withIndex("by_group_n", (r) => {
        let b: any = r.eq("group", group);
        if (args.gte !== undefined) b = b.gte("n", args.gte);
        if (args.lt !== undefined) b = b.lt("n", args.lt);
        return b;
      });
    }
    if (args.order) q = q.order(args.order);
    if (args.evenOnly) q = q.filter((f: any) => f.eq(f.mod(f.field("n"), 2), 0));
    const result = await q.paginate(args.paginationOpts);
    return {
      page: result.page.map((d: { n: number }) => d.n),
      isDone: result.isDone,
      continueCursor: result.continueCursor,
    };
  },
});

/** Convex allows a single `.paginate()` per function execution: the second call throws. */
export const twoPaginateCalls = query({
  args: {},
  handler: async (ctx) => {
    await ctx.db.query("pages").paginate({ cursor: null, numItems: 1 });
    await ctx.db.query("pages").paginate({ cursor: null, numItems: 1 });
    return "unreachable";
  },
});

/**
 * One page of group `group` (by_group_n, or the whole table when no group) with the full
 * pagination result: pageStatus and splitCursor too, for maximumRowsRead / maximumBytesRead.
 */
export const pageWithStatus = query({
  args: {
    paginationOpts: paginationOptsValidator,
    group: v.optional(v.string()),
    order: v.optional(v.union(v.literal("asc"), v.literal("desc"))),
    evenOnly: v.optional(v.boolean()),
  },
  handler: async (ctx, args) => {
    const group = args.group;
    let q: any =
      group === undefined
        ? ctx.db.query("pages")
        : ctx.db.query("pages").withIndex("by_group_n", (r) => r.eq("group", group));
    if (args.order) q = q.order(args.order);
    if (args.evenOnly) q = q.filter((f: any) => f.eq(f.mod(f.field("n"), 2), 0));
    const result = await q.paginate(args.paginationOpts);
    return {
      page: result.page.map((d: { n: number }) => d.n),
      isDone: result.isDone,
      continueCursor: result.continueCursor,
      pageStatus: result.pageStatus ?? null,
      splitCursor: result.splitCursor ?? null,
    };
  },
});

/** Deletes the documents of `group` whose n is in `ns`. */
export const removeMany = mutation({
  args: { group: v.string(), ns: v.array(v.number()) },
  handler: async (ctx, { group, ns }) => {
    for (const n of ns) {
      const doc = await ctx.db
        .query("pages")
        .withIndex("by_group_n", (q) => q.eq("group", group).eq("n", n))
        .unique();
      if (doc) await ctx.db.delete(doc._id);
    }
  },
});

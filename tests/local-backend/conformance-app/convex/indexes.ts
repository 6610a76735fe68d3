import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { applyRange, rangeOp } from "./helpers";

/**
 * Reads `items` through an index with the given range and returns item names.
 * mode: collect (default) | first | unique | take (with n).
 */
export const range = query({
  args: {
    index: v.string(),
    ops: v.optional(v.array(rangeOp)),
    order: v.optional(v.union(v.literal("asc"), v.literal("desc"))),
    mode: v.optional(
      v.union(v.literal("collect"), v.literal("first"), v.literal("unique"), v.literal("take")),
    ),
    n: v.optional(v.number()),
  },
  handler: async (ctx, args) => {
    let q: any = ctx.db
      .query("items")
      .withIndex(args.index as any, (r: any) => applyRange(r, args.ops ?? []));
    if (args.order) q = q.order(args.order);
    switch (args.mode ?? "collect") {
      case "first":
        return (await q.first())?.name ?? null;
      case "unique":
        return (await q.unique())?.name ?? null;
      case "take":
        return (await q.take(args.n ?? 0)).map((d: { name: string }) => d.name);
      default:
        return (await q.collect()).map((d: { name: string }) => d.name);
    }
  },
});

/** Table-level query shapes without withIndex: default order, desc, first, take. */
export const table = query({
  args: {
    order: v.optional(v.union(v.literal("asc"), v.literal("desc"))),
    mode: v.optional(v.union(v.literal("collect"), v.literal("first"), v.literal("take"))),
    n: v.optional(v.number()),
  },
  handler: async (ctx, args) => {
    let q: any = ctx.db.query("items");
    if (args.order) q = q.order(args.order);
    switch (args.mode ?? "collect") {
      case "first":
        return (await q.first())?.name ?? null;
      case "take":
        return (await q.take(args.n ?? 0)).map((d: { name: string }) => d.name);
      default:
        return (await q.collect()).map((d: { name: string }) => d.name);
    }
  },
});

/** Iterating a query with `for await` stops early without reading the rest. */
export const iterateUntil = query({
  args: { stopAfter: v.number() },
  handler: async (ctx, { stopAfter }) => {
    const seen: string[] = [];
    for await (const doc of ctx.db.query("items").withIndex("by_n")) {
      seen.push(doc.name);
      if (seen.length >= stopAfter) break;
    }
    return seen;
  },
});

export const seedOrders = mutation({
  args: {},
  handler: async (ctx) => {
    const rows: [string, string, string, boolean, number, string][] = [
      ["o1", "s1", "paid", true, 100, "ann@x.io"],
      ["o2", "s1", "open", false, 200, "bob@x.io"],
      ["o3", "s1", "paid", true, 300, "bob@x.io"],
      ["o4", "s2", "paid", false, 150, "ann@x.io"],
      ["o5", "s1", "paid", false, 250, "ann@x.io"],
      ["o6", "s1", "open", true, 50, "cy@x.io"],
    ];
    for (const [label, store, status, published, placedAt, email] of rows) {
      await ctx.db.insert("orders", {
        label,
        store,
        status,
        published,
        placedAt,
        customer: { email },
      });
    }
  },
});

/** Like `range`, on the `orders` table (returns labels). */
export const orders = query({
  args: {
    index: v.string(),
    ops: v.optional(v.array(rangeOp)),
    order: v.optional(v.union(v.literal("asc"), v.literal("desc"))),
    take: v.optional(v.number()),
  },
  handler: async (ctx, args) => {
    let q: any = ctx.db
      .query("orders")
      .withIndex(args.index as any, (r: any) => applyRange(r, args.ops ?? []));
    if (args.order) q = q.order(args.order);
    const docs = args.take === undefined ? await q.collect() : await q.take(args.take);
    return docs.map((d: { label: string }) => d.label);
  },
});

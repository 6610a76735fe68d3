import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { buildFilter, type FilterExpr } from "./helpers";

/** Homogeneous rows: every field has one type, so comparisons never cross types. */
export const seedNums = mutation({
  args: {},
  handler: async (ctx) => {
    const rows = [
      { label: "r1", a: 1, b: 2, i: 1n, s: "apple", nested: { a: { b: 10 } } },
      { label: "r2", a: 2, b: 2, i: 2n, s: "banana", nested: { a: { b: 20 } } },
      { label: "r3", a: 3, b: 1.5, i: 3n, s: "cherry", nested: { a: { b: 30 } } },
      { label: "r4", a: 4, b: 0.5, i: 4n, s: "date", nested: { a: { b: 40 } } },
      { label: "r5", a: 5, b: 10, i: 5n, s: "apple", nested: { a: { b: 50 } } },
      { label: "r6", a: -6, b: 3, i: -6n, s: "Apple", nested: { a: { b: -60 } } },
    ];
    for (const row of rows) await ctx.db.insert("nums", row);
  },
});

/** Labels of the rows of `table` for which `expr` holds: in default order, or sorted. */
export const run = query({
  args: {
    table: v.union(v.literal("nums"), v.literal("values")),
    expr: v.any(),
    sort: v.optional(v.boolean()),
  },
  handler: async (ctx, { table, expr, sort }) => {
    const docs = await ctx.db
      .query(table)
      .filter((q) => buildFilter(q, expr as FilterExpr))
      .collect();
    const labels = docs.map((d) => d.label);
    return sort ? labels.sort() : labels;
  },
});

/** Several filters chained on one query: they must all hold. */
export const chained = query({
  args: {},
  handler: async (ctx) => {
    const docs = await ctx.db
      .query("nums")
      .filter((q) => q.gt(q.field("a"), 1))
      .filter((q) => q.lt(q.field("a"), 5))
      .filter((q) => q.neq(q.field("s"), "cherry"))
      .collect();
    return docs.map((d) => d.label);
  },
});

/** filter + take + order: the limit applies after the filter. */
export const filterTake = query({
  args: { n: v.number(), order: v.union(v.literal("asc"), v.literal("desc")) },
  handler: async (ctx, { n, order }) => {
    const docs = await ctx.db
      .query("nums")
      .order(order)
      .filter((q) => q.eq(q.field("s"), "apple"))
      .take(n);
    return docs.map((d) => d.label);
  },
});

import { v } from "convex/values";
import { mutation, query } from "./_generated/server";
import { applyRange, rangeOp } from "./helpers";

const bytes = (...b: number[]) => new Uint8Array(b).buffer;
const MISSING = Symbol("missing");

/**
 * One value of every Convex type (and the interesting edge cases within each type), listed in
 * Convex's documented total order: undefined < null < int64 < float64 < boolean < string <
 * bytes < array < object. Strings compare by UTF-8 bytes (so "\uffff" < "😀", unlike UTF-16);
 * -0 sorts before 0; NaN after +Infinity; arrays and objects compare element- / field-wise.
 */
const VALUES: [string, unknown][] = [
  ["missing", MISSING],
  ["null", null],
  ["i_min", -(2n ** 63n)],
  ["i_neg", -5n],
  ["i_zero", 0n],
  ["i_pos", 7n],
  ["i_max", 2n ** 63n - 1n],
  ["f_neginf", Number.NEGATIVE_INFINITY],
  ["f_neg", -1.5],
  ["f_negzero", -0],
  ["f_zero", 0],
  ["f_tiny", 5e-324],
  ["f_pos", 2.5],
  ["f_big", 1e300],
  ["f_inf", Number.POSITIVE_INFINITY],
  ["f_nan", Number.NaN],
  ["false", false],
  ["true", true],
  ["s_empty", ""],
  ["s_upper", "A"],
  ["s_lower", "a"],
  ["s_ab", "ab"],
  ["s_eacute", "é"],
  ["s_uffff", "\uffff"],
  ["s_emoji", "😀"],
  ["b_empty", bytes()],
  ["b_00", bytes(0)],
  ["b_00ff", bytes(0, 255)],
  ["b_01", bytes(1)],
  ["b_ff", bytes(255)],
  ["a_empty", []],
  ["a_null", [null]],
  ["a_int", [1n]],
  ["a_float", [1]],
  ["a_float_str", [1, "x"]],
  ["a_str", ["a"]],
  ["o_empty", {}],
  ["o_a1", { a: 1 }],
  ["o_a1_b1", { a: 1, b: 1 }],
  ["o_a2", { a: 2 }],
  ["o_b0", { b: 0 }],
];

/** Inserts every value, in an order unrelated to the value order (and to label order). */
export const seed = mutation({
  args: {},
  handler: async (ctx) => {
    const evens = VALUES.filter((_, i) => i % 2 === 0).reverse();
    const odds = VALUES.filter((_, i) => i % 2 === 1);
    for (const [label, value] of [...evens, ...odds]) {
      await ctx.db.insert("values", value === MISSING ? { label } : { label, v: value as any });
    }
    return VALUES.length;
  },
});

/** Labels in `by_v` index order, optionally restricted by a range and/or descending. */
export const byIndex = query({
  args: {
    ops: v.optional(v.array(rangeOp)),
    order: v.optional(v.union(v.literal("asc"), v.literal("desc"))),
  },
  handler: async (ctx, args) => {
    let q: any = ctx.db
      .query("values")
      .withIndex("by_v", (r: any) => applyRange(r, args.ops ?? []));
    if (args.order) q = q.order(args.order);
    return (await q.collect()).map((d: { label: string }) => d.label);
  },
});

/** The stored values themselves, in index order: every type must round-trip exactly. */
export const roundTrip = query({
  args: {},
  handler: async (ctx) =>
    (await ctx.db.query("values").withIndex("by_v").collect()).map(({ label, v }) =>
      v === undefined ? { label } : { label, v },
    ),
});

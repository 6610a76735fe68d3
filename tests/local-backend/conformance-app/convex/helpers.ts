// Plain helpers shared by the function modules (this module exports no Convex functions).
import { v } from "convex/values";

/**
 * One index-range operator, applied in order to the `withIndex` builder:
 * `{ op: "gte", field: "n", value: 2 }` becomes `.gte("n", 2)`. `undef: true` passes `undefined`
 * (which cannot travel as an argument) instead of `value`.
 */
export const rangeOp = v.object({
  op: v.union(
    v.literal("eq"),
    v.literal("gt"),
    v.literal("gte"),
    v.literal("lt"),
    v.literal("lte"),
  ),
  field: v.string(),
  value: v.optional(v.any()),
  undef: v.optional(v.boolean()),
});

export type RangeOp = { op: string; field: string; value?: unknown; undef?: boolean };

export function applyRange(builder: any, ops: RangeOp[]) {
  let b = builder;
  for (const op of ops) b = b[op.op](op.field, op.undef ? undefined : op.value);
  return b;
}

/**
 * A filter expression as data, built into `q` calls by `buildFilter`:
 * `{ field: "a.b" }`, `{ lit: value }`, `{ undef: true }` (the literal `undefined`), or
 * `{ op: "eq" | "neq" | "lt" | "lte" | "gt" | "gte" | "add" | "sub" | "mul" | "div" | "mod" |
 *   "neg" | "and" | "or" | "not", args: [...] }`.
 */
export type FilterExpr =
  | { field: string }
  | { lit: unknown }
  | { undef: true }
  | { op: string; args: FilterExpr[] };

export function buildFilter(q: any, e: FilterExpr): any {
  if ("field" in e) return q.field(e.field);
  if ("lit" in e) return e.lit;
  if ("undef" in e) return undefined;
  const args = e.args.map((a) => buildFilter(q, a));
  switch (e.op) {
    case "and":
    case "or":
      return q[e.op](...args);
    case "not":
    case "neg":
      return q[e.op](args[0]);
    default:
      if (typeof q[e.op] !== "function") throw new Error(`unknown filter op ${e.op}`);
      return q[e.op](args[0], args[1]);
  }
}

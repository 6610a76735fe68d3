import type { Scenario } from "../harness/scenario";
import { bytes, eqUndefined, mutation, op, query } from "./dsl";

/**
 * Convex's total order of values (https://docs.convex.dev/database/advanced/indexes):
 * undefined < null < int64 < float64 < boolean < string < bytes < array < object.
 * Within types: int64 numerically; float64 by IEEE total order (-0 < 0, NaN after +Infinity);
 * strings by UTF-8 bytes ("\uffff" < "😀", the reverse of UTF-16 order); bytes
 * lexicographically; arrays element-wise then by length; objects field by field (sorted keys).
 * The labels below are the documents of conformance-app/convex/ordering.ts in that order.
 */
export const VALUE_ORDER = [
  "missing",
  "null",
  "i_min",
  "i_neg",
  "i_zero",
  "i_pos",
  "i_max",
  "f_neginf",
  "f_neg",
  "f_negzero",
  "f_zero",
  "f_tiny",
  "f_pos",
  "f_big",
  "f_inf",
  "f_nan",
  "false",
  "true",
  "s_empty",
  "s_upper",
  "s_lower",
  "s_ab",
  "s_eacute",
  "s_uffff",
  "s_emoji",
  "b_empty",
  "b_00",
  "b_00ff",
  "b_01",
  "b_ff",
  "a_empty",
  "a_null",
  "a_int",
  "a_float",
  "a_float_str",
  "a_str",
  "o_empty",
  "o_a1",
  "o_a1_b1",
  "o_a2",
  "o_b0",
];

const between = (from: string, to: string) =>
  VALUE_ORDER.slice(VALUE_ORDER.indexOf(from), VALUE_ORDER.indexOf(to) + 1);
const from = (label: string) => VALUE_ORDER.slice(VALUE_ORDER.indexOf(label));

const seed = mutation("ordering:seed", {}, { value: VALUE_ORDER.length });
const byIndex = (ops: unknown[], value: string[], order?: "desc") =>
  query("ordering:byIndex", order ? { ops, order } : { ops }, { value });

export const orderingScenarios: Scenario[] = [
  {
    area: "ordering",
    name: "an index orders values across types: undefined < null < int64 < float64 < boolean < string < bytes < array < object",
    steps: [seed, byIndex([], VALUE_ORDER), byIndex([], [...VALUE_ORDER].reverse(), "desc")],
  },
  {
    area: "ordering",
    name: "every value type round-trips through storage exactly",
    steps: [
      seed,
      query(
        "ordering:roundTrip",
        {},
        {
          value: [
            { label: "missing" },
            { label: "null", v: null },
            { label: "i_min", v: -(2n ** 63n) },
            { label: "i_neg", v: -5n },
            { label: "i_zero", v: 0n },
            { label: "i_pos", v: 7n },
            { label: "i_max", v: 2n ** 63n - 1n },
            { label: "f_neginf", v: Number.NEGATIVE_INFINITY },
            { label: "f_neg", v: -1.5 },
            { label: "f_negzero", v: -0 },
            { label: "f_zero", v: 0 },
            { label: "f_tiny", v: 5e-324 },
            { label: "f_pos", v: 2.5 },
            { label: "f_big", v: 1e300 },
            { label: "f_inf", v: Number.POSITIVE_INFINITY },
            { label: "f_nan", v: Number.NaN },
            { label: "false", v: false },
            { label: "true", v: true },
            { label: "s_empty", v: "" },
            { label: "s_upper", v: "A" },
            { label: "s_lower", v: "a" },
            { label: "s_ab", v: "ab" },
            { label: "s_eacute", v: "é" },
            { label: "s_uffff", v: "\uffff" },
            { label: "s_emoji", v: "😀" },
            { label: "b_empty", v: bytes() },
            { label: "b_00", v: bytes(0) },
            { label: "b_00ff", v: bytes(0, 255) },
            { label: "b_01", v: bytes(1) },
            { label: "b_ff", v: bytes(255) },
            { label: "a_empty", v: [] },
            { label: "a_null", v: [null] },
            { label: "a_int", v: [1n] },
            { label: "a_float", v: [1] },
            { label: "a_float_str", v: [1, "x"] },
            { label: "a_str", v: ["a"] },
            { label: "o_empty", v: {} },
            { label: "o_a1", v: { a: 1 } },
            { label: "o_a1_b1", v: { a: 1, b: 1 } },
            { label: "o_a2", v: { a: 2 } },
            { label: "o_b0", v: { b: 0 } },
          ],
        },
      ),
    ],
  },
  {
    area: "ordering",
    name: "index ranges whose bounds cross type boundaries",
    steps: [
      seed,
      byIndex([eqUndefined("v")], ["missing"]),
      byIndex([op("eq", "v", null)], ["null"]),
      byIndex([op("gt", "v", null)], from("i_min")),
      byIndex([op("lt", "v", 0n)], ["missing", "null", "i_min", "i_neg"]),
      // Every int64 is below every float64, whatever the numbers.
      byIndex([op("lt", "v", 0)], between("missing", "f_negzero")),
      byIndex([op("gte", "v", 0), op("lt", "v", false)], between("f_zero", "f_nan")),
      byIndex([op("eq", "v", 0)], ["f_zero"]),
      byIndex([op("eq", "v", -0)], ["f_negzero"]),
      byIndex([op("eq", "v", Number.NaN)], ["f_nan"]),
      byIndex([op("gt", "v", Number.POSITIVE_INFINITY), op("lt", "v", false)], ["f_nan"]),
      byIndex([op("gt", "v", false), op("lt", "v", "")], ["true"]),
      byIndex([op("gte", "v", ""), op("lt", "v", bytes())], between("s_empty", "s_emoji")),
      byIndex([op("gt", "v", "\uffff")], from("s_emoji")),
      byIndex([op("gte", "v", bytes(0)), op("lte", "v", bytes(1))], ["b_00", "b_00ff", "b_01"]),
      byIndex([op("gte", "v", [])], from("a_empty")),
      byIndex([op("gt", "v", [1n]), op("lt", "v", ["a"])], ["a_float", "a_float_str"]),
      byIndex([op("eq", "v", [1n])], ["a_int"]),
      byIndex([op("gte", "v", {})], from("o_empty")),
      byIndex([op("eq", "v", { a: 1 })], ["o_a1"]),
      byIndex([op("gt", "v", { a: 1 })], ["o_a1_b1", "o_a2", "o_b0"]),
      byIndex([op("lt", "v", { a: 2 })], between("missing", "o_a1_b1"), undefined),
      byIndex([op("gt", "v", "a"), op("lt", "v", "é")], ["s_ab"], "desc"),
    ],
  },
];

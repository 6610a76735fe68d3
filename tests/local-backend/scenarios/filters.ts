import type { Scenario } from "../harness/scenario";
import { bytes, convexFails, f, mutation, query } from "./dsl";
import { VALUE_ORDER } from "./ordering";

/*
 * nums rows (conformance-app/convex/filters.ts), in insertion order:
 *   r1 a=1  b=2   i=1n  s="apple"  nested.a.b=10
 *   r2 a=2  b=2   i=2n  s="banana" nested.a.b=20
 *   r3 a=3  b=1.5 i=3n  s="cherry" nested.a.b=30
 *   r4 a=4  b=0.5 i=4n  s="date"   nested.a.b=40
 *   r5 a=5  b=10  i=5n  s="apple"  nested.a.b=50
 *   r6 a=-6 b=3   i=-6n s="Apple"  nested.a.b=-60
 */
const ALL = ["r1", "r2", "r3", "r4", "r5", "r6"];
const { field, lit, undef, op } = f;
const nums = (expr: unknown, value: unknown) =>
  query("filters:run", { table: "nums", expr }, { value });
const values = (expr: unknown, value: string[]) =>
  query("filters:run", { table: "values", expr, sort: true }, { value: [...value].sort() });
const sorted = (labels: string[]) => [...labels].sort();
const seedNums = mutation("filters:seedNums");
const seedValues = mutation("ordering:seed");

/** A filter step where convex-test evaluates with JavaScript operators instead of Convex's order. */
const crossType = (expr: unknown, convexLabels: string[]) =>
  query(
    "filters:run",
    { table: "values", expr, sort: true },
    {
      deviation: {
        note:
          "convex-test evaluates q.lt/lte/gt/gte with JavaScript's < and > (e.g. null < 3, " +
          "undefined < x is false, 5n > null); Convex compares with its total order of values, " +
          "undefined < null < int64 < float64 < boolean < string < bytes < array < object",
        convex: { value: sorted(convexLabels) },
      },
    },
  );

const from = (label: string) => VALUE_ORDER.slice(VALUE_ORDER.indexOf(label));
const upTo = (label: string) => VALUE_ORDER.slice(0, VALUE_ORDER.indexOf(label) + 1);

export const filterScenarios: Scenario[] = [
  {
    area: "filters",
    name: "comparisons: eq, neq, lt, lte, gt, gte (field vs literal, field vs field)",
    steps: [
      seedNums,
      nums(op("eq", field("a"), lit(2)), ["r2"]),
      nums(op("neq", field("a"), lit(2)), ["r1", "r3", "r4", "r5", "r6"]),
      nums(op("lt", field("a"), lit(3)), ["r1", "r2", "r6"]),
      nums(op("lte", field("a"), lit(3)), ["r1", "r2", "r3", "r6"]),
      nums(op("gt", field("a"), lit(3)), ["r4", "r5"]),
      nums(op("gte", field("a"), lit(3)), ["r3", "r4", "r5"]),
      nums(op("eq", field("a"), field("b")), ["r2"]),
      nums(op("gt", field("a"), field("b")), ["r3", "r4"]),
      nums(op("lt", lit(3), field("a")), ["r4", "r5"]),
      nums(op("eq", field("s"), lit("apple")), ["r1", "r5"]),
      // Strings compare by UTF-8 bytes: "Apple" < "apple" < "b" < "banana".
      nums(op("lt", field("s"), lit("b")), ["r1", "r5", "r6"]),
      nums(op("gt", field("i"), lit(3n)), ["r4", "r5"]),
      // int64 3n and float64 3 are different values.
      nums(op("eq", field("i"), lit(3)), []),
      nums(op("eq", field("i"), lit(3n)), ["r3"]),
      nums(op("eq", lit(1), lit(1)), ALL),
      nums(op("eq", lit(1), lit(2)), []),
    ],
  },
  {
    area: "filters",
    name: "logic: and, or, not (variadic, nested, literal booleans)",
    steps: [
      seedNums,
      nums(op("and", op("gt", field("a"), lit(1)), op("lt", field("a"), lit(5))), [
        "r2",
        "r3",
        "r4",
      ]),
      nums(op("or", op("eq", field("a"), lit(1)), op("eq", field("s"), lit("date"))), ["r1", "r4"]),
      nums(op("not", op("eq", field("s"), lit("apple"))), ["r2", "r3", "r4", "r6"]),
      nums(
        op(
          "and",
          op("or", op("eq", field("s"), lit("apple")), op("eq", field("s"), lit("banana"))),
          op("not", op("eq", field("a"), lit(5))),
        ),
        ["r1", "r2"],
      ),
      nums(
        op(
          "and",
          op("gt", field("a"), lit(0)),
          op("gt", field("b"), lit(1)),
          op("lt", field("b"), lit(3)),
        ),
        ["r1", "r2", "r3"],
      ),
      nums(op("or", lit(false), lit(true)), ALL),
      nums(op("and", lit(true), lit(false)), []),
      nums(op("not", lit(false)), ALL),
    ],
  },
  {
    area: "filters",
    name: "arithmetic: add, sub, mul, div, mod on float64 and int64",
    steps: [
      seedNums,
      nums(op("eq", op("add", field("a"), field("b")), lit(4)), ["r2"]),
      nums(op("eq", op("sub", field("a"), field("b")), lit(-1)), ["r1"]),
      nums(op("gt", op("mul", field("a"), field("b")), lit(5)), ["r5"]),
      nums(op("eq", op("div", field("a"), field("b")), lit(2)), ["r3"]),
      nums(op("eq", op("mod", field("a"), lit(2)), lit(1)), ["r1", "r3", "r5"]),
      // -6 % 2 is -0, which is not 0 in Convex's value order.
      nums(op("eq", op("mod", field("a"), lit(2)), lit(0)), ["r2", "r4"]),
      nums(op("eq", op("add", field("i"), lit(1n)), lit(3n)), ["r2"]),
      nums(op("eq", op("mul", field("i"), lit(2n)), lit(-12n)), ["r6"]),
      nums(op("eq", op("sub", field("i"), lit(4n)), lit(0n)), ["r4"]),
      nums(op("gt", op("div", field("a"), lit(0)), lit(1e308)), ["r1", "r2", "r3", "r4", "r5"]),
    ],
  },
  {
    area: "filters",
    name: "neg",
    steps: [
      seedNums,
      query(
        "filters:run",
        { table: "nums", expr: op("eq", op("neg", field("a")), lit(-2)) },
        {
          deviation: {
            note: 'convex-test does not implement q.neg (it throws "not implemented: {$neg: ...}")',
            convex: { value: ["r2"] },
          },
        },
      ),
      query(
        "filters:run",
        { table: "nums", expr: op("eq", op("neg", field("i")), lit(6n)) },
        {
          deviation: {
            note: "convex-test does not implement q.neg",
            convex: { value: ["r6"] },
          },
        },
      ),
    ],
  },
  {
    area: "filters",
    name: "field paths: nested q.field('a.b'), missing fields are undefined (not null)",
    steps: [
      seedNums,
      nums(op("eq", field("nested.a.b"), lit(30)), ["r3"]),
      nums(op("gt", field("nested.a.b"), lit(25)), ["r3", "r4", "r5"]),
      nums(op("eq", field("nested.a"), lit({ b: 20 })), ["r2"]),
      nums(op("eq", field("nested.x.y"), undef()), ALL),
      nums(op("eq", field("nope"), undef()), ALL),
      nums(op("eq", field("nope"), lit(null)), []),
      nums(op("neq", field("nope"), lit(null)), ALL),
    ],
  },
  {
    area: "filters",
    name: "arithmetic on mismatched types fails",
    steps: [
      seedNums,
      // int64 + float64: an error in Convex (and a TypeError in convex-test).
      query(
        "filters:run",
        { table: "nums", expr: op("eq", op("add", field("i"), lit(1.5)), lit(2.5)) },
        { expect: "error" },
      ),
      query(
        "filters:run",
        { table: "nums", expr: op("eq", op("add", field("s"), lit("x")), lit("applex")) },
        {
          deviation: {
            note: "convex-test concatenates strings with +; Convex only adds two int64s or two float64s",
            convex: convexFails(/add/i),
          },
        },
      ),
    ],
  },
  {
    area: "filters",
    name: "filter chains, filter + take, filter + desc",
    steps: [
      seedNums,
      query("filters:chained", {}, { value: ["r2", "r4"] }),
      query("filters:filterTake", { n: 1, order: "asc" }, { value: ["r1"] }),
      query("filters:filterTake", { n: 1, order: "desc" }, { value: ["r5"] }),
      query("filters:filterTake", { n: 5, order: "desc" }, { value: ["r5", "r1"] }),
    ],
  },
  {
    area: "filters",
    name: "equality on every value type (values table)",
    steps: [
      seedValues,
      values(op("eq", field("v"), lit(null)), ["null"]),
      values(op("eq", field("v"), undef()), ["missing"]),
      values(op("neq", field("v"), undef()), VALUE_ORDER.slice(1)),
      values(op("eq", field("v"), lit(0)), ["f_zero"]),
      values(op("eq", field("v"), lit(-0)), ["f_negzero"]),
      values(op("eq", field("v"), lit(Number.NaN)), ["f_nan"]),
      values(op("eq", field("v"), lit(7n)), ["i_pos"]),
      values(op("eq", field("v"), lit("😀")), ["s_emoji"]),
      values(op("eq", field("v"), lit(bytes(0, 255))), ["b_00ff"]),
      values(op("eq", field("v"), lit([1n])), ["a_int"]),
      values(op("eq", field("v"), lit({ a: 1, b: 1 })), ["o_a1_b1"]),
      values(op("eq", field("v"), lit(true)), ["true"]),
    ],
  },
  {
    area: "filters",
    name: "comparisons across types follow Convex's value order",
    steps: [
      seedValues,
      crossType(op("gt", field("v"), lit(null)), from("i_min")),
      crossType(op("lt", field("v"), lit(0)), upTo("f_negzero")),
      crossType(op("gte", field("v"), lit("a")), from("s_lower")),
      crossType(op("lt", field("v"), lit(null)), ["missing"]),
      crossType(op("lte", field("v"), lit(null)), ["missing", "null"]),
      crossType(op("gt", field("v"), lit(true)), from("s_empty")),
    ],
  },
];

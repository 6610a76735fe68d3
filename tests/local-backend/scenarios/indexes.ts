import type { Scenario, Step } from "../harness/scenario";
import { eqUndefined, mutation, op, query, ref } from "./dsl";

/**
 * Items inserted in this order (creation order breaks ties inside an index):
 *   a1 (n 1, tag a), b2 (2, b), a3 (3, a), nt2 (2, no tag), a2 (2, a), b5 (5, b), a3bis (3, a)
 * by_n:     a1 | b2 nt2 a2 | a3 a3bis | b5
 * by_tag_n: nt2 (tag missing sorts first) | a1 a2 a3 a3bis | b2 b5
 */
const seed: Step[] = [
  ["a1", 1, "a"],
  ["b2", 2, "b"],
  ["a3", 3, "a"],
  ["nt2", 2, undefined],
  ["a2", 2, "a"],
  ["b5", 5, "b"],
  ["a3bis", 3, "a"],
].map(([name, n, tag]) =>
  mutation("crud:insertItem", tag === undefined ? { name, n } : { name, n, tag }, { ids: true }),
);

const BY_N = ["a1", "b2", "nt2", "a2", "a3", "a3bis", "b5"];
const BY_TAG_N = ["nt2", "a1", "a2", "a3", "a3bis", "b2", "b5"];

const range = (
  index: string,
  ops: unknown[],
  value: unknown,
  extra: Record<string, unknown> = {},
) => query("indexes:range", { index, ops, ...extra }, { value });

const orders = (
  index: string,
  ops: unknown[],
  value: string[],
  extra: Record<string, unknown> = {},
) => query("indexes:orders", { index, ops, ...extra }, { value });

export const indexScenarios: Scenario[] = [
  {
    area: "indexes",
    name: "1-field index: eq, gt, gte, lt, lte, two-sided ranges, desc",
    steps: [
      ...seed,
      range("by_n", [], BY_N),
      range("by_n", [], [...BY_N].reverse(), { order: "desc" }),
      range("by_n", [op("eq", "n", 2)], ["b2", "nt2", "a2"]),
      range("by_n", [op("gt", "n", 2)], ["a3", "a3bis", "b5"]),
      range("by_n", [op("gte", "n", 2)], ["b2", "nt2", "a2", "a3", "a3bis", "b5"]),
      range("by_n", [op("lt", "n", 3)], ["a1", "b2", "nt2", "a2"]),
      range("by_n", [op("lte", "n", 3)], ["a1", "b2", "nt2", "a2", "a3", "a3bis"]),
      range("by_n", [op("gt", "n", 1), op("lt", "n", 5)], ["b2", "nt2", "a2", "a3", "a3bis"]),
      range("by_n", [op("gte", "n", 2), op("lte", "n", 3)], ["a3bis", "a3", "a2", "nt2", "b2"], {
        order: "desc",
      }),
      range("by_n", [op("lt", "n", 2.5)], ["a1", "b2", "nt2", "a2"]),
      range("by_n", [op("eq", "n", 4)], []),
      range("by_n", [op("gt", "n", 5)], []),
      range("by_n", [op("gt", "n", 3), op("lt", "n", 3)], []),
      // int64 2n and float64 2 are different values: the eq matches nothing.
      range("by_n", [op("eq", "n", 2n)], []),
      // ...and every int64 sorts before every float64.
      range("by_n", [op("lt", "n", 100n)], []),
      range("by_n", [op("gt", "n", 100n)], BY_N),
    ],
  },
  {
    area: "indexes",
    name: "2-field index: eq prefix, eq + range, undefined first field, desc",
    steps: [
      ...seed,
      range("by_tag_n", [], BY_TAG_N),
      range("by_tag_n", [op("eq", "tag", "a")], ["a1", "a2", "a3", "a3bis"]),
      range("by_tag_n", [op("eq", "tag", "a"), op("eq", "n", 3)], ["a3", "a3bis"]),
      range("by_tag_n", [op("eq", "tag", "a"), op("gt", "n", 1)], ["a2", "a3", "a3bis"]),
      range("by_tag_n", [op("eq", "tag", "a"), op("gte", "n", 2), op("lt", "n", 3)], ["a2"]),
      range("by_tag_n", [op("eq", "tag", "a"), op("lte", "n", 2)], ["a2", "a1"], { order: "desc" }),
      range("by_tag_n", [op("eq", "tag", "b")], ["b5", "b2"], { order: "desc" }),
      range("by_tag_n", [eqUndefined("tag")], ["nt2"]),
      range("by_tag_n", [eqUndefined("tag"), op("eq", "n", 2)], ["nt2"]),
      // A missing field is `undefined`, which sorts before every value (null included).
      range("by_tag_n", [op("lt", "tag", "a")], ["nt2"]),
      range("by_tag_n", [op("lt", "tag", null)], ["nt2"]),
      range("by_tag_n", [op("eq", "tag", null)], []),
      range("by_tag_n", [op("gt", "tag", "a")], ["b2", "b5"]),
      range("by_tag_n", [op("gte", "tag", "a"), op("lt", "tag", "b")], ["a1", "a2", "a3", "a3bis"]),
      range("by_tag_n", [op("eq", "tag", "zzz")], []),
    ],
  },
  {
    area: "indexes",
    name: "first, unique (throws on two results), take, for-await early exit",
    steps: [
      ...seed,
      range("by_n", [], "a1", { mode: "first" }),
      range("by_n", [], "b5", { mode: "first", order: "desc" }),
      range("by_n", [op("eq", "n", 4)], null, { mode: "first" }),
      range("by_n", [op("eq", "n", 5)], "b5", { mode: "unique" }),
      range("by_n", [op("eq", "n", 4)], null, { mode: "unique" }),
      query(
        "indexes:range",
        { index: "by_n", ops: [op("eq", "n", 3)], mode: "unique" },
        { expect: "error", errorMatch: /unique\(\) query returned more than one result/ },
      ),
      range("by_n", [], ["a1", "b2", "nt2"], { mode: "take", n: 3 }),
      range("by_n", [], [], { mode: "take", n: 0 }),
      range("by_n", [], BY_N, { mode: "take", n: 100 }),
      range("by_n", [], ["b5", "a3bis"], { mode: "take", n: 2, order: "desc" }),
      query("indexes:table", { mode: "first" }, { value: "a1" }),
      query("indexes:table", { mode: "first", order: "desc" }, { value: "a3bis" }),
      query("indexes:table", { mode: "take", n: 2 }, { value: ["a1", "b2"] }),
      query("indexes:iterateUntil", { stopAfter: 2 }, { value: ["a1", "b2"] }),
    ],
  },
  {
    area: "indexes",
    name: "implicit indexes: by_creation_time ranges and by_id lookups",
    steps: [
      mutation("crud:insertItem", { name: "x1", n: 3 }, { as: "x1", ids: true }),
      mutation("crud:insertItem", { name: "x2", n: 2 }, { as: "x2", ids: true }),
      mutation("crud:insertItem", { name: "x3", n: 1 }, { as: "x3", ids: true }),
      query("crud:getItem", { id: ref("x2") }, { as: "d2" }),
      range("by_creation_time", [], ["x1", "x2", "x3"]),
      range("by_creation_time", [], ["x3", "x2", "x1"], { order: "desc" }),
      range("by_creation_time", [op("gt", "_creationTime", ref("d2._creationTime"))], ["x3"]),
      range(
        "by_creation_time",
        [op("gte", "_creationTime", ref("d2._creationTime"))],
        ["x2", "x3"],
      ),
      range("by_creation_time", [op("lt", "_creationTime", ref("d2._creationTime"))], ["x1"]),
      range(
        "by_creation_time",
        [op("lte", "_creationTime", ref("d2._creationTime"))],
        ["x1", "x2"],
      ),
      range("by_creation_time", [op("eq", "_creationTime", ref("d2._creationTime"))], ["x2"]),
      range("by_id", [op("eq", "_id", ref("x2"))], ["x2"]),
      range("by_id", [op("eq", "_id", ref("x1"))], "x1", { mode: "unique" }),
      range("by_id", [op("eq", "_id", ref("x3"))], "x3", { mode: "first" }),
    ],
  },
  {
    area: "indexes",
    name: "3-field indexes, a boolean field, and a nested field path (customer.email)",
    steps: [
      mutation("indexes:seedOrders"),
      orders("by_store_status_placed", [op("eq", "store", "s1")], ["o6", "o2", "o1", "o5", "o3"]),
      orders(
        "by_store_status_placed",
        [op("eq", "store", "s1"), op("eq", "status", "paid")],
        ["o1", "o5", "o3"],
      ),
      orders(
        "by_store_status_placed",
        [op("eq", "store", "s1"), op("eq", "status", "paid"), op("gte", "placedAt", 250)],
        ["o5", "o3"],
      ),
      orders(
        "by_store_status_placed",
        [
          op("eq", "store", "s1"),
          op("eq", "status", "paid"),
          op("gt", "placedAt", 100),
          op("lt", "placedAt", 300),
        ],
        ["o5"],
      ),
      orders(
        "by_store_status_placed",
        [op("eq", "store", "s1"), op("eq", "status", "paid")],
        ["o3", "o5"],
        {
          order: "desc",
          take: 2,
        },
      ),
      orders(
        "by_store_status_placed",
        [op("eq", "store", "s1"), op("gt", "status", "open")],
        ["o1", "o5", "o3"],
      ),
      // false < true
      orders(
        "by_store_published_placed",
        [op("eq", "store", "s1")],
        ["o2", "o5", "o6", "o1", "o3"],
      ),
      orders(
        "by_store_published_placed",
        [op("eq", "store", "s1"), op("eq", "published", true)],
        ["o6", "o1", "o3"],
      ),
      orders(
        "by_store_published_placed",
        [op("eq", "store", "s1"), op("lt", "published", true)],
        ["o2", "o5"],
      ),
      orders(
        "by_store_email_placed",
        [op("eq", "store", "s1"), op("eq", "customer.email", "ann@x.io")],
        ["o1", "o5"],
      ),
      orders(
        "by_store_email_placed",
        [
          op("eq", "store", "s1"),
          op("eq", "customer.email", "bob@x.io"),
          op("lte", "placedAt", 200),
        ],
        ["o2"],
      ),
      orders("by_store_email_placed", [op("eq", "store", "s2")], ["o4"]),
      orders(
        "by_store_email_placed",
        [op("eq", "store", "s1"), op("gte", "customer.email", "b")],
        ["o2", "o3", "o6"],
      ),
    ],
  },
  {
    area: "indexes",
    name: "index misuse fails: unknown index, fields out of order, field not in the index",
    steps: [
      ...seed,
      query("indexes:range", { index: "nope" }, { expect: "error", errorMatch: /nope/ }),
      query(
        "indexes:range",
        { index: "by_tag_n", ops: [op("gt", "n", 1)] },
        { expect: "error", errorMatch: /index/i },
      ),
      query(
        "indexes:range",
        { index: "by_n", ops: [op("eq", "name", "a1")] },
        { expect: "error", errorMatch: /index/i },
      ),
    ],
  },
  {
    area: "indexes",
    name: "withIndex: no operator after both bounds, one bound of each kind, Convex's messages",
    steps: [
      ...seed,
      range("by_n", [op("gt", "n", 1), op("lt", "n", 5)], ["b2", "nt2", "a2", "a3", "a3bis"]),
      range("by_n", [op("lte", "n", 3), op("gte", "n", 3)], ["a3", "a3bis"]),
      query(
        "indexes:range",
        { index: "by_n", ops: [op("gt", "n", 1), op("lt", "n", 5), op("gte", "n", 2)] },
        {
          expect: "error",
          errorMatch:
            /Incorrect operator used in `withIndex`, cannot chain more operators after both `\.gt` and `\.lt` were already used, got `\.gte\(n, 2\)`/,
        },
      ),
      query(
        "indexes:range",
        {
          index: "by_tag_n",
          ops: [op("eq", "tag", "a"), op("gte", "n", 1), op("lte", "n", 3), op("eq", "n", 2)],
        },
        { expect: "error", errorMatch: /cannot chain more operators after both/ },
      ),
      query(
        "indexes:range",
        { index: "by_n", ops: [op("gt", "n", 1), op("gte", "n", 2)] },
        { expect: "error", errorMatch: /cannot chain `\.gte\(\)` after `\.gt\(\)`/ },
      ),
      query(
        "indexes:range",
        { index: "by_tag_n", ops: [op("gt", "tag", "a"), op("eq", "n", 2)] },
        { expect: "error", errorMatch: /cannot chain `\.eq\(\)` after `\.gt\(\)`/ },
      ),
    ],
  },
];

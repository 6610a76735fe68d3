import type { Scenario } from "../harness/scenario";
import { convexFails, mutation, query, ref } from "./dsl";

const seed = (group: string, ns: number[]) => mutation("pagination:seed", { group, ns });
const range = (a: number, b: number) => Array.from({ length: b - a + 1 }, (_, i) => a + i);
const result = (page: number[], isDone: boolean) => ({ page, isDone, continueCursor: "<cursor>" });

/** pagination:page with `numItems`, starting at `cursor` (null or a ref to a previous page). */
const page = (
  as: string,
  numItems: number,
  cursor: unknown,
  value: unknown,
  extra: Record<string, unknown> = {},
) => query("pagination:page", { paginationOpts: { numItems, cursor }, ...extra }, { as, value });
const next = (prev: string) => ref(`${prev}.continueCursor`);

/** pagination:pageWithStatus: the full result, with pageStatus and splitCursor. */
const full = (
  as: string,
  opts: Record<string, unknown>,
  value: {
    page: number[];
    isDone: boolean;
    pageStatus?: string | null;
    split?: boolean;
  },
  extra: Record<string, unknown> = {},
) =>
  query(
    "pagination:pageWithStatus",
    { paginationOpts: { cursor: null, ...opts }, ...extra },
    {
      as,
      value: {
        page: value.page,
        isDone: value.isDone,
        continueCursor: "<cursor>",
        pageStatus: value.pageStatus ?? null,
        splitCursor: value.split ? "<cursor>" : null,
      },
    },
  );

export const paginationScenarios: Scenario[] = [
  {
    area: "pagination",
    name: "maximumRowsRead ends the page early: SplitRequired, a split cursor, nothing lost",
    steps: [
      seed("g", range(1, 10)),
      full(
        "r1",
        { numItems: 5, maximumRowsRead: 3 },
        {
          page: [1, 2, 3],
          isDone: false,
          pageStatus: "SplitRequired",
          split: true,
        },
        { group: "g" },
      ),
      // The split cursor cuts the short page in two: (start, split] and (split, continue].
      full(
        "h1",
        { numItems: 5, endCursor: ref("r1.splitCursor") },
        { page: [1, 2], isDone: false },
        { group: "g" },
      ),
      full(
        "h2",
        { numItems: 5, cursor: ref("r1.splitCursor"), endCursor: ref("r1.continueCursor") },
        {
          page: [3],
          isDone: false,
        },
        { group: "g" },
      ),
      full(
        "r2",
        { numItems: 5, cursor: next("r1") },
        { page: [4, 5, 6, 7, 8], isDone: false },
        { group: "g" },
      ),
      full(
        "r3",
        { numItems: 5, cursor: next("r2"), maximumRowsRead: 5 },
        { page: [9, 10], isDone: true },
        { group: "g" },
      ),
    ],
  },
  {
    area: "pagination",
    name: "maximumRowsRead counts rows before the filter; the limit on the last row still splits",
    steps: [
      seed("g", range(1, 7)),
      full(
        "f1",
        { numItems: 3, maximumRowsRead: 3 },
        {
          page: [2],
          isDone: false,
          pageStatus: "SplitRequired",
          split: true,
        },
        { group: "g", evenOnly: true },
      ),
      full(
        "f2",
        { numItems: 3, maximumRowsRead: 3, cursor: next("f1") },
        {
          page: [4, 6],
          isDone: false,
          pageStatus: "SplitRequired",
          split: true,
        },
        { group: "g", evenOnly: true },
      ),
      full(
        "f3",
        { numItems: 3, maximumRowsRead: 1, cursor: next("f2") },
        {
          page: [],
          isDone: false,
          pageStatus: "SplitRequired",
        },
        { group: "g", evenOnly: true },
      ),
      full(
        "f4",
        { numItems: 3, maximumRowsRead: 3, cursor: next("f3") },
        { page: [], isDone: true },
        {
          group: "g",
          evenOnly: true,
        },
      ),
    ],
  },
  {
    area: "pagination",
    name: "maximumBytesRead ends the page once that many bytes were read, whole table and desc",
    steps: [
      seed("g", range(1, 4)),
      full(
        "b1",
        { numItems: 10, maximumBytesRead: 1 },
        {
          page: [4],
          isDone: false,
          pageStatus: "SplitRequired",
        },
        { group: "g", order: "desc" },
      ),
      full(
        "b2",
        { numItems: 10, maximumBytesRead: 1, cursor: next("b1") },
        {
          page: [3],
          isDone: false,
          pageStatus: "SplitRequired",
        },
        { group: "g", order: "desc" },
      ),
      full(
        "b3",
        { numItems: 10, cursor: next("b2") },
        { page: [2, 1], isDone: true },
        {
          group: "g",
          order: "desc",
        },
      ),
      full(
        "t1",
        { numItems: 10, maximumBytesRead: 1 },
        {
          page: [1],
          isDone: false,
          pageStatus: "SplitRequired",
        },
      ),
      full("t2", { numItems: 10, cursor: next("t1") }, { page: [2, 3, 4], isDone: true }),
    ],
  },
  {
    area: "pagination",
    name: "a cursor whose document was deleted keeps working (composite index, asc and desc)",
    steps: [
      seed("g", range(0, 10)),
      full("a1", { numItems: 3 }, { page: [0, 1, 2], isDone: false }, { group: "g" }),
      full(
        "d1",
        { numItems: 3 },
        { page: [10, 9, 8], isDone: false },
        { group: "g", order: "desc" },
      ),
      // Delete the documents both cursors point at, and the ones just after them.
      mutation("pagination:removeMany", { group: "g", ns: [2, 3, 8, 7] }),
      full(
        "a2",
        { numItems: 3, cursor: next("a1") },
        { page: [4, 5, 6], isDone: false },
        { group: "g" },
      ),
      full(
        "d2",
        { numItems: 3, cursor: next("d1") },
        { page: [6, 5, 4], isDone: false },
        {
          group: "g",
          order: "desc",
        },
      ),
      // Everything after both cursors goes: the next pages are empty and done.
      mutation("pagination:removeMany", { group: "g", ns: [9, 10, 0, 1] }),
      full("a3", { numItems: 3, cursor: next("a2") }, { page: [], isDone: true }, { group: "g" }),
      full(
        "d3",
        { numItems: 3, cursor: next("d2") },
        { page: [], isDone: true },
        {
          group: "g",
          order: "desc",
        },
      ),
    ],
  },
  {
    area: "pagination",
    name: "a cursor whose document was deleted keeps working on the whole-table (creation time) index",
    steps: [
      seed("g", range(1, 6)),
      full("p1", { numItems: 2 }, { page: [1, 2], isDone: false }),
      mutation("pagination:removeMany", { group: "g", ns: [2, 3] }),
      full("p2", { numItems: 2, cursor: next("p1") }, { page: [4, 5], isDone: false }),
      seed("g", [7, 8]),
      full("p3", { numItems: 2, cursor: next("p2") }, { page: [6, 7], isDone: false }),
      mutation("pagination:removeMany", { group: "g", ns: [7, 8] }),
      full("p4", { numItems: 2, cursor: next("p3") }, { page: [], isDone: true }),
    ],
  },
  {
    area: "pagination",
    name: "whole table, ascending, until isDone",
    steps: [
      seed("g", range(1, 7)),
      page("p1", 3, null, result([1, 2, 3], false)),
      page("p2", 3, next("p1"), result([4, 5, 6], false)),
      page("p3", 3, next("p2"), result([7], true)),
    ],
  },
  {
    area: "pagination",
    name: "empty table: one empty page, done",
    steps: [page("p1", 5, null, result([], true))],
  },
  {
    area: "pagination",
    name: "a page that ends exactly on the last document is not done yet",
    steps: [
      seed("g", range(1, 6)),
      page("p1", 3, null, result([1, 2, 3], false)),
      query(
        "pagination:page",
        { paginationOpts: { numItems: 3, cursor: next("p1") } },
        {
          as: "p2",
          deviation: {
            note:
              "convex-test reports isDone as soon as a page reaches the last document; Convex " +
              "stops reading once the page is full, so isDone stays false and the next page is empty",
            convex: { value: result([4, 5, 6], false) },
          },
        },
      ),
      page("p3", 3, next("p2"), result([], true)),
    ],
  },
  {
    area: "pagination",
    name: "index range (eq + gte + lt), ascending and descending",
    steps: [
      seed("a", range(1, 10)),
      seed("b", range(1, 3)),
      page("p1", 4, null, result([3, 4, 5, 6], false), { group: "a", gte: 3, lt: 9 }),
      page("p2", 4, next("p1"), result([7, 8], true), { group: "a", gte: 3, lt: 9 }),
      page("d1", 4, null, result([10, 9, 8, 7], false), { group: "a", order: "desc" }),
      page("d2", 4, next("d1"), result([6, 5, 4, 3], false), { group: "a", order: "desc" }),
      page("d3", 4, next("d2"), result([2, 1], true), { group: "a", order: "desc" }),
      page("b1", 10, null, result([1, 2, 3], true), { group: "b" }),
      page("z1", 2, null, result([], true), { group: "zzz" }),
      // Whole table, newest first: group b (inserted last) then group a.
      page("t1", 5, null, result([3, 2, 1, 10, 9], false), { order: "desc" }),
    ],
  },
  {
    area: "pagination",
    name: "with a filter, numItems counts matching documents",
    steps: [
      seed("a", range(1, 10)),
      page("p1", 2, null, result([2, 4], false), { group: "a", evenOnly: true }),
      page("p2", 2, next("p1"), result([6, 8], false), { group: "a", evenOnly: true }),
      page("p3", 2, next("p2"), result([10], true), { group: "a", evenOnly: true }),
    ],
  },
  {
    area: "pagination",
    name: "continuing from a cursor stays consistent across inserts and deletes between pages",
    steps: [
      seed("g", [10, 20, 30, 40, 50, 60, 70]),
      page("p1", 3, null, result([10, 20, 30], false), { group: "g" }),
      // Before the cursor (not seen again), after the cursor (seen), and a deletion after it.
      seed("g", [25, 45]),
      mutation("pagination:remove", { group: "g", n: 50 }, { value: true }),
      page("p2", 3, next("p1"), result([40, 45, 60], false), { group: "g" }),
      page("p3", 3, next("p2"), result([70], true), { group: "g" }),
      page("again", 3, null, result([10, 20, 25], false), { group: "g" }),
    ],
  },
  {
    area: "pagination",
    name: "invalid pagination: negative or zero numItems, two paginate calls in one function",
    steps: [
      seed("g", range(1, 3)),
      query(
        "pagination:page",
        { paginationOpts: { numItems: -1, cursor: null } },
        { expect: "error", errorMatch: /numItems/ },
      ),
      query(
        "pagination:page",
        { paginationOpts: { numItems: 0, cursor: null } },
        {
          deviation: {
            note:
              "convex-test returns one document for numItems: 0; Convex rejects it " +
              '("Must request at least 1 document while paginating")',
            convex: convexFails(),
          },
        },
      ),
      query("pagination:twoPaginateCalls", {}, { expect: "error", errorMatch: /paginat/i }),
    ],
  },
];

import type { Scenario } from "../harness/scenario";
import { convexFails, mutation, query, ref } from "./dsl";

const doc = (fields: Record<string, unknown>, id = "id#1", ct = "ct#1") => ({
  _id: id,
  _creationTime: ct,
  ...fields,
});

export const crudScenarios: Scenario[] = [
  {
    area: "crud",
    name: "insert returns an id; get returns the document with its system fields",
    steps: [
      mutation(
        "crud:insertItem",
        { name: "a", n: 1, tag: "t" },
        { as: "a", ids: true, value: "id#1" },
      ),
      query("crud:getItem", { id: ref("a") }, { value: doc({ name: "a", n: 1, tag: "t" }) }),
      query("crud:getItemInTable", { id: ref("a") }, { value: doc({ name: "a", n: 1, tag: "t" }) }),
      query(
        "crud:systemFields",
        { id: ref("a") },
        {
          value: {
            keys: ["_creationTime", "_id", "n", "name", "tag"],
            idType: "string",
            idMatches: true,
            creationTimeType: "number",
            creationTimePlausible: true,
          },
        },
      ),
    ],
  },
  {
    area: "crud",
    name: "patch merges top-level fields; patching a field to undefined removes it",
    steps: [
      mutation(
        "crud:insertItem",
        { name: "p", n: 1, tag: "t", meta: { x: 1, keep: "no" } },
        { as: "p", ids: true },
      ),
      mutation(
        "crud:patchItem",
        { id: ref("p"), n: 2, meta: { y: [1n] } },
        // Shallow merge: `meta` is replaced as a whole, not merged.
        { value: doc({ name: "p", n: 2, tag: "t", meta: { y: [1n] } }) },
      ),
      mutation(
        "crud:clearField",
        { id: ref("p"), field: "tag" },
        { value: doc({ name: "p", n: 2, meta: { y: [1n] } }) },
      ),
      // Removing a field that is already absent is a no-op.
      mutation(
        "crud:clearField",
        { id: ref("p"), field: "tag" },
        { value: doc({ name: "p", n: 2, meta: { y: [1n] } }) },
      ),
      mutation(
        "crud:clearField",
        { id: ref("p"), field: "meta" },
        { value: doc({ name: "p", n: 2 }) },
      ),
      query("crud:getItem", { id: ref("p") }, { value: doc({ name: "p", n: 2 }) }),
    ],
  },
  {
    area: "crud",
    name: "replace swaps the whole document and keeps _id and _creationTime",
    steps: [
      mutation("crud:insertItem", { name: "r", n: 1, tag: "t", meta: "m" }, { as: "r", ids: true }),
      mutation(
        "crud:replaceItem",
        { id: ref("r"), name: "r2", n: 5 },
        { value: doc({ name: "r2", n: 5 }) },
      ),
      query("crud:getItem", { id: ref("r") }, { value: doc({ name: "r2", n: 5 }) }),
    ],
  },
  {
    area: "crud",
    name: "table-scoped db.patch(table, id, v) and db.replace(table, id, v)",
    steps: [
      mutation("crud:insertItem", { name: "s", n: 1, tag: "t" }, { as: "s", ids: true }),
      mutation(
        "crud:patchAndReplaceInTable",
        { id: ref("s") },
        {
          value: {
            afterPatch: doc({ name: "s", n: 100, tag: "t" }),
            afterReplace: doc({ name: "replaced-in-table", n: 200 }),
          },
        },
      ),
    ],
  },
  {
    area: "crud",
    name: "delete: a deleted id reads as null, in the same transaction and after",
    steps: [
      mutation("crud:insertItem", { name: "d", n: 1 }, { as: "d", ids: true }),
      mutation("crud:insertItem", { name: "e", n: 2 }, { as: "e", ids: true }),
      mutation("crud:deleteItem", { id: ref("d") }, { value: null }),
      query("crud:getItem", { id: ref("d") }, { value: null }),
      // Writing to a deleted document fails.
      mutation("crud:patchDeleted", { id: ref("d") }, { expect: "error" }),
      mutation("crud:replaceItem", { id: ref("d"), name: "x", n: 0 }, { expect: "error" }),
      mutation("crud:deleteItem", { id: ref("d") }, { expect: "error" }),
      // The second delete fails, so the first one is rolled back with it.
      mutation("crud:deleteTwice", { id: ref("e") }, { expect: "error" }),
      query(
        "crud:getItem",
        { id: ref("e") }, // d was never read back, so e's creation time is the only one in the transcript.
        { value: doc({ name: "e", n: 2 }, "id#2", "ct#1") },
      ),
      query("crud:names", {}, { value: ["e"] }),
    ],
  },
  {
    area: "crud",
    name: "writes are visible to later reads in the same mutation",
    steps: [
      mutation(
        "crud:insertAndRead",
        { name: "rw" },
        { value: { sameId: true, doc: doc({ name: "rw", n: 7 }), count: 1, viaIndexId: "id#1" } },
      ),
    ],
  },
  {
    area: "crud",
    name: "default table order is _creationTime (asc, desc); creation times strictly increase",
    steps: [
      mutation(
        "crud:insertMany",
        { names: ["c1", "c2", "c3"] },
        { ids: true, value: ["id#1", "id#2", "id#3"] },
      ),
      mutation("crud:insertItem", { name: "c4", n: 9 }, { ids: true, value: "id#4" }),
      query("indexes:table", {}, { value: ["c1", "c2", "c3", "c4"] }),
      query("indexes:table", { order: "desc" }, { value: ["c4", "c3", "c2", "c1"] }),
      query("crud:creationTimesIncreasing", {}, { value: true }),
      query(
        "crud:listItems",
        {},
        {
          value: [
            doc({ name: "c1", n: 0 }, "id#1", "ct#1"),
            doc({ name: "c2", n: 1 }, "id#2", "ct#2"),
            doc({ name: "c3", n: 2 }, "id#3", "ct#3"),
            doc({ name: "c4", n: 9 }, "id#4", "ct#4"),
          ],
        },
      ),
    ],
  },
  {
    area: "crud",
    name: "normalizeId accepts ids of its own table only",
    steps: [
      mutation("crud:insertItem", { name: "it", n: 1 }, { as: "it", ids: true, value: "id#1" }),
      mutation(
        "crud:insertRef",
        { label: "x", target: ref("it") },
        { as: "rf", ids: true, value: "id#2" },
      ),
      query("crud:normalize", { table: "items", id: ref("it") }, { value: "id#1" }),
      query("crud:normalize", { table: "refs", id: ref("it") }, { value: null }),
      query("crud:normalize", { table: "refs", id: ref("rf") }, { value: "id#2" }),
      query("crud:normalize", { table: "items", id: "not-an-id" }, { value: null }),
      query("crud:normalize", { table: "items", id: "" }, { value: null }),
      query(
        "crud:getRef",
        { id: ref("rf") },
        { value: doc({ label: "x", target: "id#1" }, "id#2", "ct#1") },
      ),
    ],
  },
  {
    area: "crud",
    name: "system tables: db.system reads them; user readers and writers cannot",
    steps: [
      query(
        "crud:systemTables",
        {},
        { value: { scheduled: [], storage: [], normalizedGarbage: null } },
      ),
      query("crud:userQueryOfSystemTable", {}, { expect: "error", errorMatch: /system/i }),
      mutation("crud:insertIntoSystemTable", {}, { expect: "error", errorMatch: /read-only/i }),
      mutation("crud:insertItem", { name: "u", n: 1 }, { as: "u", ids: true }),
      query(
        "crud:systemGetUserDoc",
        { id: ref("u") },
        {
          deviation: {
            note:
              "convex-test's db.system.get returns user documents; Convex rejects user-table ids " +
              'in db.system ("User tables cannot be accessed with db.system.")',
            convex: convexFails(/system/i),
          },
        },
      ),
    ],
  },
];

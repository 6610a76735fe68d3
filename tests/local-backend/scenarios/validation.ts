import type { Scenario, Step } from "../harness/scenario";
import { action, bytes, convexFails, mutation, query, ref } from "./dsl";

/** Valid arguments for validation:echo (the id comes from the scenario's first step). */
const goodArgs = (): Record<string, unknown> => ({
  obj: { a: "s", b: 1 },
  union: 3,
  lit: "x",
  id: ref("item"),
  arr: [1, 2.5],
  rec: { k: true, other: false },
  int: 5n,
  float: 1.5,
  bytes: bytes(1, 2, 255),
  anything: { deep: [null, 2n, bytes(7)] },
  nul: null,
  bool: false,
});

/** validation:echo with one argument changed (`undefined` drops it); must be rejected. */
const rejects = (change: Record<string, unknown>): Step => {
  const args = { ...goodArgs(), ...change };
  for (const k of Object.keys(args)) if (args[k] === undefined) delete args[k];
  return mutation("validation:echo", args, { expect: "error", errorMatch: /validat/i });
};

const SCHEMA_ERROR = /schema|validat/i;
const strictInsertFails = (doc: unknown) =>
  mutation("validation:strictInsert", { doc }, { expect: "error", errorMatch: SCHEMA_ERROR });

export const validationScenarios: Scenario[] = [
  {
    area: "validators",
    name: "args validators accept every validator kind; values echo back intact",
    steps: [
      mutation(
        "crud:insertItem",
        { name: "target", n: 1 },
        { as: "item", ids: true, value: "id#1" },
      ),
      mutation("validation:echo", goodArgs(), {
        value: {
          obj: { a: "s", b: 1 },
          union: 3,
          lit: "x",
          id: "id#1",
          arr: [1, 2.5],
          rec: { k: true, other: false },
          int: 5n,
          float: 1.5,
          bytes: bytes(1, 2, 255),
          anything: { deep: [null, 2n, bytes(7)] },
          nul: null,
          bool: false,
        },
      }),
      mutation(
        "validation:echo",
        { ...goodArgs(), obj: { a: "only-a" }, union: "str", opt: "o", rec: {} },
        {
          value: {
            obj: { a: "only-a" },
            union: "str",
            lit: "x",
            id: "id#1",
            arr: [1, 2.5],
            rec: {},
            int: 5n,
            float: 1.5,
            bytes: bytes(1, 2, 255),
            anything: { deep: [null, 2n, bytes(7)] },
            opt: "o",
            nul: null,
            bool: false,
          },
        },
      ),
      // No args validator: anything goes.
      query("validation:noValidator", { z: 1, a: "x" }, { value: ["a", "z"] }),
    ],
  },
  {
    area: "validators",
    name: "args validators reject bad arguments and the function does not run",
    steps: [
      mutation("crud:insertItem", { name: "target", n: 1 }, { as: "item", ids: true }),
      mutation(
        "crud:insertRef",
        { label: "r", target: ref("item") },
        { as: "otherTable", ids: true },
      ),
      rejects({ obj: undefined }), // missing required field
      rejects({ extra: 1 }), // unknown top-level argument
      rejects({ obj: { a: 1 } }), // wrong nested type
      rejects({ obj: { a: "s", c: 1 } }), // extra nested field
      rejects({ union: true }),
      rejects({ lit: "y" }),
      rejects({ id: ref("otherTable") }), // an id of another table
      rejects({ id: "not-an-id" }),
      rejects({ arr: [1, "2"] }),
      {
        ...rejects({ rec: { k: "yes" } }),
        deviation: {
          note: "convex-test does not check v.record validators (anything passes); Convex does",
          convex: convexFails(/validat/i),
        },
      },
      rejects({ int: 5 }), // float64 where int64 is expected
      rejects({ float: 5n }), // int64 where float64 is expected
      rejects({ bytes: "AQI=" }),
      rejects({ opt: null }), // optional is not nullable
      rejects({ nul: 0 }),
      rejects({ bool: "false" }),
      query("crud:getItem", { id: ref("otherTable") }, { expect: "error", errorMatch: /validat/i }),
      query("crud:names", {}, { value: ["target"] }),
    ],
  },
  {
    area: "validators",
    name: "returns validators reject bad return values",
    steps: [
      query("validation:goodReturn", {}, { value: { a: 1 } }),
      query("validation:badReturn", {}, { expect: "error", errorMatch: /validat/i }),
      query("validation:extraFieldReturn", {}, { expect: "error", errorMatch: /validat/i }),
      action("validation:actionBadReturn", {}, { expect: "error", errorMatch: /validat/i }),
      mutation("validation:insertThenBadReturn", {}, { expect: "error", errorMatch: /validat/i }),
      query(
        "crud:count",
        {},
        {
          deviation: {
            note:
              "convex-test commits a mutation before checking its return value, so the write " +
              "survives; in Convex a returns-validation failure fails the mutation and rolls it back",
            convex: { value: 0 },
          },
        },
      ),
    ],
  },
  {
    area: "validators",
    name: "schema validation rejects writes that break the schema and leaves nothing behind",
    steps: [
      mutation(
        "validation:strictInsert",
        { doc: { name: "ok", count: 1 } },
        { as: "s1", ids: true },
      ),
      strictInsertFails({ name: "bad", count: "1" }), // wrong type
      strictInsertFails({ name: "x", count: 1, extra: true }), // extra field
      strictInsertFails({ name: "x" }), // missing field
      strictInsertFails({ name: "x", count: 1, kind: "c" }), // not one of the literals
      strictInsertFails({ name: "x", count: 1, tags: [1] }), // wrong array element
      strictInsertFails({ name: "x", count: 1n }), // int64 is not a float64
      mutation(
        "validation:strictInsert",
        { doc: { name: "k", count: 2, kind: "a", tags: ["t"] } },
        { ids: true },
      ),
      mutation(
        "validation:strictPatch",
        { id: ref("s1"), fields: { count: "nope" } },
        { expect: "error", errorMatch: SCHEMA_ERROR },
      ),
      mutation(
        "validation:strictPatch",
        { id: ref("s1"), fields: { extra: 1 } },
        { expect: "error", errorMatch: SCHEMA_ERROR },
      ),
      mutation(
        "validation:strictPatch",
        { id: ref("s1"), fields: { kind: "b" } },
        { value: { _id: "id#1", _creationTime: "ct#1", name: "ok", count: 1, kind: "b" } },
      ),
      mutation(
        "validation:strictReplace",
        { id: ref("s1"), doc: { name: "only" } },
        { expect: "error", errorMatch: SCHEMA_ERROR },
      ),
      mutation(
        "validation:strictReplace",
        { id: ref("s1"), doc: { name: "r", count: 9 } },
        { value: { _id: "id#1", _creationTime: "ct#1", name: "r", count: 9 } },
      ),
      mutation(
        "validation:strictValidThenInvalid",
        {},
        { expect: "error", errorMatch: SCHEMA_ERROR },
      ),
      query(
        "validation:strictList",
        {},
        {
          value: [
            { _id: "id#1", _creationTime: "ct#1", name: "r", count: 9 },
            { _id: "id#2", _creationTime: "ct#2", name: "k", count: 2, kind: "a", tags: ["t"] },
          ],
        },
      ),
    ],
  },
];

const INTERNAL_NOTE =
  "convex-test lets a test call internal functions directly; Convex refuses them to clients " +
  "(only admin auth, or another function, may call them)";

export const internalScenarios: Scenario[] = [
  {
    area: "internal",
    name: "internal functions: callable with admin auth and from functions, not by a client",
    steps: [
      query("internalFns:secretQuery", {}, { caller: "admin", value: "internal query result" }),
      mutation("internalFns:secretMutation", { name: "by-admin" }, { caller: "admin", ids: true }),
      action("internalFns:secretAction", {}, { caller: "admin", value: "internal action result" }),
      action("internalFns:publicCallsInternal", {}, { value: "internal query result" }),
      query(
        "internalFns:secretQuery",
        {},
        { deviation: { note: INTERNAL_NOTE, convex: convexFails(/secretQuery/) } },
      ),
      action(
        "internalFns:secretAction",
        {},
        { deviation: { note: INTERNAL_NOTE, convex: convexFails(/secretAction/) } },
      ),
      mutation(
        "internalFns:secretMutation",
        { name: "by-client" },
        { deviation: { note: INTERNAL_NOTE, convex: convexFails(/secretMutation/) } },
      ),
      query(
        "crud:names",
        {},
        {
          deviation: {
            note: `${INTERNAL_NOTE}; so the client's call must not have written`,
            convex: { value: ["by-admin"] },
          },
        },
      ),
    ],
  },
  {
    area: "internal",
    name: "unknown functions and calls of the wrong kind fail",
    steps: [
      query("crud:doesNotExist", {}, { expect: "error", errorMatch: /doesNotExist/ }),
      query("nomodule:fn", {}, { expect: "error", errorMatch: /nomodule/ }),
      mutation("crud:doesNotExist", {}, { expect: "error", errorMatch: /doesNotExist/ }),
      action("crud:doesNotExist", {}, { expect: "error", errorMatch: /doesNotExist/ }),
      query("crud:insertItem", { name: "q", n: 1 }, { expect: "error", errorMatch: /insertItem/ }),
      mutation("crud:count", {}, { expect: "error", errorMatch: /count/ }),
      query("crud:count", {}, { value: 0 }),
    ],
  },
];

import type { Scenario } from "../harness/scenario";
import { action, mutation, query, ref } from "./dsl";

export const errorScenarios: Scenario[] = [
  {
    area: "errors",
    name: "ConvexError data reaches the caller intact (string, object, nested; mutation, query, action)",
    steps: [
      mutation("errors:convexErrorString", {}, { errorData: "string payload" }),
      mutation(
        "errors:convexErrorObject",
        {},
        { errorData: { code: "E_CONFLICT", retry: false, count: 3 } },
      ),
      query(
        "errors:convexErrorNested",
        {},
        {
          errorData: {
            code: "E_NESTED",
            detail: { path: ["a", "b"], limits: { max: 10n, ratio: 0.5 }, none: null },
            list: [1, "two", [3], { four: 4 }],
            raw: new Uint8Array([1, 2, 3]).buffer,
          },
        },
      ),
      action("errors:convexErrorFromAction", {}, { errorData: { from: "action" } }),
    ],
  },
  {
    area: "errors",
    name: "a plain Error reaches the caller as a message",
    steps: [
      mutation(
        "errors:plainErrorMutation",
        {},
        { expect: "error", errorMatch: /plain mutation failure 4417/ },
      ),
      query(
        "errors:plainErrorQuery",
        {},
        { expect: "error", errorMatch: /plain query failure 5521/ },
      ),
      action(
        "errors:plainErrorAction",
        {},
        { expect: "error", errorMatch: /plain action failure 6630/ },
      ),
    ],
  },
  {
    area: "errors",
    name: "a mutation that throws leaves nothing behind (inserts, patches, deletes)",
    steps: [
      mutation(
        "errors:insertThenThrow",
        { name: "x", convex: false },
        { expect: "error", errorMatch: /rollback x/ },
      ),
      mutation(
        "errors:insertThenThrow",
        { name: "y", convex: true },
        { errorData: { rolledBack: "y" } },
      ),
      query("crud:count", {}, { value: 0 }),
      mutation("crud:insertItem", { name: "keep1", n: 1 }, { as: "k1", ids: true }),
      mutation("crud:insertItem", { name: "keep2", n: 2 }, { as: "k2", ids: true }),
      mutation(
        "errors:modifyThenThrow",
        { patchId: ref("k1"), deleteId: ref("k2") },
        { expect: "error", errorMatch: /abort after modify/ },
      ),
      query("crud:names", {}, { value: ["keep1", "keep2"] }),
    ],
  },
  {
    area: "errors",
    name: "a query's args are validated before its handler runs",
    steps: [
      query("errors:needsNumber", { x: 2 }, { value: 4 }),
      query("errors:needsNumber", { x: "2" }, { expect: "error", errorMatch: /validat/i }),
      query("errors:needsNumber", {}, { expect: "error", errorMatch: /validat/i }),
    ],
  },
  {
    area: "nested",
    name: "ctx.runMutation from a mutation is a sub-transaction: a failed child is rolled back alone",
    steps: [
      mutation(
        "nested:parentCatchesChild",
        {},
        { value: { caught: true, childVisibleToParent: "child-ok" } },
      ),
      query("crud:names", {}, { value: ["parent", "child-ok"] }),
    ],
  },
  {
    area: "nested",
    name: "a parent mutation that throws rolls back its children",
    steps: [
      mutation(
        "nested:parentThrowsAfterChild",
        {},
        { expect: "error", errorMatch: /parent failed after child/ },
      ),
      query("crud:count", {}, { value: 0 }),
    ],
  },
  {
    area: "nested",
    name: "ctx.runQuery from a mutation sees its uncommitted writes; from a query it works too",
    steps: [
      mutation("nested:mutationRunsQuery", {}, { value: { before: 0, after: 1 } }),
      mutation("crud:insertItem", { name: "second", n: 2 }, { ids: true }),
      query("nested:queryRunsQuery", {}, { value: ["uncommitted", "second"] }),
    ],
  },
  {
    area: "nested",
    name: "an action composes runMutation, runQuery and runAction (public and internal)",
    steps: [
      action(
        "nested:actionFlow",
        { name: "af" },
        {
          value: {
            id: "id#1",
            doc: { _id: "id#1", _creationTime: "ct#1", name: "af", n: 0 },
            viaPublicMutation: "id#2",
            sub: 42,
            names: ["af", "af-2"],
          },
        },
      ),
      // Lists the documents so both ids returned above are known to the normaliser.
      query(
        "crud:listItems",
        {},
        {
          value: [
            { _id: "id#1", _creationTime: "ct#1", name: "af", n: 0 },
            { _id: "id#2", _creationTime: "ct#2", name: "af-2", n: 9 },
          ],
        },
      ),
    ],
  },
  {
    area: "nested",
    name: "an action catches a mutation's ConvexError with its data",
    steps: [
      action(
        "nested:actionCatchesConvexError",
        {},
        { value: { caught: true, name: "ConvexError", data: { code: "CHILD", level: 2 } } },
      ),
    ],
  },
  {
    area: "nested",
    name: "an action is not a transaction: its completed mutations stay when it throws",
    steps: [
      action(
        "nested:actionThrowsAfterMutation",
        {},
        { expect: "error", errorMatch: /action failed after its mutation/ },
      ),
      query("crud:names", {}, { value: ["kept-by-action"] }),
    ],
  },
];

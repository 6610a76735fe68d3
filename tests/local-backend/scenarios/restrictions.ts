import type { Scenario } from "../harness/scenario";
import { action, convexFails, mutation, query } from "./dsl";

export const restrictionScenarios: Scenario[] = [
  {
    area: "runtime",
    name: "queries and mutations cannot use fetch or timers; actions can use timers",
    steps: [
      mutation("restrictions:fetchInMutation", {}, { expect: "error", errorMatch: /fetch/ }),
      query("restrictions:fetchInQuery", {}, { expect: "error", errorMatch: /fetch/ }),
      mutation(
        "restrictions:setTimeoutInMutation",
        {},
        { expect: "error", errorMatch: /setTimeout/ },
      ),
      query("restrictions:setIntervalInQuery", {}, { expect: "error", errorMatch: /setInterval/ }),
      action("restrictions:setTimeoutInAction", {}, { value: "slept" }),
    ],
  },
  {
    area: "runtime",
    name: "a document over the 1 MiB limit is rejected",
    steps: [
      mutation("restrictions:insertLarge", { size: 1000 }, { ids: true }),
      mutation(
        "restrictions:insertLarge",
        { size: 1_100_000 },
        {
          deviation: {
            note: "convex-test does not enforce Convex's 1 MiB document size limit",
            convex: convexFails(/large|size|limit/i),
          },
        },
      ),
      query(
        "crud:count",
        {},
        {
          deviation: {
            note: "follows from the size limit above: the oversized insert must not be stored",
            convex: { value: 1 },
          },
        },
      ),
    ],
  },
  {
    area: "crud",
    name: "functions returning undefined give null; undefined fields are not stored",
    steps: [
      mutation("crud:returnsNothing", {}, { value: null }),
      query("crud:queryReturnsNothing", {}, { value: null }),
      mutation("crud:insertWithUndefined", {}, { value: ["_creationTime", "_id", "n", "name"] }),
    ],
  },
];

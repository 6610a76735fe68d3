import type { Scenario } from "../harness/scenario";
import { mutation, query } from "./dsl";

const find = (args: Record<string, unknown>, value: string[]) =>
  query("search:find", args, { value });

/*
 * convex-test matches every term as a prefix, OR-ed, unranked; Convex tokenises and lower-cases,
 * ORs the terms, ranks by relevance and matches only the last term as a prefix. Steps compare
 * sorted match sets where the two agree and pin Convex's outcome (deviation) where they don't.
 */
export const searchScenarios: Scenario[] = [
  {
    area: "search",
    name: "withSearchIndex: whole-word match, case-insensitive, with filter fields",
    steps: [
      mutation("search:seed"),
      find({ term: "apple" }, ["Apple juice", "Green apple", "Red apple pie"]),
      find({ term: "APPLE" }, ["Apple juice", "Green apple", "Red apple pie"]),
      find({ term: "apple", store: "s1" }, ["Green apple", "Red apple pie"]),
      find({ term: "apple", store: "s1", status: "live" }, ["Red apple pie"]),
      find({ term: "bread", status: "draft" }, []),
      find({ term: "kiwi" }, []),
    ],
  },
  {
    area: "search",
    name: "multi-word search: terms OR-ed, best match first, prefix on the last term only, any case",
    steps: [
      mutation("search:seed"),
      query(
        "search:ranked",
        { terms: "apple pie" },
        {
          value: { best: "Red apple pie", all: ["Apple juice", "Green apple", "Red apple pie"] },
        },
      ),
      query(
        "search:ranked",
        { terms: "BANANA Bread" },
        {
          value: { best: "Banana bread", all: ["Banana bread"] },
        },
      ),
      query(
        "search:ranked",
        { terms: "red app" },
        {
          value: { best: "Red apple pie", all: ["Apple juice", "Green apple", "Red apple pie"] },
        },
      ),
      query(
        "search:ranked",
        { terms: "Green APPLE" },
        {
          deviation: {
            note: "convex-test does not rank (documents come in insertion order); Convex ranks the document matching both terms first",
            convex: {
              value: { best: "Green apple", all: ["Apple juice", "Green apple", "Red apple pie"] },
            },
          },
        },
      ),
      query(
        "search:ranked",
        { terms: "app pie" },
        {
          deviation: {
            note: 'convex-test matches every term as a prefix; Convex only the last one, so "app" matches no word',
            convex: { value: { best: "Red apple pie", all: ["Red apple pie"] } },
          },
        },
      ),
    ],
  },
];

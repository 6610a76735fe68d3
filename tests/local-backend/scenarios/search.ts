import type { Scenario } from "../harness/scenario";
import { mutation, query } from "./dsl";

const find = (args: Record<string, unknown>, value: string[]) =>
  query("search:find", args, { value });

/*
 * Only whole-word, single-term searches: there convex-test (every term a prefix, OR, no
 * ranking) and Convex (tokenised, lower-cased, relevance-ranked; prefix matching on the last
 * term) agree on the set of matches. Results are sorted by the function.
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
];

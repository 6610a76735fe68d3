import type { Scenario } from "../harness/scenario";
import { authScenarios } from "./auth";
import { crudScenarios } from "./crud";
import { errorScenarios } from "./errors";
import { filterScenarios } from "./filters";
import { httpActionScenarios } from "./httpActions";
import { indexScenarios } from "./indexes";
import { metaScenarios } from "./meta";
import { orderingScenarios } from "./ordering";
import { paginationScenarios } from "./pagination";
import { restrictionScenarios } from "./restrictions";
import { schedulerScenarios } from "./scheduler";
import { searchScenarios } from "./search";
import { snapshotScenarios } from "./snapshot";
import { storageScenarios } from "./storage";
import { internalScenarios, validationScenarios } from "./validation";

/** Every conformance scenario; conformance.test.ts runs each on convex-test and on the backend. */
export const SCENARIOS: Scenario[] = [
  ...crudScenarios,
  ...indexScenarios,
  ...orderingScenarios,
  ...filterScenarios,
  ...paginationScenarios,
  ...errorScenarios,
  ...validationScenarios,
  ...internalScenarios,
  ...restrictionScenarios,
  ...searchScenarios,
  ...snapshotScenarios,
  ...metaScenarios,
  // After crud's "system tables" scenario: these leave finished jobs in _scheduled_functions.
  ...schedulerScenarios,
  ...storageScenarios,
  ...authScenarios,
  ...httpActionScenarios,
];

const names = new Set<string>();
for (const s of SCENARIOS) {
  if (names.has(s.name)) throw new Error(`duplicate scenario name: ${s.name}`);
  names.add(s.name);
}

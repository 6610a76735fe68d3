/**
 * Conformance: the embedded backend (local-backend/) against Convex semantics.
 *
 * Every scenario in ./scenarios/ runs twice:
 *  1. on convex-test (the oracle: Convex's semantics in memory, fresh database per scenario),
 *     checking the scenario's own pinned expectations;
 *  2. on the embedded backend, started once with a fresh data folder, through a real
 *     ConvexClient (WebSocket sync protocol) for public calls and an admin ConvexHttpClient for
 *     internal ones. Its normalised transcript (ids → id#n, _creationTime → ct#n, cursors
 *     opaque) must equal convex-test's — except at steps marked `deviation`, where convex-test is
 *     known to differ from Convex and the backend is held to the pinned Convex outcome instead.
 *     HTTP actions are fetched from the site URL, files uploaded and downloaded over HTTP,
 *     identities are signed JWTs, and scheduled functions are awaited by polling.
 *
 * Run only the oracle half: npx vitest run --project local-backend -t convex-test
 */
import type { ConvexClient, ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  type BackendHandle,
  clientAs,
  newAdminHttpClient,
  newClient,
  requireBackend,
  startConformanceBackend,
  stopConformanceBackend,
  withTimeout,
} from "./harness/backend";
import { checkSteps, comparableTranscript, expectedBackendTranscript } from "./harness/check";
import { backendEngine, convexTestEngine, play, type StepResult } from "./harness/engines";
import { type Scenario, toTranscript } from "./harness/scenario";
import { SCENARIOS } from "./scenarios/index";
import { LATER } from "./scenarios/later";

const oracleRuns = new Map<string, Promise<StepResult[]>>();

/** convex-test's results for a scenario (computed once, shared by both halves). */
function oracle(scenario: Scenario): Promise<StepResult[]> {
  let run = oracleRuns.get(scenario.name);
  if (!run) {
    run = play(convexTestEngine(scenario), scenario);
    oracleRuns.set(scenario.name, run);
  }
  return run;
}

const testName = (s: Scenario) => `[${s.area}] ${s.name}`;

describe("convex-test (oracle)", () => {
  for (const scenario of SCENARIOS) {
    it(testName(scenario), async () => {
      const results = await oracle(scenario);
      expect(checkSteps(results, "convex-test"), "steps whose pinned expectation failed").toEqual(
        [],
      );
    });
  }
});

describe("embedded backend", () => {
  let handle: BackendHandle | undefined;
  let client: ConvexClient;
  let admin: ConvexHttpClient;

  beforeAll(async () => {
    // The oracle first (already done in a full run): convex-test runs scheduler scenarios under
    // vitest fake timers, which must never catch the in-process backend's own timers.
    for (const scenario of SCENARIOS) await oracle(scenario);
    handle = await startConformanceBackend("conformance");
    if (handle.backend) {
      client = newClient(handle);
      admin = newAdminHttpClient(handle);
    }
  });

  afterAll(async () => {
    await stopConformanceBackend(handle);
  });

  for (const scenario of SCENARIOS) {
    it(testName(scenario), async () => {
      const backend = requireBackend(handle);
      // Scenarios share one deployment: start each from empty tables.
      await withTimeout(backend.run("testing:reset", {}), 20_000, "testing:reset");

      const h = handle as BackendHandle;
      const results = await play(
        backendEngine({
          client,
          admin,
          siteUrl: backend.siteUrl,
          clientAs: (identity) => clientAs(h, identity),
          token: (identity) => h.tokens!.sign(identity),
        }),
        scenario,
      );
      const expected = expectedBackendTranscript(scenario, await oracle(scenario));
      const actual = comparableTranscript(scenario, toTranscript(results));

      expect(checkSteps(results, "backend"), "steps whose expectation failed").toEqual([]);
      expect(actual, "normalised transcript (convex-test, corrected at known deviations)").toEqual(
        expected,
      );
    });
  }
});

describe("not covered yet (see scenarios/later.ts)", () => {
  for (const { area, todo } of LATER) {
    for (const item of todo) it.todo(`[${area}] ${item}`);
  }
});

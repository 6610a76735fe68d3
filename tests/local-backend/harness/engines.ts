/**
 * The two engines a scenario runs on, behind one small adapter each:
 * - convex-test (the oracle: Convex semantics in memory, fresh database per scenario);
 * - the embedded backend, through a real ConvexClient (public calls) and an admin
 *   ConvexHttpClient (internal calls).
 */
import type { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { convexTest } from "convex-test";
import schema from "../conformance-app/convex/schema";
import { withTimeout } from "./backend";
import { type RawOutcome, resolveRefs, type Scenario, type Step } from "./scenario";

export const conformanceModules = import.meta.glob("../conformance-app/convex/**/*.*s");

export interface Engine {
  name: string;
  /** Calls the step's function; resolves with its value or rejects with the function's error. */
  call(step: Step, args: Record<string, unknown>): Promise<unknown>;
}

export function convexTestEngine(): Engine {
  const t = convexTest(schema, conformanceModules);
  return {
    name: "convex-test",
    call(step, args) {
      // convex-test has no notion of callers: public and internal functions are both callable.
      const fn = makeFunctionReference<any>(step.fn) as any;
      switch (step.kind) {
        case "query":
          return t.query(fn, args);
        case "mutation":
          return t.mutation(fn, args);
        case "action":
          return t.action(fn, args);
      }
    },
  };
}

export function backendEngine(client: ConvexClient, admin: ConvexHttpClient): Engine {
  return {
    name: "embedded backend",
    call(step, args) {
      const fn = makeFunctionReference<any>(step.fn) as any;
      const target: any = step.caller === "admin" ? admin : client;
      return withTimeout(
        target[step.kind](fn, args) as Promise<unknown>,
        20_000,
        `${step.kind} ${step.fn} (${step.caller ?? "client"})`,
      );
    },
  };
}

export function describeError(e: unknown): Extract<RawOutcome, { ok: false }> {
  const message = e instanceof Error ? e.message : String(e);
  const convexError =
    typeof e === "object" &&
    e !== null &&
    (Symbol.for("ConvexError") in e || (e as Error).name === "ConvexError");
  return convexError
    ? { ok: false, error: e, message, convexError: true, data: (e as { data?: unknown }).data }
    : { ok: false, error: e, message, convexError: false };
}

export interface StepResult {
  step: Step;
  raw: RawOutcome;
}

/** Plays a scenario's steps in order, resolving `ref(...)`s from earlier results. */
export async function play(engine: Engine, scenario: Scenario): Promise<StepResult[]> {
  const saved = new Map<string, unknown>();
  const results: StepResult[] = [];
  for (const step of scenario.steps) {
    let raw: RawOutcome;
    try {
      const args = resolveRefs(step.args ?? {}, saved) as Record<string, unknown>;
      const value = await engine.call(step, args);
      raw = { ok: true, value };
      if (step.as) saved.set(step.as, value);
    } catch (e) {
      raw = describeError(e);
    }
    results.push({ step, raw });
  }
  return results;
}

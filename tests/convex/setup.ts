/// <reference types="vite/client" />
// Shared harness: a fresh in-memory Convex per test, loaded with the real schema and functions.
import { convexTest } from "convex-test";
import { internal } from "../../convex/_generated/api";
import { errorKind } from "../../convex/model/errors";
import schema from "../../convex/schema";

export const modules = import.meta.glob("../../convex/**/*.*s");

export function makeTest(options: { maxWritesPerMutation?: number } = {}) {
  return convexTest({
    schema,
    modules,
    transactionLimits:
      options.maxWritesPerMutation === undefined
        ? false
        : { documentsWritten: options.maxWritesPerMutation },
  });
}

export type T = ReturnType<typeof makeTest>;

// A fixed clock for determinism tests: Wednesday 25 Nov 2026, 15:30 UTC (inside the BFCM peak).
export const FIXED_NOW = Date.UTC(2026, 10, 25, 15, 30);

export const OWNER = {
  subject: "owner-1",
  issuer: "https://auth.test",
  email: "owner@demo.store",
  emailVerified: true,
  name: "Demo Owner",
};

/** A small demo store: a few weeks of history keeps each test fast. */
export async function seedSmall(t: T, overrides: { now?: number; seed?: number } = {}) {
  return await t.action(internal.seed.demoStore, {
    days: 40,
    eventDays: 5,
    now: overrides.now ?? Date.now(),
    seed: overrides.seed,
  });
}

/** The `kind` of the error a call fails with ("no error" when it succeeds). */
export async function kindOf(promise: Promise<unknown>) {
  try {
    await promise;
  } catch (error) {
    return errorKind(error) ?? `not ours: ${String(error)}`;
  }
  return "no error";
}

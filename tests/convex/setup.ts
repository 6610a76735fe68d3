/// <reference types="vite/client" />
// Shared harness: a fresh in-memory Convex per test, loaded with the real schema and functions.
import { convexTest } from "convex-test";
import { api, internal } from "../../convex/_generated/api";
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

/** A teammate who joins stores as staff (no costs, no settings). */
export const STAFF = { ...OWNER, subject: "staff-1", email: "stan@demo.store", name: "Stan" };

/**
 * A new store made by OWNER, with `staff` added as its staff member: where most module tests
 * start. Returns the harness, both callers and the store.
 */
export async function storeWithStaff(
  name: string,
  staff: { subject: string; issuer: string; email: string; name: string } = STAFF,
  t: T = makeTest(),
) {
  const owner = t.withIdentity(OWNER);
  const { storeId } = await owner.mutation(api.stores.create, {
    name,
    currency: "USD",
    timezone: "UTC",
  });
  await t.run(async (ctx) => {
    const userId = await ctx.db.insert("users", {
      tokenIdentifier: `${staff.issuer}|${staff.subject}`,
      email: staff.email,
      name: staff.name,
    });
    await ctx.db.insert("members", { storeId, userId, role: "staff" });
  });
  return { t, owner, staff: t.withIdentity(staff), storeId };
}

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

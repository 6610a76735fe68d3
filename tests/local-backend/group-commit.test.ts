/**
 * Group commit: mutations waiting for the lock share one SQLite commit, yet each stays
 * serializable, a failing one is undone alone, and each is acknowledged only once committed.
 */
import { afterAll, beforeAll, expect, test } from "vitest";
import type { Runtime } from "../../local-backend/runtime/runtime.js";
import { makeFunctionReference } from "convex/server";
import {
  type BackendHandle,
  newClient,
  requireBackend,
  startConformanceBackend,
  stopConformanceBackend,
} from "./harness/backend";

let handle: BackendHandle | undefined;
beforeAll(async () => {
  handle = await startConformanceBackend("group-commit");
});
afterAll(async () => stopConformanceBackend(handle));

test("concurrent mutations share commits, stay serializable, and a failing one is undone alone", async () => {
  const backend = requireBackend(handle);
  const runtime = backend.runtime as Runtime;
  const admin = { identity: null, token: null, admin: true };
  const id = (await backend.run("crud:insertItem", { name: "counter", n: 0 })) as string;
  const commitsBefore = runtime.stats.commits;
  const results = await Promise.allSettled(
    Array.from({ length: 60 }, (_, i) =>
      i % 10 === 5
        ? runtime.runMutation("nested:parentThrowsAfterChild", {}, admin)
        : runtime.runMutation("crud:increment", { id }, admin),
    ),
  );
  const ok = results.filter((r) => r.status === "fulfilled");
  expect(ok).toHaveLength(54);
  expect(results.filter((r) => r.status === "rejected")).toHaveLength(6);
  // Every increment saw the one before it: the values are exactly 1..54, in commit order.
  const values = ok.map((r) => (r as PromiseFulfilledResult<{ value: number }>).value.value);
  expect(values).toEqual(Array.from({ length: 54 }, (_, i) => i + 1));
  // Commit timestamps strictly increase in acknowledgement order.
  const ts = ok.map((r) => (r as PromiseFulfilledResult<{ ts: bigint }>).value.ts);
  for (let i = 1; i < ts.length; i++) expect(ts[i] > ts[i - 1]).toBe(true);
  // The failed parents' children were rolled back with them; the increments were not.
  expect(await backend.run("crud:names", {})).toEqual(["counter"]);
  expect(runtime.stats.commits - commitsBefore).toBeLessThan(54);
  expect(runtime.db.currentTs).toBe(ts[ts.length - 1]);
});

test("every member is answered in commit order, a failing one after the commits before it", async () => {
  const backend = requireBackend(handle);
  const runtime = backend.runtime as Runtime;
  const admin = { identity: null, token: null, admin: true };
  const id = (await backend.run("crud:insertItem", { name: "ordered", n: 0 })) as string;
  const settled: number[] = [];
  await Promise.allSettled(
    Array.from({ length: 30 }, (_, i) =>
      (i % 3 === 1
        ? runtime.runMutation("nested:parentThrowsAfterChild", {}, admin)
        : runtime.runMutation("crud:increment", { id }, admin)
      ).finally(() => settled.push(i)),
    ),
  );
  // A failure may rest on the writes of the members before it, so it is not told before they
  // are on disk.
  expect(settled).toEqual(Array.from({ length: 30 }, (_, i) => i));
});

test("one client's mutations in flight share commits and apply in the order sent", async () => {
  const backend = requireBackend(handle);
  const runtime = backend.runtime as Runtime;
  const id = (await backend.run("crud:insertItem", { name: "pipelined", n: 0 })) as string;
  const client = newClient(handle!);
  const increment = makeFunctionReference<"mutation">("crud:increment");
  await client.mutation(increment, { id }); // connected
  const commitsBefore = runtime.stats.commits;
  const values = await Promise.all(
    Array.from({ length: 40 }, () => client.mutation(increment, { id }) as Promise<number>),
  );
  expect(values).toEqual(Array.from({ length: 40 }, (_, i) => i + 2));
  // Sent together, they wait for the disk together rather than one flush each.
  expect(runtime.stats.commits - commitsBefore).toBeLessThan(20);
});

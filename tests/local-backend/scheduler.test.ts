import { ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, describe, expect, test } from "vitest";
import { startBackend } from "../../local-backend/index.js";
import { JOBS_APP, tmpDataDir, waitFor } from "./helpers.js";

const scheduleLater = makeFunctionReference<"mutation">("jobs:scheduleLater");
const cancel = makeFunctionReference<"mutation">("jobs:cancel");
const job = makeFunctionReference<"query">("jobs:job");
const events = makeFunctionReference<"query">("jobs:events");

describe("scheduler and crons", () => {
  const dataDir = tmpDataDir("sched");
  let backend: Awaited<ReturnType<typeof startBackend>>;
  let client: ConvexHttpClient;

  beforeAll(async () => {
    backend = await startBackend({
      functionsDir: JOBS_APP,
      dataDir,
      port: 0,
      sitePort: 0,
      reset: true,
      quiet: true,
    });
    client = new ConvexHttpClient(backend.url);
  });
  afterAll(async () => backend?.close());

  test("runAfter runs the job and records success in _scheduled_functions", async () => {
    const id = await client.mutation(scheduleLater, { delayMs: 50, kind: "soon" });
    const pending = await client.query(job, { id });
    expect(pending.name).toBe("jobs.js:record");
    expect(pending.args).toEqual([{ kind: "soon" }]);
    await waitFor(
      () => client.query(events, { kind: "soon" }),
      (e) => e.length === 1,
    );
    const done = await waitFor(
      () => client.query(job, { id }),
      (j) => j.state.kind === "success",
    );
    expect(done.completedTime).toBeGreaterThanOrEqual(done.scheduledTime);
  });

  test("a mutation that rolls back schedules nothing", async () => {
    await expect(
      client.mutation(scheduleLater, { delayMs: 0, kind: "rolledback", fail: true }),
    ).rejects.toThrow(/rolled back on purpose/);
    await new Promise((r) => setTimeout(r, 300));
    expect(await client.query(events, { kind: "rolledback" })).toEqual([]);
  });

  test("cancel stops a pending job", async () => {
    const id = await client.mutation(scheduleLater, { delayMs: 300, kind: "cancelled" });
    await client.mutation(cancel, { id });
    expect((await client.query(job, { id })).state.kind).toBe("canceled");
    await new Promise((r) => setTimeout(r, 500));
    expect(await client.query(events, { kind: "cancelled" })).toEqual([]);
  });

  test("a cron job fires while the server runs", async () => {
    const ticks = await waitFor(
      () => client.query(events, { kind: "cron" }),
      (e) => e.length >= 2,
      6_000,
    );
    expect(ticks[1].at - ticks[0].at).toBeGreaterThanOrEqual(900);
  });
});

test("a job queued before a restart runs after it", async () => {
  const dataDir = tmpDataDir("restart");
  const first = await startBackend({
    functionsDir: JOBS_APP,
    dataDir,
    port: 0,
    sitePort: 0,
    quiet: true,
  });
  const id = await new ConvexHttpClient(first.url).mutation(scheduleLater, {
    delayMs: 800,
    kind: "after-restart",
  });
  await first.close();
  const second = await startBackend({
    functionsDir: JOBS_APP,
    dataDir,
    port: 0,
    sitePort: 0,
    quiet: true,
  });
  try {
    const client = new ConvexHttpClient(second.url);
    expect((await client.query(job, { id })).state.kind).toBe("pending");
    await waitFor(
      () => client.query(events, { kind: "after-restart" }),
      (e) => e.length === 1,
      5_000,
    );
    expect((await client.query(job, { id })).state.kind).toBe("success");
  } finally {
    await second.close();
  }
});

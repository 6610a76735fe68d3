import { TEST_ISSUER } from "../harness/auth";
import type { Scenario } from "../harness/scenario";
import { action, finishScheduled, mutation, query, ref } from "./dsl";

/*
 * Jobs are read through scheduler:jobs / scheduler:job, which project a `_scheduled_functions`
 * document to { _id, name, args, delayMs (scheduledTime - _creationTime, to 100 ms), state };
 * the name there has any ".js" module extension stripped (the stored name has its own scenario,
 * the last one), and completedTime / the failure message are read by jobKeys / failure.
 * Each scenario tags its jobs' arguments: on the embedded backend finished jobs of earlier
 * scenarios stay in the table (functions cannot delete them).
 *
 * Jobs that must be seen pending are scheduled 1.5 s ahead: the backend runs them for real,
 * convex-test only when `finishScheduled` advances its fake timers.
 */

type Job = { _id: string; name: string; args: unknown[]; delayMs: number; state: string };
const job = (
  id: string,
  name: string,
  args: Record<string, unknown>,
  delayMs: number,
  state: string,
): Job => ({ _id: id, name: `scheduler:${name}`, args: [args], delayMs, state });

const KEYS_PENDING = ["_creationTime", "_id", "args", "name", "scheduledTime", "state"];
const KEYS_DONE = [
  "_creationTime",
  "_id",
  "args",
  "completedTime",
  "name",
  "scheduledTime",
  "state",
];
const COMPLETED_TIME_NOTE =
  "convex-test sets completedTime only on failed jobs; Convex sets it whenever a job completes " +
  "(success, failed or canceled: SchedulerModel::complete in crates/model/src/scheduled_jobs), " +
  'as its docs\' example job document shows ("completedTime" next to state success)';

const USER = { subject: "scheduler-user", issuer: TEST_ISSUER, email: "s@example.com" };

/** An `events` row written by a scheduled run of `record` (never authenticated). */
const ran = (n: number, afterCaller = false) => ({ n, authenticated: false, afterCaller });
/** The row `schedule` writes itself with `recordCaller`. */
const caller = (authenticated: boolean) => ({ n: -1, authenticated, afterCaller: false });

export const schedulerScenarios: Scenario[] = [
  {
    area: "scheduler",
    name: "runAfter(0) from a mutation runs the target after it commits, with its args",
    steps: [
      // The job sees the row the mutation wrote after scheduling it: it ran after the commit.
      mutation(
        "scheduler:schedule",
        { tag: "a", n: 1, delayMs: 0, recordCaller: true },
        { as: "j", ids: true, value: "id#1" },
      ),
      finishScheduled(),
      query("scheduler:events", { tag: "a" }, { value: [caller(false), ran(1, true)] }),
      query(
        "scheduler:job",
        { id: ref("j") },
        { value: job("id#1", "record", { tag: "a", n: 1 }, 0, "success") },
      ),
      query(
        "scheduler:jobs",
        { tag: "a" },
        { value: [job("id#1", "record", { tag: "a", n: 1 }, 0, "success")] },
      ),
    ],
  },
  {
    area: "scheduler",
    name: "runAfter(ms) and runAt: the job stays pending until due, then succeeds",
    steps: [
      mutation(
        "scheduler:schedule",
        { tag: "b", n: 1, delayMs: 1500 },
        { as: "j1", ids: true, value: "id#1" },
      ),
      mutation(
        "scheduler:scheduleAt",
        { tag: "b", n: 2, delayMs: 1500 },
        { as: "j2", ids: true, value: "id#2" },
      ),
      query(
        "scheduler:jobs",
        { tag: "b" },
        {
          value: [
            job("id#1", "record", { tag: "b", n: 1 }, 1500, "pending"),
            job("id#2", "record", { tag: "b", n: 2 }, 1500, "pending"),
          ],
        },
      ),
      query("scheduler:jobKeys", { id: ref("j1") }, { value: KEYS_PENDING }),
      query("scheduler:events", { tag: "b" }, { value: [] }),
      finishScheduled(),
      query("scheduler:events", { tag: "b" }, { value: [ran(1), ran(2)] }),
      query(
        "scheduler:jobs",
        { tag: "b" },
        {
          value: [
            job("id#1", "record", { tag: "b", n: 1 }, 1500, "success"),
            job("id#2", "record", { tag: "b", n: 2 }, 1500, "success"),
          ],
        },
      ),
      query(
        "scheduler:jobKeys",
        { id: ref("j2") },
        { deviation: { note: COMPLETED_TIME_NOTE, convex: { value: KEYS_DONE } } },
      ),
    ],
  },
  {
    area: "scheduler",
    name: "scheduling from an action; an action as the scheduled target",
    steps: [
      action(
        "scheduler:scheduleFromAction",
        { tag: "c", n: 3, delayMs: 0, target: "action" },
        { as: "j", ids: true, value: "id#1" },
      ),
      finishScheduled(),
      query("scheduler:events", { tag: "c" }, { value: [ran(3)] }),
      query(
        "scheduler:job",
        { id: ref("j") },
        { value: job("id#1", "recordFromAction", { tag: "c", n: 3 }, 0, "success") },
      ),
    ],
  },
  {
    area: "scheduler",
    name: "a scheduled function that throws is marked failed, with its error",
    steps: [
      mutation(
        "scheduler:schedule",
        { tag: "d", n: 0, delayMs: 0, target: "fail" },
        { as: "j", ids: true, value: "id#1" },
      ),
      finishScheduled(),
      query(
        "scheduler:job",
        { id: ref("j") },
        { value: job("id#1", "fail", { tag: "d" }, 0, "failed") },
      ),
      query(
        "scheduler:failure",
        { id: ref("j") },
        {
          deviation: {
            note:
              "convex-test records a failed job's state as { kind: 'failed' } without the error; " +
              "Convex's state is { kind: 'failed', error: string } (the system schema in " +
              "convex/src/server/schema.ts), with the function's error message",
            convex: { value: { kind: "failed", errorIsString: true, errorHasMessage: true } },
          },
        },
      ),
      query("scheduler:jobKeys", { id: ref("j") }, { value: KEYS_DONE }),
      query("scheduler:events", { tag: "d" }, { value: [] }),
    ],
  },
  {
    area: "scheduler",
    name: "scheduler.cancel before the job runs (from a mutation and an action): canceled, never run",
    steps: [
      mutation("scheduler:schedule", { tag: "e", n: 1, delayMs: 1500 }, { as: "j1", ids: true }),
      mutation("scheduler:schedule", { tag: "e", n: 2, delayMs: 1500 }, { as: "j2", ids: true }),
      mutation("scheduler:cancel", { id: ref("j1") }, { value: null }),
      action("scheduler:cancelFromAction", { id: ref("j2") }, { value: null }),
      query(
        "scheduler:jobs",
        { tag: "e" },
        {
          value: [
            job("id#1", "record", { tag: "e", n: 1 }, 1500, "canceled"),
            job("id#2", "record", { tag: "e", n: 2 }, 1500, "canceled"),
          ],
        },
      ),
      finishScheduled(),
      query("scheduler:events", { tag: "e" }, { value: [] }),
      query(
        "scheduler:job",
        { id: ref("j1") },
        { value: job("id#1", "record", { tag: "e", n: 1 }, 1500, "canceled") },
      ),
      query(
        "scheduler:jobKeys",
        { id: ref("j1") },
        { deviation: { note: COMPLETED_TIME_NOTE, convex: { value: KEYS_DONE } } },
      ),
    ],
  },
  {
    area: "scheduler",
    name: "a mutation that throws after scheduling leaves no job, and nothing runs",
    steps: [
      mutation(
        "scheduler:schedule",
        { tag: "f", n: 1, delayMs: 0, throwAfter: true },
        { expect: "error", errorMatch: /rolled back after scheduling 3390/ },
      ),
      finishScheduled(),
      query("scheduler:jobs", { tag: "f" }, { value: [] }),
      query("scheduler:events", { tag: "f" }, { value: [] }),
    ],
  },
  {
    area: "scheduler",
    name: "canceling a job that already ran leaves its final state",
    steps: [
      mutation("scheduler:schedule", { tag: "g", n: 1, delayMs: 0 }, { as: "j", ids: true }),
      finishScheduled(),
      mutation("scheduler:cancel", { id: ref("j") }, { value: null }),
      query(
        "scheduler:job",
        { id: ref("j") },
        {
          deviation: {
            note:
              "convex-test's cancel overwrites any state with canceled; Convex cancels only " +
              "pending or inProgress jobs (SchedulerModel::cancel), a finished job keeps its state",
            convex: { value: job("id#1", "record", { tag: "g", n: 1 }, 0, "success") },
          },
        },
      ),
      query("scheduler:events", { tag: "g" }, { value: [ran(1)] }),
    ],
  },
  {
    area: "scheduler",
    name: "a scheduled function runs without the scheduling caller's auth",
    steps: [
      mutation(
        "scheduler:schedule",
        { tag: "h", n: 1, delayMs: 0, recordCaller: true },
        { identity: USER, ids: true },
      ),
      finishScheduled(),
      query("scheduler:events", { tag: "h" }, { value: [caller(true), ran(1, true)] }),
    ],
  },
  {
    area: "scheduler",
    name: "_scheduled_functions.name is the canonical path: module with its .js extension",
    steps: [
      mutation("scheduler:schedule", { tag: "i", n: 1, delayMs: 1500 }, { as: "j", ids: true }),
      query(
        "scheduler:rawName",
        { id: ref("j") },
        {
          deviation: {
            note:
              "convex-test stores the path as written (scheduler:record); Convex stores the " +
              "canonicalized UDF path, whose module always has an extension (.js added when " +
              "missing: canonicalize_path_buf in crates/convex/sync_types/src/module_path.rs), " +
              'as the docs\' example job shows ("name": "messages.js:destruct")',
            convex: { value: "scheduler.js:record" },
          },
        },
      ),
      mutation("scheduler:cancel", { id: ref("j") }, { value: null }),
      finishScheduled(),
    ],
  },
];

/**
 * Durable scheduler: `runAfter`/`runAt` insert a row into the `_scheduled_functions` system
 * table inside the caller's transaction (so a rolled-back mutation schedules nothing); a timer
 * runs due jobs. A scheduled mutation runs exactly once: its body and its "success" mark commit
 * together. An action is marked inProgress first, so one interrupted by a crash is reported as
 * failed on restart rather than silently re-run.
 */
import { convexToJson, getConvexSize, jsonToConvex, type Value } from "convex/values";
import { MAX_KEY } from "../values/keys.js";
import { encodeKey } from "../values/keys.js";
import { ANONYMOUS } from "./runtime.js";
import type { Runtime } from "./runtime.js";
import { canonicalPath } from "./modules.js";
import { addressToPath } from "./syscalls.js";
import type { Tx } from "./tx.js";
import { realNow } from "./determinism.js";
import type { Doc } from "./database.js";

const TABLE = "_scheduled_functions";
const INDEX = "by_state_time";

type State =
  | { kind: "pending" }
  | { kind: "inProgress" }
  | { kind: "success" }
  | { kind: "failed"; error: string }
  | { kind: "canceled" };

export class Scheduler {
  private timer: NodeJS.Timeout | null = null;
  private running = 0;
  private stopped = false;
  readonly maxConcurrent = 10;

  constructor(private runtime: Runtime) {}

  /** Inserts a pending job in `tx`; returns its id. */
  schedule(tx: Tx, args: Record<string, any>): string {
    const name = addressToPath(args);
    const reg = this.runtime.app.functions.get(name);
    if (!reg || reg.kind === "query")
      throw new Error(
        reg
          ? `Cannot schedule ${name}: only mutations and actions can be scheduled.`
          : `Attempted to schedule function at nonexistent path: ${name}`,
      );
    const fnArgs = jsonToConvex(args.args ?? {}) as Value;
    tx.metrics.schedule(getConvexSize(fnArgs));
    const scheduledTime = Math.round(Number(args.ts) * 1000);
    if (!Number.isFinite(scheduledTime))
      throw new Error("The scheduled time must be a finite number.");
    tx.scheduledWork = true;
    return tx.insertDoc(TABLE, {
      // Convex records the module with its .js extension ("messages.js:send").
      name: name.replace(/^(.*):([^:]*)$/, "$1.js:$2"),
      args: [fnArgs],
      scheduledTime,
      state: { kind: "pending" },
    });
  }

  cancel(tx: Tx, id: string) {
    const doc = tx.get(TABLE, id, true);
    if (!doc) throw new Error(`Scheduled function ${id} does not exist.`);
    const state = doc.state as State;
    if (state.kind === "pending" || state.kind === "inProgress") {
      tx.patch(TABLE, id, { state: { kind: "canceled" }, completedTime: realNow() }, true);
    }
  }

  /** Pending jobs in time order (reads the system index directly). */
  private pending(limit: number): Doc[] {
    const store = this.runtime.store;
    const table = store.table(TABLE);
    const index = table && store.index(table.number, INDEX);
    if (!index) return [];
    const prefix = encodeKey(["pending"]);
    return store
      .readAsc(index.id, prefix, Buffer.concat([prefix, MAX_KEY]), limit, false)
      .map((r) => jsonToConvex(JSON.parse(r.json)) as Doc);
  }

  async start() {
    this.stopped = false;
    // Actions cut off by a stop never finished: say so instead of leaving them "inProgress".
    const store = this.runtime.store;
    const table = store.table(TABLE);
    const index = table && store.index(table.number, INDEX);
    if (index) {
      const prefix = encodeKey(["inProgress"]);
      const stuck = store.readAsc(index.id, prefix, Buffer.concat([prefix, MAX_KEY]), 1000, false);
      if (stuck.length) {
        await this.runtime.transact(async (tx) => {
          for (const r of stuck) {
            const doc = jsonToConvex(JSON.parse(r.json)) as Doc;
            tx.patch(
              TABLE,
              doc._id,
              {
                state: {
                  kind: "failed",
                  error: "Transient error while executing action: the server stopped.",
                },
                completedTime: realNow(),
              },
              true,
            );
          }
          return {};
        });
      }
    }
    this.wake();
  }

  stop() {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  /** Re-arms the timer for the earliest pending job. */
  wake() {
    if (this.stopped) return;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const [next] = this.pending(1);
    if (!next) return;
    const delay = Math.max(0, (next.scheduledTime as number) - realNow());
    this.timer = setTimeout(() => void this.runDue(), Math.min(delay, 2 ** 31 - 1));
  }

  private async runDue() {
    this.timer = null;
    if (this.stopped) return;
    const now = realNow();
    const due = this.pending(this.maxConcurrent).filter((j) => (j.scheduledTime as number) <= now);
    const tasks = due
      .slice(0, Math.max(0, this.maxConcurrent - this.running))
      .map((job) => this.execute(job));
    await Promise.allSettled(tasks);
    this.wake();
  }

  private async execute(job: Doc) {
    this.running++;
    try {
      const fnPath = canonicalPath(job.name as string);
      const reg = this.runtime.app.functions.get(fnPath);
      const args = (job.args as Value[])[0];
      const argsJson = convexToJson(args as Value);
      if (reg?.kind === "mutation") {
        try {
          await this.runtime.runMutation(fnPath, argsJson, ANONYMOUS, {
            fromFunction: true,
            scheduledFunctionId: job._id,
            beforeCommit: (tx) => {
              const current = tx.get(TABLE, job._id, true);
              if ((current?.state as State | undefined)?.kind !== "pending") throw new SkipJob();
              tx.patch(
                TABLE,
                job._id,
                { state: { kind: "success" }, completedTime: realNow() },
                true,
              );
            },
          });
        } catch (e) {
          if (e instanceof SkipJob || (e as Error).message?.includes(SKIP)) return;
          await this.finish(job._id, { kind: "failed", error: (e as Error).message });
        }
        return;
      }
      // Actions: mark inProgress first (only if still pending), then run outside any transaction.
      const claimed = await this.runtime.transact(async (tx) => {
        const current = tx.get(TABLE, job._id, true);
        if ((current?.state as State | undefined)?.kind !== "pending") return { ok: false };
        tx.patch(TABLE, job._id, { state: { kind: "inProgress" } }, true);
        return { ok: true };
      });
      if (!claimed.ok) return;
      try {
        await this.runtime.runAction(fnPath, argsJson, ANONYMOUS, {
          fromFunction: true,
          scheduledFunctionId: job._id,
        });
        await this.finish(job._id, { kind: "success" });
      } catch (e) {
        await this.finish(job._id, { kind: "failed", error: (e as Error).message });
      }
    } finally {
      this.running--;
    }
  }

  private async finish(id: string, state: State) {
    await this.runtime.transact(async (tx) => {
      const current = tx.get(TABLE, id, true);
      const kind = (current?.state as State | undefined)?.kind;
      if (kind === "pending" || kind === "inProgress")
        tx.patch(TABLE, id, { state, completedTime: realNow() }, true);
      return {};
    });
  }
}

const SKIP = "scheduled job no longer pending";
class SkipJob extends Error {
  constructor() {
    super(SKIP);
  }
}

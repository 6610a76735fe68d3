/**
 * Runs the jobs declared in the app's crons.ts while the server runs. Interval jobs repeat
 * every N ms; hourly/daily/weekly/monthly and cron-expression jobs follow UTC wall time
 * (croner parses the expressions). Each run is recorded in the `_cron_jobs` system table.
 */
import { Cron } from "croner";
import type { JSONValue } from "convex/values";
import { MAX_KEY, MIN_KEY } from "../values/keys.js";
import { realNow } from "./determinism.js";
import { ANONYMOUS, type Runtime } from "./runtime.js";
import { jsonToConvex } from "convex/values";
import type { Doc } from "./database.js";

const TABLE = "_cron_jobs";
const DAYS = ["sunday", "monday", "tuesday", "wednesday", "thursday", "friday", "saturday"];

interface CronSpec {
  name: string;
  args: JSONValue[];
  schedule: Record<string, any>;
}

/** A cron expression for wall-clock schedules, or an interval in ms. */
export function toTrigger(schedule: Record<string, any>): { cron: string } | { everyMs: number } {
  const m = schedule.minuteUTC ?? 0;
  switch (schedule.type) {
    case "interval":
      return {
        everyMs:
          (schedule.seconds ?? 0) * 1000 +
          (schedule.minutes ?? 0) * 60_000 +
          (schedule.hours ?? 0) * 3_600_000,
      };
    case "hourly":
      return { cron: `${m} * * * *` };
    case "daily":
      return { cron: `${m} ${schedule.hourUTC} * * *` };
    case "weekly":
      return { cron: `${m} ${schedule.hourUTC} * * ${DAYS.indexOf(schedule.dayOfWeek)}` };
    case "monthly":
      return { cron: `${m} ${schedule.hourUTC} ${schedule.day} * *` };
    case "cron":
      return { cron: schedule.cron };
  }
  throw new Error(`Unknown cron schedule ${JSON.stringify(schedule)}`);
}

export function nextRunAfter(schedule: Record<string, any>, after: number): number {
  const trigger = toTrigger(schedule);
  if ("everyMs" in trigger) return after + Math.max(trigger.everyMs, 1000);
  const next = new Cron(trigger.cron, { timezone: "UTC", paused: true }).nextRun(new Date(after));
  if (!next) throw new Error(`Cron schedule ${trigger.cron} never runs`);
  return next.getTime();
}

export class CronRunner {
  private timers = new Map<string, NodeJS.Timeout>();
  private stopped = false;
  constructor(private runtime: Runtime) {}

  private specs(): Record<string, CronSpec> {
    return (this.runtime.app.crons?.crons ?? {}) as Record<string, CronSpec>;
  }

  private records(): Map<string, Doc> {
    const store = this.runtime.store;
    const table = store.table(TABLE);
    const out = new Map<string, Doc>();
    if (!table) return out;
    const index = store.index(table.number, "by_creation_time")!;
    for (const r of store.readAsc(index.id, MIN_KEY, MAX_KEY, 100_000, false)) {
      const doc = jsonToConvex(JSON.parse(r.json)) as Doc;
      out.set(doc.name as string, doc);
    }
    return out;
  }

  /** (Re)arms every job from the current crons.ts; keeps last-run records of unchanged jobs. */
  start() {
    this.stopped = false;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    const records = this.records();
    for (const [name, spec] of Object.entries(this.specs())) {
      const rec = records.get(name);
      const sameSpec = rec && JSON.stringify(rec.schedule) === JSON.stringify(spec.schedule);
      const from =
        sameSpec && typeof rec.lastRunTime === "number" ? (rec.lastRunTime as number) : realNow();
      this.arm(name, Math.max(nextRunAfter(spec.schedule, from), realNow()));
    }
  }

  stop() {
    this.stopped = true;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
  }

  private arm(name: string, at: number) {
    if (this.stopped) return;
    const delay = Math.min(Math.max(0, at - realNow()), 2 ** 31 - 1);
    const timer = setTimeout(() => void this.fire(name), delay);
    timer.unref();
    this.timers.set(name, timer);
  }

  private async fire(name: string) {
    const spec = this.specs()[name];
    if (!spec || this.stopped) return;
    const startedAt = realNow();
    let status: { kind: "success" } | { kind: "failed"; error: string } = { kind: "success" };
    try {
      const reg = this.runtime.app.functions.get(
        spec.name.includes(":") ? spec.name : `${spec.name}:default`,
      );
      const args = (spec.args?.[0] ?? {}) as JSONValue;
      const caller = { ...ANONYMOUS, admin: true };
      if (reg?.kind === "action") await this.runtime.runAction(spec.name, args, caller);
      else await this.runtime.runMutation(spec.name, args, caller);
    } catch (e) {
      status = { kind: "failed", error: (e as Error).message };
    }
    const nextRun = nextRunAfter(spec.schedule, startedAt);
    await this.record(name, spec, startedAt, status, nextRun).catch(() => {});
    this.arm(name, nextRun);
  }

  private async record(name: string, spec: CronSpec, at: number, status: object, nextRun: number) {
    await this.runtime.transact(async (tx) => {
      const existing = this.records().get(name);
      const fields = {
        name,
        functionName: spec.name,
        schedule: spec.schedule,
        lastRunTime: at,
        lastRunStatus: status,
        nextRunTime: nextRun,
      };
      if (existing) tx.patch(TABLE, existing._id, fields, true);
      else tx.insertDoc(TABLE, fields as any);
      return {};
    });
  }
}

import type { DocumentByName, SystemDataModel } from "convex/server";
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import {
  action,
  internalAction,
  internalMutation,
  mutation,
  type QueryCtx,
  query,
} from "./_generated/server";

// ── Targets of scheduled calls ──────────────────────────────────────────────────────────────

/**
 * Records one run in `events`: whether it ran with an identity (it must not), and whether it
 * sees the row its scheduling mutation wrote after scheduling it (`recordCaller`: it must, the
 * job runs after that mutation commits).
 */
export const record = internalMutation({
  args: { tag: v.string(), n: v.number() },
  handler: async (ctx, { tag, n }) => {
    const authenticated = (await ctx.auth.getUserIdentity()) !== null;
    const rows = await ctx.db
      .query("events")
      .withIndex("by_tag", (q) => q.eq("tag", tag))
      .collect();
    const afterCaller = rows.some((row) => row.n === -1);
    await ctx.db.insert("events", { tag, n, authenticated, afterCaller });
  },
});

/** A scheduled mutation that always throws. */
export const fail = internalMutation({
  args: { tag: v.string() },
  handler: async (_ctx, { tag }) => {
    throw new Error(`scheduled failure 7781 (${tag})`);
  },
});

/** An action target: records through a mutation. */
export const recordFromAction = internalAction({
  args: { tag: v.string(), n: v.number() },
  handler: async (ctx, args) => {
    await ctx.runMutation(internal.scheduler.record, args);
  },
});

const target = v.optional(v.union(v.literal("record"), v.literal("fail"), v.literal("action")));
type Target = "record" | "fail" | "action" | undefined;

function targetOf(
  kind: Target,
  tag: string,
  n: number,
): { fn: any; args: Record<string, unknown> } {
  if (kind === "fail") return { fn: internal.scheduler.fail, args: { tag } };
  if (kind === "action") return { fn: internal.scheduler.recordFromAction, args: { tag, n } };
  return { fn: internal.scheduler.record, args: { tag, n } };
}

// ── Scheduling ──────────────────────────────────────────────────────────────────────────────

/**
 * `runAfter(delayMs, target, args)`; returns the job id. `throwAfter` throws once the job is
 * scheduled (the mutation is rolled back with its job); `recordCaller` then writes event
 * n = -1 with the caller's own authentication.
 */
export const schedule = mutation({
  args: {
    tag: v.string(),
    n: v.number(),
    delayMs: v.number(),
    target,
    throwAfter: v.optional(v.boolean()),
    recordCaller: v.optional(v.boolean()),
  },
  handler: async (
    ctx,
    { tag, n, delayMs, target, throwAfter, recordCaller },
  ): Promise<Id<"_scheduled_functions">> => {
    const { fn, args } = targetOf(target, tag, n);
    const id = await ctx.scheduler.runAfter(delayMs, fn, args);
    if (recordCaller) {
      const authenticated = (await ctx.auth.getUserIdentity()) !== null;
      await ctx.db.insert("events", { tag, n: -1, authenticated, afterCaller: false });
    }
    if (throwAfter) throw new Error("rolled back after scheduling 3390");
    return id;
  },
});

/** `runAt(Date.now() + delayMs, record, …)`. */
export const scheduleAt = mutation({
  args: { tag: v.string(), n: v.number(), delayMs: v.number() },
  handler: async (ctx, { tag, n, delayMs }): Promise<Id<"_scheduled_functions">> =>
    await ctx.scheduler.runAt(Date.now() + delayMs, internal.scheduler.record, { tag, n }),
});

/** Scheduling from an action (`runAfter`). */
export const scheduleFromAction = action({
  args: { tag: v.string(), n: v.number(), delayMs: v.number(), target },
  handler: async (ctx, { tag, n, delayMs, target }): Promise<Id<"_scheduled_functions">> => {
    const { fn, args } = targetOf(target, tag, n);
    return await ctx.scheduler.runAfter(delayMs, fn, args);
  },
});

export const cancel = mutation({
  args: { id: v.id("_scheduled_functions") },
  handler: async (ctx, { id }) => {
    await ctx.scheduler.cancel(id);
  },
});

export const cancelFromAction = action({
  args: { id: v.id("_scheduled_functions") },
  handler: async (ctx, { id }) => {
    await ctx.scheduler.cancel(id);
  },
});

// ── Reading `_scheduled_functions` ──────────────────────────────────────────────────────────

/**
 * A job document in a form both engines can agree on: the `_id`, the function name (with a
 * module extension stripped: see `rawName`), the args, the delay between creation and
 * `scheduledTime` (rounded to 100 ms: creation and `Date.now()` are a few ms apart on a real
 * backend) and the state kind. The failure message and `completedTime` are read separately
 * (`failure`, `jobKeys`), where convex-test is known to differ.
 */
function project(job: DocumentByName<SystemDataModel, "_scheduled_functions">) {
  return {
    _id: job._id,
    name: job.name.replace(/\.js:/, ":"),
    args: job.args,
    delayMs: Math.round((job.scheduledTime - job._creationTime) / 100) * 100 || 0, // not -0
    state: job.state.kind,
  };
}

/** Jobs whose first argument has this tag, in creation order (`db.system.query`). */
async function tagged(ctx: QueryCtx, tag: string) {
  const all = await ctx.db.system.query("_scheduled_functions").collect();
  return all.filter((job) => (job.args[0] as { tag?: string } | undefined)?.tag === tag);
}

export const jobs = query({
  args: { tag: v.string() },
  handler: async (ctx, { tag }) => (await tagged(ctx, tag)).map(project),
});

/** One job by id (`db.system.get(id)`). */
export const job = query({
  args: { id: v.id("_scheduled_functions") },
  handler: async (ctx, { id }) => {
    const doc = await ctx.db.system.get(id);
    return doc && project(doc);
  },
});

/** The job document's field names (`db.system.get("_scheduled_functions", id)`). */
export const jobKeys = query({
  args: { id: v.id("_scheduled_functions") },
  handler: async (ctx, { id }) => {
    const doc = await ctx.db.system.get("_scheduled_functions", id);
    return doc && Object.keys(doc).sort();
  },
});

/** The `name` field exactly as stored. */
export const rawName = query({
  args: { id: v.id("_scheduled_functions") },
  handler: async (ctx, { id }) => (await ctx.db.system.get(id))?.name ?? null,
});

/** A failed job's state: `{ kind: "failed", error: string }` in Convex. */
export const failure = query({
  args: { id: v.id("_scheduled_functions") },
  handler: async (ctx, { id }) => {
    const state = (await ctx.db.system.get(id))?.state as { kind: string; error?: unknown };
    return {
      kind: state.kind,
      errorIsString: typeof state.error === "string",
      errorHasMessage: typeof state.error === "string" && state.error.includes("7781"),
    };
  },
});

/** Jobs not finished yet (pending or inProgress): the embedded-backend runner polls this. */
export const unfinished = query({
  args: {},
  handler: async (ctx) => {
    const all = await ctx.db.system.query("_scheduled_functions").collect();
    return all.filter((j) => j.state.kind === "pending" || j.state.kind === "inProgress").length;
  },
});

/** What the scheduled targets recorded under a tag, by n. */
export const events = query({
  args: { tag: v.string() },
  handler: async (ctx, { tag }) => {
    const rows = await ctx.db
      .query("events")
      .withIndex("by_tag", (q) => q.eq("tag", tag))
      .collect();
    return rows
      .map(({ n, authenticated, afterCaller }) => ({ n, authenticated, afterCaller }))
      .sort((a, b) => a.n - b.n);
  },
});

// The demo store generator. The action picks "now" once and stores it with the run, so every
// mutation rebuilds the same world from (seed, now) and the store comes out identical for a
// seed. Work is split into mutations of at most WRITE_BUDGET documents (Convex caps writes per
// transaction). Each step records its progress in `demoSeeds` in its own transaction, so a run
// cut short (Ctrl-C, a crash) resumes where it stopped. Generators are pure (seed/*.ts);
// writers are in seed/write/ and go through the model's writers.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import {
  internalAction,
  internalMutation,
  internalQuery,
  type QueryCtx,
} from "./_generated/server";
import { conflict } from "./model/errors";
import { normalizeEmail } from "./model/users";
import { demoSeedFields } from "./tables/stores";
import { chunkDays } from "./seed/day";
import {
  buildWorld,
  DEFAULT_DAYS,
  DEFAULT_EVENT_DAYS,
  DEFAULT_SEED,
  DEMO_OWNER_EMAIL,
  DEMO_SLUG,
} from "./seed/world";
import { writeContent } from "./seed/write/content";
import { writeDays } from "./seed/write/days";
import { writeStore } from "./seed/write/store";

// Well under the ~4,000 we allow ourselves, so generation plus inserts stay far from the
// per-mutation time limit even on a slow machine.
const WRITE_BUDGET = 2_000;

const seedState = v.union(v.literal("none"), v.literal("partial"), v.literal("done"));

// What every seeding mutation needs to rebuild the world, and a run's progress on top.
const worldArgs = {
  seed: demoSeedFields.seed,
  now: demoSeedFields.now,
  days: demoSeedFields.days,
  eventDays: demoSeedFields.eventDays,
};
const { storeId: _storeId, ...runFieldsShape } = demoSeedFields;
const runFields = v.object(runFieldsShape);

async function runFor(ctx: QueryCtx, storeId: Id<"stores">): Promise<Doc<"demoSeeds"> | null> {
  return await ctx.db
    .query("demoSeeds")
    .withIndex("by_store", (q) => q.eq("storeId", storeId))
    .unique();
}

/** The demo store and its seed run (null: a store that predates run tracking), or null. */
async function demoRun(
  ctx: QueryCtx,
): Promise<{ store: Doc<"stores">; run: Doc<"demoSeeds"> | null } | null> {
  const store = await ctx.db
    .query("stores")
    .withIndex("by_slug", (q) => q.eq("slug", DEMO_SLUG))
    .unique();
  return store === null ? null : { store, run: await runFor(ctx, store._id) };
}

/** "none" on an empty deployment, "partial" when a run was cut short, else "done". */
export const status = internalQuery({
  args: {},
  returns: seedState,
  handler: async (ctx) => {
    const demo = await demoRun(ctx);
    if (demo === null) return "none";
    // A store without a run row predates run tracking: it was seeded whole.
    return demo.run === null || demo.run.contentDone ? "done" : "partial";
  },
});

/**
 * Creates the demo store "Northwind Goods" (slug "demo"), finishes a run that was cut short,
 * or returns the finished store as it is.
 */
export const demoStore = internalAction({
  args: {
    seed: v.optional(v.number()),
    ownerEmail: v.optional(v.string()),
    // For tests: a fixed clock and a shorter history. Normal use leaves these unset.
    now: v.optional(v.number()),
    days: v.optional(v.number()),
    eventDays: v.optional(v.number()),
  },
  returns: v.object({
    storeId: v.id("stores"),
    created: v.boolean(),
    resumed: v.boolean(),
    mutations: v.number(),
  }),
  // Annotated: an action calling its own module's mutations would otherwise type itself.
  handler: async (
    ctx,
    args,
  ): Promise<{ storeId: Id<"stores">; created: boolean; resumed: boolean; mutations: number }> => {
    const start = await ctx.runMutation(internal.seed.createStore, {
      seed: args.seed ?? DEFAULT_SEED,
      now: args.now ?? Date.now(),
      days: args.days ?? DEFAULT_DAYS,
      eventDays: args.eventDays ?? DEFAULT_EVENT_DAYS,
      ownerEmail: normalizeEmail(args.ownerEmail ?? DEMO_OWNER_EMAIL),
    });
    const { storeId, created, run } = start;
    // Seeding twice must not duplicate the store; a finished one is returned as is.
    if (run.contentDone) return { storeId, created, resumed: false, mutations: 1 };
    // Resuming uses the run's own parameters, so the missing days match the written ones.
    const params = { seed: run.seed, now: run.now, days: run.days, eventDays: run.eventDays };
    const chunks = chunkDays(buildWorld(params), WRITE_BUDGET)
      .filter((chunk) => chunk.to > run.nextDay)
      .map((chunk) => ({ from: Math.max(chunk.from, run.nextDay), to: chunk.to }));
    for (const chunk of chunks) {
      await ctx.runMutation(internal.seed.insertDays, { storeId, ...params, ...chunk });
    }
    await ctx.runMutation(internal.seed.insertContent, { storeId, ...params });
    return { storeId, created, resumed: !created, mutations: chunks.length + 2 };
  },
});

export const createStore = internalMutation({
  args: { ...worldArgs, ownerEmail: v.string() },
  returns: v.object({ storeId: v.id("stores"), created: v.boolean(), run: runFields }),
  handler: async (ctx, { ownerEmail, ...params }) => {
    const existing = await demoRun(ctx);
    if (existing !== null) {
      if (existing.run === null) {
        const whole = { ...params, nextDay: params.days, contentDone: true };
        return { storeId: existing.store._id, created: false, run: whole };
      }
      const { _id, _creationTime, storeId: _s, ...fields } = existing.run;
      return { storeId: existing.store._id, created: false, run: fields };
    }
    const storeId = await writeStore(ctx, buildWorld(params), ownerEmail);
    const run = { ...params, nextDay: 0, contentDone: false };
    await ctx.db.insert("demoSeeds", { storeId, ...run });
    return { storeId, created: true, run };
  },
});

async function runOf(ctx: QueryCtx, storeId: Id<"stores">): Promise<Doc<"demoSeeds">> {
  const run = await runFor(ctx, storeId);
  if (run === null) throw conflict("This store has no demo seed run to continue.");
  return run;
}

export const insertDays = internalMutation({
  args: { ...worldArgs, storeId: v.id("stores"), from: v.number(), to: v.number() },
  returns: v.null(),
  handler: async (ctx, { storeId, from, to, ...params }) => {
    const run = await runOf(ctx, storeId);
    if (run.nextDay !== from) {
      throw conflict(`Demo days from ${from} do not follow the written ones (${run.nextDay}).`);
    }
    await writeDays(ctx, storeId, buildWorld(params), from, to);
    await ctx.db.patch(run._id, { nextDay: to });
    return null;
  },
});

export const insertContent = internalMutation({
  args: { ...worldArgs, storeId: v.id("stores") },
  returns: v.null(),
  handler: async (ctx, { storeId, ...params }) => {
    const run = await runOf(ctx, storeId);
    if (run.contentDone) return null;
    if (run.nextDay !== params.days) throw conflict("Demo days are not all written yet.");
    await writeContent(ctx, storeId, buildWorld(params));
    await ctx.db.patch(run._id, { contentDone: true });
    return null;
  },
});

// The demo store generator. The action picks "now" once and passes it down, so every mutation
// rebuilds the same world from (seed, now) and the store comes out identical for a seed.
// Work is split into mutations of at most WRITE_BUDGET documents (Convex caps writes per
// transaction). Generators are pure (seed/*.ts); writers are in seed/write/.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { chunkDays } from "./seed/day";
import { writeContent } from "./seed/write/content";
import { writeDays } from "./seed/write/days";
import { writeStore } from "./seed/write/store";
import {
  buildWorld,
  DEFAULT_DAYS,
  DEFAULT_EVENT_DAYS,
  DEFAULT_SEED,
  DEMO_OWNER_EMAIL,
  DEMO_SLUG,
} from "./seed/world";
import { normalizeEmail } from "./model/users";

// Well under the ~4,000 we allow ourselves, so generation plus inserts stay far from the
// per-mutation time limit even on a slow machine.
const WRITE_BUDGET = 2_000;

// What every seeding mutation needs to rebuild the world.
const worldArgs = {
  seed: v.number(),
  now: v.number(),
  days: v.number(),
  eventDays: v.number(),
};

export const isSeeded = internalQuery({
  args: {},
  returns: v.boolean(),
  handler: async (ctx) => {
    const store = await ctx.db
      .query("stores")
      .withIndex("by_slug", (q) => q.eq("slug", DEMO_SLUG))
      .unique();
    return store !== null;
  },
});

/** Creates the demo store "Northwind Goods" (slug "demo"), or returns it if it exists. */
export const demoStore = internalAction({
  args: {
    seed: v.optional(v.number()),
    ownerEmail: v.optional(v.string()),
    // For tests: a fixed clock and a shorter history. Normal use leaves these unset.
    now: v.optional(v.number()),
    days: v.optional(v.number()),
    eventDays: v.optional(v.number()),
  },
  returns: v.object({ storeId: v.id("stores"), created: v.boolean(), mutations: v.number() }),
  // Annotated: an action calling its own module's mutations would otherwise type itself.
  handler: async (
    ctx,
    args,
  ): Promise<{ storeId: Id<"stores">; created: boolean; mutations: number }> => {
    const params = {
      seed: args.seed ?? DEFAULT_SEED,
      now: args.now ?? Date.now(),
      days: args.days ?? DEFAULT_DAYS,
      eventDays: args.eventDays ?? DEFAULT_EVENT_DAYS,
    };
    const { storeId, created } = await ctx.runMutation(internal.seed.createStore, {
      ...params,
      ownerEmail: normalizeEmail(args.ownerEmail ?? DEMO_OWNER_EMAIL),
    });
    // Seeding twice must not duplicate the store; the existing one is returned as is.
    if (!created) return { storeId, created, mutations: 1 };
    const chunks = chunkDays(buildWorld(params), WRITE_BUDGET);
    for (const chunk of chunks) {
      await ctx.runMutation(internal.seed.insertDays, { storeId, ...params, ...chunk });
    }
    await ctx.runMutation(internal.seed.insertContent, { storeId, ...params });
    return { storeId, created, mutations: chunks.length + 2 };
  },
});

export const createStore = internalMutation({
  args: { ...worldArgs, ownerEmail: v.string() },
  returns: v.object({ storeId: v.id("stores"), created: v.boolean() }),
  handler: async (ctx, { ownerEmail, ...params }) => {
    const existing = await ctx.db
      .query("stores")
      .withIndex("by_slug", (q) => q.eq("slug", DEMO_SLUG))
      .unique();
    if (existing) return { storeId: existing._id, created: false };
    const storeId = await writeStore(ctx, buildWorld(params), ownerEmail);
    return { storeId, created: true };
  },
});

export const insertDays = internalMutation({
  args: { ...worldArgs, storeId: v.id("stores"), from: v.number(), to: v.number() },
  returns: v.null(),
  handler: async (ctx, { storeId, from, to, ...params }) => {
    await writeDays(ctx, storeId, buildWorld(params), from, to);
    return null;
  },
});

export const insertContent = internalMutation({
  args: { ...worldArgs, storeId: v.id("stores") },
  returns: v.null(),
  handler: async (ctx, { storeId, ...params }) => {
    await writeContent(ctx, storeId, buildWorld(params));
    return null;
  },
});

// DISCOVER: the trend feed, its research view, the watchlist and the ingestion that keeps it
// fresh. A cron (crons.ts) ticks every few minutes and runs each store whose refresh interval
// is due: TikTok via RapidAPI when RAPIDAPI_KEY is set, else the demo simulator ("Demo data").
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import { internalAction, internalMutation, type MutationCtx } from "./_generated/server";
import { storeMutation, storeQuery } from "./functions";
import { can } from "./model/access";
import { userActor } from "./model/audit";
import { readFeed } from "./model/discover/feed";
import {
  applyRun,
  claimDue,
  dismissAlert as dismissAlertRow,
  finishRun,
  MAX_PER_RUN,
  type RunResult,
  setInterval,
  settingsFor,
  setWatched,
} from "./model/discover/ingest";
import { type Observation, simulateStep } from "./model/discover/simulate";
import { notFound } from "./model/errors";
import { shippingCostFor } from "./model/pricing";
import { trendVelocity } from "./model/validators";
import { fetchTrending, RapidApiError, rapidApiConfigFromEnv } from "./rapidapi";

const sort = v.union(
  v.literal("score"),
  v.literal("velocity"),
  v.literal("newest"),
  v.literal("margin"),
);

// Reasons and factor details that state a margin or break-even price reveal the supplier cost.
const COST_WORDS = /^(Healthy margin|Thin margin|Loses money)/;

/** The reasons a member may read: without "costs.view", none that reveal the cost. */
function reasonsFor(trend: Doc<"trends">, showCosts: boolean): string[] {
  const all = trend.reasons ?? [];
  return showCosts ? all : all.filter((r) => !COST_WORDS.test(r));
}

function factorsFor(trend: Doc<"trends">, showCosts: boolean) {
  return (trend.factors ?? []).map((f) =>
    f.key === "margin" && !showCosts
      ? { ...f, detail: "worked out from supplier costs, which admins and the owner see" }
      : f,
  );
}

/** A trend as a card shows it; supplier cost and margin only for members who may see costs. */
function card(trend: Doc<"trends">, showCosts: boolean, watched: boolean) {
  const reasons = reasonsFor(trend, showCosts);
  return {
    _id: trend._id,
    _creationTime: trend._creationTime,
    title: trend.title,
    category: trend.category,
    imageUrl: trend.imageUrl ?? null,
    score: trend.score,
    velocity: trend.velocity,
    velocityPct: trend.velocityPct ?? null,
    status: trend.status,
    views: trend.views ?? null,
    estimatedPriceCents: trend.estimatedPriceCents ?? null,
    supplierCostCents: showCosts ? (trend.supplierCostCents ?? null) : null,
    marginBps: showCosts ? (trend.marginBps ?? null) : null,
    competitorCount: trend.competitorCount,
    recommendation: trend.recommendation ?? null,
    // The first reason is the verdict; the card shows the strongest reason behind it.
    reason: reasons[1] ?? reasons[0] ?? null,
    lastSeenAt: trend.lastSeenAt,
    firstSeenAt: trend.firstSeenAt ?? null,
    demo: trend.demo ?? false,
    importedProductId: trend.importedProductId ?? null,
    watched,
  };
}

export const feed = storeQuery({
  args: {
    category: v.optional(v.string()),
    minPriceCents: v.optional(v.number()),
    maxPriceCents: v.optional(v.number()),
    velocity: v.optional(trendVelocity),
    sort,
    limit: v.optional(v.number()),
  },
  handler: async (ctx, args) => {
    const { storeId, ...filters } = args;
    const { trends, categories } = await readFeed(ctx, storeId, filters);
    const watches = await ctx.db
      .query("trendWatches")
      .withIndex("by_store_created", (q) => q.eq("storeId", storeId))
      .order("desc")
      .take(200);
    const watchedIds = new Set<string>(watches.map((w) => w.trendId));
    const settings = await ctx.db
      .query("discoverSettings")
      .withIndex("by_store", (q) => q.eq("storeId", storeId))
      .unique();
    const alerts = await ctx.db
      .query("trendAlerts")
      .withIndex("by_store_at", (q) => q.eq("storeId", storeId))
      .order("desc")
      .take(5);
    const showCosts = can(ctx, "costs.view");
    return {
      trends: trends.map((t) => card(t, showCosts, watchedIds.has(t._id))),
      categories,
      demo: rapidApiConfigFromEnv() === null,
      watchedCount: watches.length,
      alerts: alerts.map((a) => ({
        _id: a._id,
        trendId: a.trendId,
        title: a.title,
        fromPct: a.fromPct,
        toPct: a.toPct,
        at: a.at,
      })),
      settings: settings && {
        intervalMinutes: settings.intervalMinutes,
        lastRunAt: settings.lastRunAt ?? null,
        nextRunAt: settings.nextRunAt,
        lastRunError: settings.lastRunError ?? null,
      },
    };
  },
});

export const research = storeQuery({
  args: { trendId: v.id("trends") },
  handler: async (ctx, { storeId, trendId }) => {
    const trend = await ctx.db.get(trendId);
    if (trend === null || trend.storeId !== storeId) throw notFound("That trend");
    const snapshots = (
      await ctx.db
        .query("trendSnapshots")
        .withIndex("by_store_trend_taken", (q) => q.eq("storeId", storeId).eq("trendId", trendId))
        .order("desc")
        .take(60)
    ).reverse();
    // Our own catalog's products in the same category: the part of the competition we can see.
    const similar = await ctx.db
      .query("products")
      .withIndex("by_store_status_category_position", (q) =>
        q.eq("storeId", storeId).eq("status", "active").eq("category", trend.category),
      )
      .take(6);
    const watch = await ctx.db
      .query("trendWatches")
      .withIndex("by_store_trend", (q) => q.eq("storeId", storeId).eq("trendId", trendId))
      .first();
    const showCosts = can(ctx, "costs.view");
    return {
      trend: card(trend, showCosts, watch !== null),
      factors: factorsFor(trend, showCosts),
      reasons: reasonsFor(trend, showCosts),
      weekly: trend.weekly ?? [],
      snapshots: snapshots.map((s) => ({
        takenAt: s.takenAt,
        views: s.views,
        likes: s.likes,
        shares: s.shares,
        score: s.score,
      })),
      similar: similar.map((p) => ({ _id: p._id, title: p.title, priceCents: p.priceCents })),
      shippingCostCents: shippingCostFor(ctx.store).cents,
      showCosts,
    };
  },
});

export const setWatch = storeMutation({
  args: { trendId: v.id("trends"), watched: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { storeId, trendId, watched }) => {
    await setWatched(ctx, storeId, trendId, ctx.user._id, watched);
    return null;
  },
});

export const dismissAlert = storeMutation({
  args: { alertId: v.id("trendAlerts") },
  returns: v.null(),
  handler: async (ctx, { storeId, alertId }) => {
    await dismissAlertRow(ctx, storeId, alertId);
    return null;
  },
});

export const saveSettings = storeMutation({
  args: { intervalMinutes: v.number() },
  permission: "settings.edit",
  returns: v.null(),
  handler: async (ctx, { storeId, intervalMinutes }) => {
    await setInterval(ctx, storeId, intervalMinutes, userActor(ctx.user._id), Date.now());
    return null;
  },
});

/** "Refresh now": runs the store's ingestion at once (admins; the cron does it on schedule). */
export const refreshNow = storeMutation({
  args: {},
  permission: "catalog.edit",
  returns: v.null(),
  handler: async (ctx, { storeId }) => {
    // The demo feed moves in this very transaction (every open feed updates at once); the
    // real API is fetched by an action.
    if (rapidApiConfigFromEnv() === null) await demoRun(ctx, storeId, Date.now());
    else await ctx.scheduler.runAfter(0, internal.discover.runStore, { storeId });
    return null;
  },
});

// ---- ingestion ----

/** Every few minutes: start the run of each store whose interval is due. */
export const tick = internalMutation({
  args: {},
  returns: v.number(),
  handler: async (ctx) => {
    const due = await claimDue(ctx, Date.now());
    for (const storeId of due) {
      await ctx.scheduler.runAfter(0, internal.discover.runStore, { storeId });
    }
    return due.length;
  },
});

const observation = v.object({
  externalId: v.string(),
  title: v.string(),
  category: v.string(),
  imageUrl: v.optional(v.string()),
  views: v.number(),
  likes: v.number(),
  shares: v.number(),
  estimatedPriceCents: v.optional(v.number()),
  supplierCostCents: v.optional(v.number()),
  competitorCount: v.optional(v.number()),
});
const runResult = v.object({
  created: v.number(),
  updated: v.number(),
  skipped: v.number(),
  alerts: v.number(),
});

/** One store's run: fetch (or simulate), then write it all in one transaction. */
export const runStore = internalAction({
  args: { storeId: v.id("stores"), takenAt: v.optional(v.number()) },
  returns: v.union(runResult, v.object({ error: v.string() })),
  handler: async (ctx, { storeId, takenAt }): Promise<RunResult | { error: string }> => {
    const at = takenAt ?? Date.now();
    const config = rapidApiConfigFromEnv();
    if (config === null) {
      return await ctx.runMutation(internal.discover.applyDemo, { storeId, takenAt: at });
    }
    let observations: Observation[];
    try {
      observations = await fetchTrending(config);
    } catch (error) {
      const message =
        error instanceof RapidApiError ? error.message : `RapidAPI failed: ${String(error)}`;
      await ctx.runMutation(internal.discover.recordFailure, {
        storeId,
        takenAt: at,
        error: message,
      });
      return { error: message };
    }
    return await ctx.runMutation(internal.discover.applyObserved, {
      storeId,
      takenAt: at,
      observations,
    });
  },
});

const NOTHING = { created: 0, updated: 0, skipped: 0, alerts: 0 };

/** A run no newer than the last finished one (a retried or repeated run) changes nothing. */
async function isReplay(ctx: MutationCtx, storeId: Id<"stores">, takenAt: number) {
  const settings = await ctx.db
    .query("discoverSettings")
    .withIndex("by_store", (q) => q.eq("storeId", storeId))
    .unique();
  return settings?.lastRunAt !== undefined && takenAt <= settings.lastRunAt;
}

const runId = (storeId: Id<"stores">, takenAt: number) => `${storeId}:${takenAt}`;

export const applyObserved = internalMutation({
  args: { storeId: v.id("stores"), takenAt: v.number(), observations: v.array(observation) },
  returns: runResult,
  handler: async (ctx, { storeId, takenAt, observations }) => {
    if (await isReplay(ctx, storeId, takenAt)) return NOTHING;
    const result = await applyRun(ctx, storeId, {
      runId: runId(storeId, takenAt),
      takenAt,
      source: "tiktok",
      demo: false,
      observations,
    });
    await finishRun(ctx, storeId, takenAt);
    return result;
  },
});

/** The demo feed's next step: every trend walks, maybe one new appears. */
async function demoRun(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  takenAt: number,
): Promise<RunResult> {
  if (await isReplay(ctx, storeId, takenAt)) return NOTHING;
  const settings = await settingsFor(ctx, storeId, takenAt);
  const trends = await ctx.db
    .query("trends")
    .withIndex("by_store_score", (q) => q.eq("storeId", storeId))
    .order("desc")
    .take(MAX_PER_RUN);
  const current = [];
  for (const trend of trends) {
    const counts =
      trend.views !== undefined
        ? { views: trend.views, likes: trend.likes ?? 0, shares: trend.shares ?? 0 }
        : await ctx.db
            .query("trendSnapshots")
            .withIndex("by_store_trend_taken", (q) =>
              q.eq("storeId", storeId).eq("trendId", trend._id),
            )
            .order("desc")
            .first();
    current.push({
      externalId: trend.externalId,
      views: counts?.views ?? 10_000,
      likes: counts?.likes ?? 800,
      shares: counts?.shares ?? 60,
    });
  }
  const byId = new Map(trends.map((t) => [t.externalId, t]));
  const step = simulateStep(settings.seed, settings.runCount, current);
  const observations: Observation[] = step.observations.map((o) => {
    const t = byId.get(o.externalId) as Doc<"trends">;
    return { ...o, title: t.title, category: t.category, imageUrl: t.imageUrl };
  });
  if (step.added) observations.push(step.added);
  const result = await applyRun(ctx, storeId, {
    runId: runId(storeId, takenAt),
    takenAt,
    source: "tiktok",
    demo: true,
    observations,
  });
  await finishRun(ctx, storeId, takenAt);
  return result;
}

export const applyDemo = internalMutation({
  args: { storeId: v.id("stores"), takenAt: v.number() },
  returns: runResult,
  handler: async (ctx, { storeId, takenAt }) => await demoRun(ctx, storeId, takenAt),
});

export const recordFailure = internalMutation({
  args: { storeId: v.id("stores"), takenAt: v.number(), error: v.string() },
  returns: v.null(),
  handler: async (ctx, { storeId, takenAt, error }) => {
    await finishRun(ctx, storeId, takenAt, error);
    return null;
  },
});

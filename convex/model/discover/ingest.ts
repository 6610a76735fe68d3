// One ingestion run for one store: each observed product becomes (or updates) one trend, found
// by (store, source, externalId) so re-ingesting never duplicates it, gets at most one snapshot
// per run (runId), and is re-scored from its recent snapshots. A watched trend whose views
// growth jumps raises an alert and an audit entry. Apart from the demo seed, the only writer of
// trends and trendSnapshots; the only writer of discoverSettings, trendWatches and trendAlerts.
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { recordAudit, SYSTEM, type Actor } from "../audit";
import { invalid } from "../errors";
import { shippingCostFor } from "../pricing";
import type { TrendSource } from "../validators";
import { addToWeekly, scoreTrend, VELOCITY_WINDOW, type WeekViews } from "./score";
import type { Observation } from "./simulate";

// A watched trend alerts when its views growth rises by this many percentage points in a run.
export const SPIKE_JUMP_PCT = 20;
// Most products one run takes in (the API pages are smaller; this bounds a run's writes).
export const MAX_PER_RUN = 100;
export const INTERVALS = [15, 30, 60, 180, 1440] as const;
export const DEFAULT_INTERVAL = 60;

export type RunInput = {
  runId: string;
  takenAt: number;
  source: TrendSource;
  demo: boolean;
  observations: Observation[];
};

export type RunResult = { created: number; updated: number; skipped: number; alerts: number };

export async function applyRun(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  run: RunInput,
): Promise<RunResult> {
  const store = await ctx.db.get(storeId);
  if (store === null) throw invalid("That store no longer exists.");
  const shippingCostCents = shippingCostFor(store).cents;
  const seen = new Set<string>();
  const result: RunResult = { created: 0, updated: 0, skipped: 0, alerts: 0 };
  for (const obs of run.observations.slice(0, MAX_PER_RUN)) {
    // The same product twice in one answer is one observation.
    if (seen.has(obs.externalId)) {
      result.skipped += 1;
      continue;
    }
    seen.add(obs.externalId);
    const outcome = await applyObservation(ctx, storeId, run, obs, shippingCostCents);
    result[outcome.kind] += 1;
    if (outcome.alert) result.alerts += 1;
  }
  return result;
}

async function applyObservation(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  run: RunInput,
  obs: Observation,
  shippingCostCents: number,
): Promise<{ kind: "created" | "updated" | "skipped"; alert: boolean }> {
  let trend = await ctx.db
    .query("trends")
    .withIndex("by_store_source_external", (q) =>
      q.eq("storeId", storeId).eq("source", run.source).eq("externalId", obs.externalId),
    )
    .unique();
  if (trend?.lastRunId === run.runId) return { kind: "skipped", alert: false };
  const kind = trend === null ? "created" : "updated";
  if (trend === null) {
    const trendId = await ctx.db.insert("trends", {
      storeId,
      source: run.source,
      externalId: obs.externalId,
      title: obs.title,
      category: obs.category,
      imageUrl: obs.imageUrl,
      score: 0,
      velocity: "rising",
      status: "new",
      estimatedPriceCents: obs.estimatedPriceCents,
      supplierCostCents: obs.supplierCostCents,
      competitorCount: obs.competitorCount ?? 0,
      lastSeenAt: run.takenAt,
      firstSeenAt: run.takenAt,
      demo: run.demo,
    });
    trend = (await ctx.db.get(trendId)) as Doc<"trends">;
  }

  const recent = (
    await ctx.db
      .query("trendSnapshots")
      .withIndex("by_store_trend_taken", (q) => q.eq("storeId", storeId).eq("trendId", trend._id))
      .order("desc")
      .take(trend.weekly === undefined ? 100 : VELOCITY_WINDOW - 1)
  ).reverse();
  // A run older than the newest snapshot (a late retry) must not reorder history.
  if (recent.length > 0 && recent[recent.length - 1].takenAt >= run.takenAt) {
    return { kind: "skipped", alert: false };
  }
  const firstSeenAt = trend.firstSeenAt ?? recent[0]?.takenAt ?? run.takenAt;
  let weekly: WeekViews[] = trend.weekly ?? [];
  if (trend.weekly === undefined) {
    for (const s of recent) weekly = addToWeekly(weekly, s.takenAt, s.views);
  }
  weekly = addToWeekly(weekly, run.takenAt, obs.views);
  const snapshot = { takenAt: run.takenAt, views: obs.views, likes: obs.likes, shares: obs.shares };
  const competitorCount = obs.competitorCount ?? trend.competitorCount;
  const estimatedPriceCents = obs.estimatedPriceCents ?? trend.estimatedPriceCents;
  const supplierCostCents = obs.supplierCostCents ?? trend.supplierCostCents;
  const scored = scoreTrend({
    snapshots: [...recent.slice(-(VELOCITY_WINDOW - 1)), snapshot],
    weekly,
    competitorCount,
    estimatedPriceCents,
    supplierCostCents,
    shippingCostCents,
    firstSeenAt,
    now: run.takenAt,
  });
  await ctx.db.insert("trendSnapshots", {
    storeId,
    trendId: trend._id,
    ...snapshot,
    score: scored.score,
    runId: run.runId,
  });
  await ctx.db.patch(trend._id, {
    title: obs.title,
    category: obs.category,
    imageUrl: obs.imageUrl ?? trend.imageUrl,
    competitorCount,
    estimatedPriceCents,
    supplierCostCents,
    score: scored.score,
    velocity: scored.velocity,
    velocityPct: Math.round(scored.velocityPct * 10) / 10,
    marginBps: scored.marginBps,
    views: obs.views,
    likes: obs.likes,
    shares: obs.shares,
    lastSeenAt: run.takenAt,
    lastRunId: run.runId,
    firstSeenAt,
    weekly,
    demo: run.demo,
    recommendation: scored.recommendation,
    reasons: scored.reasons,
    factors: scored.factors,
  });

  const before = trend.velocityPct ?? 0;
  const alert =
    scored.velocityPct - before >= SPIKE_JUMP_PCT &&
    (await isWatched(ctx, storeId, trend._id)) &&
    (await raiseSpike(ctx, storeId, trend, before, scored.velocityPct, run.takenAt));
  return { kind, alert };
}

async function isWatched(ctx: MutationCtx, storeId: Id<"stores">, trendId: Id<"trends">) {
  const watch = await ctx.db
    .query("trendWatches")
    .withIndex("by_store_trend", (q) => q.eq("storeId", storeId).eq("trendId", trendId))
    .first();
  return watch !== null;
}

async function raiseSpike(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  trend: Doc<"trends">,
  fromPct: number,
  toPct: number,
  at: number,
): Promise<true> {
  const from = Math.round(fromPct);
  const to = Math.round(toPct);
  await ctx.db.insert("trendAlerts", {
    storeId,
    trendId: trend._id,
    title: trend.title,
    fromPct: from,
    toPct: to,
    at,
  });
  await recordAudit(ctx, {
    storeId,
    actor: SYSTEM,
    action: "trend.spike",
    targetTable: "trends",
    targetId: trend._id,
    changes: [
      { field: "title", from: null, to: trend.title },
      { field: "velocityPct", from, to },
    ],
    at,
  });
  return true;
}

// ---- settings ----

export async function settingsFor(ctx: MutationCtx, storeId: Id<"stores">, now: number) {
  const existing = await ctx.db
    .query("discoverSettings")
    .withIndex("by_store", (q) => q.eq("storeId", storeId))
    .unique();
  if (existing) return existing;
  const id = await ctx.db.insert("discoverSettings", {
    storeId,
    intervalMinutes: DEFAULT_INTERVAL,
    nextRunAt: now,
    seed: 1,
    runCount: 0,
  });
  return (await ctx.db.get(id)) as Doc<"discoverSettings">;
}

export function parseInterval(minutes: number): number {
  if (!(INTERVALS as readonly number[]).includes(minutes)) {
    throw invalid(`Refresh every ${INTERVALS.join(", ")} minutes; ${minutes} is not one of them.`);
  }
  return minutes;
}

export async function setInterval(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  minutes: number,
  actor: Actor,
  now: number,
) {
  const settings = await settingsFor(ctx, storeId, now);
  const intervalMinutes = parseInterval(minutes);
  if (intervalMinutes === settings.intervalMinutes) return;
  await ctx.db.patch(settings._id, {
    intervalMinutes,
    nextRunAt: (settings.lastRunAt ?? now) + intervalMinutes * 60_000,
  });
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "discover.settings",
    targetTable: "discoverSettings",
    targetId: settings._id,
    changes: [{ field: "intervalMinutes", from: settings.intervalMinutes, to: intervalMinutes }],
  });
}

/** The stores whose refresh is due, each claimed (next run moved on) so a tick starts it once. */
export async function claimDue(ctx: MutationCtx, now: number): Promise<Id<"stores">[]> {
  const due = await ctx.db
    .query("discoverSettings")
    .withIndex("by_next_run", (q) => q.lte("nextRunAt", now))
    .take(25);
  for (const settings of due) {
    await ctx.db.patch(settings._id, { nextRunAt: now + settings.intervalMinutes * 60_000 });
  }
  return due.map((s) => s.storeId);
}

export async function finishRun(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  takenAt: number,
  error?: string,
) {
  const settings = await settingsFor(ctx, storeId, takenAt);
  await ctx.db.patch(settings._id, {
    lastRunAt: takenAt,
    lastRunError: error,
    runCount: error ? settings.runCount : settings.runCount + 1,
    nextRunAt: takenAt + settings.intervalMinutes * 60_000,
  });
}

// ---- watchlist ----

export async function setWatched(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  trendId: Id<"trends">,
  userId: Id<"users">,
  watched: boolean,
) {
  const trend = await ctx.db.get(trendId);
  if (trend === null || trend.storeId !== storeId)
    throw invalid("That trend is not in this store.");
  const existing = await ctx.db
    .query("trendWatches")
    .withIndex("by_store_trend", (q) => q.eq("storeId", storeId).eq("trendId", trendId))
    .first();
  if (watched && existing === null) {
    await ctx.db.insert("trendWatches", { storeId, trendId, userId, createdAt: Date.now() });
    if (trend.status === "new") await ctx.db.patch(trendId, { status: "watching" });
  }
  if (!watched && existing !== null) {
    await ctx.db.delete(existing._id);
    if (trend.status === "watching") await ctx.db.patch(trendId, { status: "new" });
  }
}

export async function dismissAlert(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  alertId: Id<"trendAlerts">,
) {
  const alert = await ctx.db.get(alertId);
  if (alert === null || alert.storeId !== storeId)
    throw invalid("That alert is not in this store.");
  await ctx.db.delete(alertId);
}

// DISCOVER: products trending on social and marketplaces, and their history.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { aiRecommendation, trendSource, trendStatus, trendVelocity } from "../model/validators";

export const trendFactor = v.object({
  key: v.union(
    v.literal("velocity"),
    v.literal("engagement"),
    v.literal("saturation"),
    v.literal("margin"),
    v.literal("seasonality"),
  ),
  label: v.string(),
  value: v.number(),
  weight: v.number(),
  detail: v.string(),
});

export const trendFields = {
  storeId: v.id("stores"),
  source: trendSource,
  // The id on the source platform; with source, identifies the trend across refreshes.
  externalId: v.string(),
  title: v.string(),
  category: v.string(),
  imageUrl: v.optional(v.string()),
  // 0–100, the latest snapshot's score.
  score: v.number(),
  velocity: trendVelocity,
  status: trendStatus,
  estimatedPriceCents: v.optional(v.number()),
  supplierUrl: v.optional(v.string()),
  supplierCostCents: v.optional(v.number()),
  // How many other stores already sell it: the competition signal.
  competitorCount: v.number(),
  aiRecommendation: v.optional(aiRecommendation),
  aiReason: v.optional(v.string()),
  importedProductId: v.optional(v.id("products")),
  lastSeenAt: v.number(),
  // Filled by ingestion (convex/model/discover/): the latest counts, views growth over the last
  // snapshots in percent, when we first saw it, the score's factors and the weekly peaks the
  // seasonality reads (kept here, bounded, so a run never scans the whole snapshot history).
  views: v.optional(v.number()),
  likes: v.optional(v.number()),
  shares: v.optional(v.number()),
  velocityPct: v.optional(v.number()),
  marginBps: v.optional(v.number()),
  firstSeenAt: v.optional(v.number()),
  lastRunId: v.optional(v.string()),
  demo: v.optional(v.boolean()),
  weekly: v.optional(v.array(v.object({ week: v.string(), views: v.number() }))),
  // The data-built recommendation (model/discover/score.ts), apart from the AI's fields.
  recommendation: v.optional(aiRecommendation),
  reasons: v.optional(v.array(v.string())),
  factors: v.optional(v.array(trendFactor)),
};

export const trendSnapshotFields = {
  storeId: v.id("stores"),
  trendId: v.id("trends"),
  takenAt: v.number(),
  score: v.number(),
  views: v.number(),
  likes: v.number(),
  shares: v.number(),
  // The ingestion run that took it: one snapshot per trend per run.
  runId: v.optional(v.string()),
};

export const discoverTables = {
  trends: defineTable(trendFields)
    .index("by_store_score", ["storeId", "score"])
    .index("by_store_status_score", ["storeId", "status", "score"])
    .index("by_store_category_score", ["storeId", "category", "score"])
    .index("by_store_source_external", ["storeId", "source", "externalId"])
    .index("by_store_velocity", ["storeId", "velocityPct"])
    .index("by_store_margin", ["storeId", "marginBps"])
    .index("by_store_first_seen", ["storeId", "firstSeenAt"]),
  trendSnapshots: defineTable(trendSnapshotFields).index("by_store_trend_taken", [
    "storeId",
    "trendId",
    "takenAt",
  ]),
  // Per store: how often the feed refreshes and when it runs next (the cron picks due rows).
  discoverSettings: defineTable({
    storeId: v.id("stores"),
    intervalMinutes: v.number(),
    nextRunAt: v.number(),
    lastRunAt: v.optional(v.number()),
    lastRunError: v.optional(v.string()),
    // Demo simulator: its seed and how many steps it has taken.
    seed: v.number(),
    runCount: v.number(),
  })
    .index("by_store", ["storeId"])
    .index("by_next_run", ["nextRunAt"]),
  // The store's watchlist: one row per watched trend.
  trendWatches: defineTable({
    storeId: v.id("stores"),
    trendId: v.id("trends"),
    userId: v.id("users"),
    createdAt: v.number(),
  })
    .index("by_store_trend", ["storeId", "trendId"])
    .index("by_store_created", ["storeId", "createdAt"]),
  // A watched trend's views growth jumped: shown in the feed until dismissed.
  trendAlerts: defineTable({
    storeId: v.id("stores"),
    trendId: v.id("trends"),
    title: v.string(),
    fromPct: v.number(),
    toPct: v.number(),
    at: v.number(),
  }).index("by_store_at", ["storeId", "at"]),
};

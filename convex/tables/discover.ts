// DISCOVER: products trending on social and marketplaces, and their history.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { aiRecommendation, trendSource, trendStatus, trendVelocity } from "../model/validators";

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
};

export const trendSnapshotFields = {
  storeId: v.id("stores"),
  trendId: v.id("trends"),
  takenAt: v.number(),
  score: v.number(),
  views: v.number(),
  likes: v.number(),
  shares: v.number(),
};

export const discoverTables = {
  trends: defineTable(trendFields)
    .index("by_store_score", ["storeId", "score"])
    .index("by_store_status_score", ["storeId", "status", "score"])
    .index("by_store_category_score", ["storeId", "category", "score"])
    .index("by_store_source_external", ["storeId", "source", "externalId"]),
  trendSnapshots: defineTable(trendSnapshotFields).index("by_store_trend_taken", [
    "storeId",
    "trendId",
    "takenAt",
  ]),
};

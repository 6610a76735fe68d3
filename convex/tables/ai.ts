// The AI layer: drafts Claude (or the offline generator) writes for a record, streamed in live,
// accepted/edited/rejected/undone by the team; and what the calls cost each store each month.
// Written only by convex/model/ai/drafts.ts and convex/model/ai/usage.ts.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { aiDraftKind, aiDraftStatus, aiProvider, copyTone } from "../model/validators";

// One field of a record as a draft proposes it (or as it was before an accept, for undo).
export const aiField = v.object({ field: v.string(), value: v.string() });

export const aiDraftFields = {
  storeId: v.id("stores"),
  kind: aiDraftKind,
  status: aiDraftStatus,
  provider: aiProvider,
  productId: v.optional(v.id("products")),
  tone: v.optional(copyTone),
  // BCP 47, e.g. "en", "de".
  language: v.string(),
  prompt: v.string(),
  // A/B variations of the same request (seeded marketing drafts); the AI layer uses `proposal`.
  outputs: v.array(v.string()),
  error: v.optional(v.string()),
  requestedBy: v.optional(v.id("users")),
  updatedAt: v.number(),
  // ── The AI layer (absent on the older seeded drafts) ──
  // The template and its version, e.g. "productCopy" / "productCopy@1".
  template: v.optional(v.string()),
  promptVersion: v.optional(v.string()),
  // The model that wrote it ("offline" for the deterministic generator).
  model: v.optional(v.string()),
  // The raw text as it streams in; parsed into `proposal` when complete.
  text: v.optional(v.string()),
  // What "accept" writes to.
  targetTable: v.optional(v.literal("products")),
  targetId: v.optional(v.string()),
  proposal: v.optional(v.array(aiField)),
  // The target's fields before an accept, restored by undo.
  before: v.optional(v.array(aiField)),
  // The target's version right after the accept: undo refuses if it moved on since.
  appliedVersion: v.optional(v.number()),
  inputTokens: v.optional(v.number()),
  outputTokens: v.optional(v.number()),
  costMicroUsd: v.optional(v.number()),
  acceptedBy: v.optional(v.id("users")),
  acceptedAt: v.optional(v.number()),
  undoneAt: v.optional(v.number()),
};

export const aiUsageFields = {
  storeId: v.id("stores"),
  // "2026-12" (UTC).
  month: v.string(),
  calls: v.number(),
  inputTokens: v.number(),
  outputTokens: v.number(),
  costMicroUsd: v.number(),
};

// A store's monthly AI budget, when an admin set one (else the default applies).
export const aiBudgetFields = {
  storeId: v.id("stores"),
  monthlyMicroUsd: v.number(),
  updatedAt: v.number(),
};

export const aiTables = {
  aiDrafts: defineTable(aiDraftFields)
    .index("by_store_kind", ["storeId", "kind"])
    .index("by_store_product", ["storeId", "productId"])
    .index("by_store_target", ["storeId", "targetTable", "targetId"]),
  aiUsage: defineTable(aiUsageFields).index("by_store_month", ["storeId", "month"]),
  aiBudgets: defineTable(aiBudgetFields).index("by_store", ["storeId"]),
};

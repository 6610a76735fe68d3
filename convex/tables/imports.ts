// DISCOVER: one-click imports from a supplier's product page. Each job records its steps as it
// goes, so every member watching the import sees the same live progress.
import { literals } from "convex-helpers/validators";
import { defineTable } from "convex/server";
import { type Infer, v } from "convex/values";

export const importSupplier = literals("aliexpress", "cj");
export type ImportSupplier = Infer<typeof importSupplier>;

export const importJobStatus = literals("running", "done", "failed");
export type ImportJobStatus = Infer<typeof importJobStatus>;

export const importStepKey = literals("validate", "fetch", "read", "price", "draft", "ai");
export type ImportStepKey = Infer<typeof importStepKey>;

export const importStepStatus = literals("pending", "running", "done", "failed", "skipped");
export type ImportStepStatus = Infer<typeof importStepStatus>;

export const importStep = v.object({
  key: importStepKey,
  label: v.string(),
  status: importStepStatus,
  // How long the step took, once it finished.
  ms: v.optional(v.number()),
  // What the step found ("3 variants, 5 images") or why it failed.
  detail: v.optional(v.string()),
  error: v.optional(v.string()),
});
export type ImportStep = Infer<typeof importStep>;

// The pricing rules' reasoning for the suggested retail price, shown in the job.
export const importPricing = v.object({
  supplierCostCents: v.number(),
  suggestedCents: v.number(),
  floorCents: v.number(),
  steps: v.array(v.object({ label: v.string(), detail: v.string(), cents: v.number() })),
});

export const importJobFields = {
  storeId: v.id("stores"),
  // The address as pasted, tidied (https, no tracking query).
  url: v.string(),
  supplier: importSupplier,
  // The supplier's product id, read from the URL: identifies the product across pastes.
  externalId: v.string(),
  status: importJobStatus,
  steps: v.array(importStep),
  error: v.optional(v.string()),
  title: v.optional(v.string()),
  pricing: v.optional(importPricing),
  productId: v.optional(v.id("products")),
  requestedBy: v.id("users"),
  createdAt: v.number(),
  updatedAt: v.number(),
};

export const importsTables = {
  importJobs: defineTable(importJobFields)
    .index("by_store_created", ["storeId", "createdAt"])
    .index("by_store_supplier_external", ["storeId", "supplier", "externalId"]),
};

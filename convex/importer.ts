// DISCOVER: one-click import of a supplier product page (AliExpress, CJ Dropshipping) into a
// draft product. `start` checks the address and records the job; `run` (an action) fetches and
// reads the page; each step lands on the job as it finishes, so every member sees the progress.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { storeMutation, storeQuery } from "./functions";
import { userActor } from "./model/audit";
import { errorMessage } from "./model/errors";
import { parseAliExpressPage } from "./model/import/aliexpress";
import { requestCopy } from "./model/import/aiCopy";
import { parseCjPage } from "./model/import/cj";
import { buildDraft, freeSlug, type ImportPricing } from "./model/import/draft";
import { fetchPage, fetchTimeoutMs } from "./model/import/fetchPage";
import {
  createJob,
  failJob,
  findImported,
  findRunning,
  finishStep,
  startStep,
} from "./model/import/jobs";
import { allowedTestHosts, parseProductUrl } from "./model/import/urls";
import { createProduct } from "./model/products";
import { productInput } from "./model/productRules";
import schema from "./schema";
import { importPricing, importStepKey } from "./tables/imports";

const job = schema.doc("importJobs");

const startResult = v.union(
  v.object({ kind: v.literal("started"), jobId: v.id("importJobs") }),
  v.object({ kind: v.literal("running"), jobId: v.id("importJobs") }),
  v.object({
    kind: v.literal("duplicate"),
    jobId: v.id("importJobs"),
    productId: v.id("products"),
    title: v.string(),
  }),
);

const testHosts = () => allowedTestHosts(process.env.SUPPLIER_FETCH_ALLOW);

/**
 * Import from a pasted address. A bad address throws INVALID and creates nothing; a product
 * already imported answers "duplicate" with the product; otherwise the job starts.
 */
export const start = storeMutation({
  permission: "catalog.edit",
  args: { url: v.string() },
  returns: startResult,
  handler: async (ctx, { storeId, url }) => {
    const began = Date.now();
    const at = parseProductUrl(url, testHosts());
    const imported = await findImported(ctx, storeId, at);
    if (imported !== null) {
      return {
        kind: "duplicate" as const,
        jobId: imported.job._id,
        productId: imported.product._id,
        title: imported.product.title,
      };
    }
    const running = await findRunning(ctx, storeId, at, Date.now());
    if (running !== null) return { kind: "running" as const, jobId: running._id };
    const now = Date.now();
    const jobId = await createJob(ctx, storeId, at, ctx.user._id, now, now - began);
    await ctx.scheduler.runAfter(0, internal.importer.run, { jobId });
    return { kind: "started" as const, jobId };
  },
});

/** The store's latest imports, newest first, with their steps (costs show: admins only). */
export const recent = storeQuery({
  permission: "catalog.edit",
  args: {},
  returns: v.array(job),
  handler: async (ctx, { storeId }) =>
    await ctx.db
      .query("importJobs")
      .withIndex("by_store_created", (q) => q.eq("storeId", storeId))
      .order("desc")
      .take(10),
});

/** One import job (the stepper of a job just started). */
export const get = storeQuery({
  permission: "catalog.edit",
  args: { jobId: v.id("importJobs") },
  returns: v.union(job, v.null()),
  handler: async (ctx, { storeId, jobId }) => {
    const found = await ctx.db.get(jobId);
    return found !== null && found.storeId === storeId ? found : null;
  },
});

// ── The run ────────────────────────────────────────────────────────────────

export const forRun = internalQuery({
  args: { jobId: v.id("importJobs") },
  handler: async (ctx, { jobId }) => {
    const found = await ctx.db.get(jobId);
    if (found === null) return null;
    const store = await ctx.db.get(found.storeId);
    if (store === null) return null;
    return { job: found, store: { currency: store.currency, settings: store.settings } };
  },
});

export const stepStarted = internalMutation({
  args: { jobId: v.id("importJobs"), key: importStepKey },
  handler: async (ctx, { jobId, key }) => await startStep(ctx, jobId, key, Date.now()),
});

export const stepDone = internalMutation({
  args: {
    jobId: v.id("importJobs"),
    key: importStepKey,
    ms: v.number(),
    detail: v.optional(v.string()),
    title: v.optional(v.string()),
    pricing: v.optional(importPricing),
  },
  handler: async (ctx, { jobId, key, ms, detail, title, pricing }) =>
    await finishStep(ctx, jobId, key, { ms, detail }, { title, pricing }, Date.now()),
});

export const stepFailed = internalMutation({
  args: { jobId: v.id("importJobs"), key: importStepKey, message: v.string(), ms: v.number() },
  handler: async (ctx, { jobId, key, message, ms }) =>
    await failJob(ctx, jobId, key, message, ms, Date.now()),
});

/**
 * Writes the draft product through the catalog writer, then asks the AI layer for its copy.
 * Re-checks in this transaction that the product was not imported meanwhile.
 */
export const createDraft = internalMutation({
  args: { jobId: v.id("importJobs"), product: productInput, supplierTitle: v.string() },
  handler: async (ctx, { jobId, product, supplierTitle }) => {
    const began = Date.now();
    const current = await ctx.db.get(jobId);
    if (current === null || current.status !== "running") return;
    const { storeId } = current;
    const imported = await findImported(ctx, storeId, current);
    if (imported !== null) {
      await failJob(
        ctx,
        jobId,
        "draft",
        `Already imported as "${imported.product.title}".`,
        Date.now() - began,
        Date.now(),
      );
      return;
    }
    let productId: Id<"products">;
    try {
      const slug = await freeSlug(product.slug, async (candidate) => {
        const taken = await ctx.db
          .query("products")
          .withIndex("by_store_slug", (q) => q.eq("storeId", storeId).eq("slug", candidate))
          .first();
        return taken !== null;
      });
      productId = await createProduct(
        ctx,
        storeId,
        userActor(current.requestedBy),
        { ...product, slug },
        Date.now(),
        current.supplier,
      );
    } catch (error) {
      await failJob(ctx, jobId, "draft", errorMessage(error), Date.now() - began, Date.now());
      return;
    }
    await finishStep(
      ctx,
      jobId,
      "draft",
      { ms: Date.now() - began, detail: `Draft "${product.title}" in the catalog` },
      { productId },
      Date.now(),
    );

    const aiBegan = Date.now();
    try {
      const copy = await requestCopy(ctx, {
        storeId,
        productId,
        title: product.title,
        description: product.description,
        category: product.category,
        supplierTitle,
        requestedBy: current.requestedBy,
      });
      await finishStep(
        ctx,
        jobId,
        "ai",
        {
          ms: Date.now() - aiBegan,
          detail: copy.detail,
          status: copy.requested ? "done" : "skipped",
        },
        { status: "done" },
        Date.now(),
      );
    } catch (error) {
      // The product stands; only the copy is missing, and the step says why.
      await finishStep(
        ctx,
        jobId,
        "ai",
        { ms: Date.now() - aiBegan, status: "failed", error: errorMessage(error) },
        { status: "done" },
        Date.now(),
      );
    }
  },
});

export const run = internalAction({
  args: { jobId: v.id("importJobs") },
  handler: async (ctx, { jobId }) => {
    const loaded = await ctx.runQuery(internal.importer.forRun, { jobId });
    if (loaded === null || loaded.job.status !== "running") return;
    const { job: current, store } = loaded;
    // Runs one step: records it started, then done (with what it found) or failed (and stops).
    const step = async <T>(
      key: "fetch" | "read" | "price",
      work: () => Promise<T> | T,
      describe: (result: T) => string,
      recordOnJob: (result: T) => { title?: string; pricing?: ImportPricing } = () => ({}),
    ): Promise<T | null> => {
      await ctx.runMutation(internal.importer.stepStarted, { jobId, key });
      const began = Date.now();
      try {
        const result = await work();
        await ctx.runMutation(internal.importer.stepDone, {
          jobId,
          key,
          ms: Date.now() - began,
          detail: describe(result),
          ...recordOnJob(result),
        });
        return result;
      } catch (error) {
        await ctx.runMutation(internal.importer.stepFailed, {
          jobId,
          key,
          message: errorMessage(error),
          ms: Date.now() - began,
        });
        return null;
      }
    };

    const page = await step(
      "fetch",
      () =>
        fetchPage(current.url, {
          timeoutMs: fetchTimeoutMs(process.env.SUPPLIER_FETCH_TIMEOUT_MS),
        }),
      (p) => `${Math.max(1, Math.round(p.bytes / 1024)).toLocaleString("en")} KB`,
    );
    if (page === null) return;
    const parsed = await step(
      "read",
      () =>
        current.supplier === "aliexpress"
          ? parseAliExpressPage(page.html, page.finalUrl)
          : parseCjPage(page.html, page.finalUrl),
      (p) =>
        `${p.variants.length} variant${p.variants.length === 1 ? "" : "s"}, ${p.images.length} image${p.images.length === 1 ? "" : "s"}, from ${p.readFrom}`,
    );
    if (parsed === null) return;
    const draft = await step(
      "price",
      () => buildDraft(parsed, { supplier: current.supplier, url: current.url }, store),
      (d) =>
        `$${(d.pricing.suggestedCents / 100).toFixed(2)} from a $${(d.pricing.supplierCostCents / 100).toFixed(2)} cost. ${d.variantNote}`.trim(),
      (d) => ({ title: parsed.title, pricing: d.pricing }),
    );
    if (draft === null) return;
    await ctx.runMutation(internal.importer.stepStarted, { jobId, key: "draft" });
    await ctx.runMutation(internal.importer.createDraft, {
      jobId,
      product: draft.input,
      supplierTitle: parsed.title,
    });
  },
});

// The one writer of `importJobs`: a job and its steps, written as the import goes so every
// member watching sees the same progress.
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import type { ImportStep, ImportStepKey } from "../../tables/imports";
import type { ImportPricing } from "./draft";
import type { ProductUrl } from "./urls";

export const STEPS: { key: ImportStepKey; label: string }[] = [
  { key: "validate", label: "Check the address" },
  { key: "fetch", label: "Fetch the page" },
  { key: "read", label: "Read the product data" },
  { key: "price", label: "Suggest a price" },
  { key: "draft", label: "Create the draft product" },
  { key: "ai", label: "Write the title and description" },
];

/** A finished import of this supplier product whose product still exists, or null. */
export async function findImported(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  at: Pick<ProductUrl, "supplier" | "externalId">,
): Promise<{ job: Doc<"importJobs">; product: Doc<"products"> } | null> {
  const jobs = await ctx.db
    .query("importJobs")
    .withIndex("by_store_supplier_external", (q) =>
      q.eq("storeId", storeId).eq("supplier", at.supplier).eq("externalId", at.externalId),
    )
    .order("desc")
    .take(20);
  for (const job of jobs) {
    if (job.productId === undefined) continue;
    const product = await ctx.db.get(job.productId);
    if (product !== null && product.storeId === storeId) return { job, product };
  }
  return null;
}

// A run that wrote nothing for this long died (its action crashed or was killed): a new paste
// starts afresh instead of joining it forever. Each step writes well inside the fetch timeout.
export const STALE_RUN_MS = 2 * 60_000;

/** An import of this product still running (a second paste joins it rather than racing it). */
export async function findRunning(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  at: Pick<ProductUrl, "supplier" | "externalId">,
  now: number,
): Promise<Doc<"importJobs"> | null> {
  const jobs = await ctx.db
    .query("importJobs")
    .withIndex("by_store_supplier_external", (q) =>
      q.eq("storeId", storeId).eq("supplier", at.supplier).eq("externalId", at.externalId),
    )
    .order("desc")
    .take(20);
  return jobs.find((job) => job.status === "running" && now - job.updatedAt < STALE_RUN_MS) ?? null;
}

export async function createJob(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  at: ProductUrl,
  requestedBy: Id<"users">,
  now: number,
  validateMs: number,
): Promise<Id<"importJobs">> {
  const steps: ImportStep[] = STEPS.map(({ key, label }) =>
    key === "validate"
      ? {
          key,
          label,
          status: "done",
          ms: validateMs,
          detail: `${at.supplier === "aliexpress" ? "AliExpress" : "CJ"} product ${at.externalId}`,
        }
      : { key, label, status: "pending" },
  );
  return await ctx.db.insert("importJobs", {
    storeId,
    url: at.url,
    supplier: at.supplier,
    externalId: at.externalId,
    status: "running",
    steps,
    requestedBy,
    createdAt: now,
    updatedAt: now,
  });
}

type StepChange = Partial<Omit<ImportStep, "key" | "label">>;

async function patchStep(
  ctx: MutationCtx,
  jobId: Id<"importJobs">,
  key: ImportStepKey,
  change: StepChange,
  job: Partial<Pick<Doc<"importJobs">, "status" | "error" | "title" | "pricing" | "productId">>,
  now: number,
): Promise<Doc<"importJobs"> | null> {
  const current = await ctx.db.get(jobId);
  if (current === null) return null;
  const steps = current.steps.map((step) => (step.key === key ? { ...step, ...change } : step));
  await ctx.db.patch(jobId, { ...job, steps, updatedAt: now });
  return current;
}

export async function startStep(
  ctx: MutationCtx,
  jobId: Id<"importJobs">,
  key: ImportStepKey,
  now: number,
) {
  await patchStep(ctx, jobId, key, { status: "running" }, {}, now);
}

export async function finishStep(
  ctx: MutationCtx,
  jobId: Id<"importJobs">,
  key: ImportStepKey,
  result: { ms: number; detail?: string; status?: "done" | "skipped" | "failed"; error?: string },
  job: Partial<Pick<Doc<"importJobs">, "status" | "title" | "productId">> & {
    pricing?: ImportPricing;
  } = {},
  now: number = Date.now(),
) {
  const { status = "done", ...rest } = result;
  await patchStep(ctx, jobId, key, { status, ...rest }, job, now);
}

/** The step failed and so did the job: the message says why; later steps are skipped. */
export async function failJob(
  ctx: MutationCtx,
  jobId: Id<"importJobs">,
  key: ImportStepKey,
  message: string,
  ms: number,
  now: number,
) {
  const current = await ctx.db.get(jobId);
  if (current === null || current.status !== "running") return;
  let reached = false;
  const steps = current.steps.map((step): ImportStep => {
    if (step.key === key) {
      reached = true;
      return { ...step, status: "failed", ms, error: message };
    }
    return reached && step.status === "pending" ? { ...step, status: "skipped" } : step;
  });
  await ctx.db.patch(jobId, { status: "failed", error: message, steps, updatedAt: now });
}

// The AI layer's one door and the one writer of `aiDrafts`. A module asks for a draft with
// requestDraft (inside its own mutation); the draft appears at once with status "writing", the
// text streams in (Claude, or the offline generator through the same path), then it is "ready"
// with a proposal a member can accept, edit or reject; an accepted change can be undone.
// Every step is audited and marked as AI.
import type { WithoutSystemFields } from "convex/server";
import { internal } from "../../_generated/api";
import type { Doc, Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { getInStoreX } from "../access";
import { type Actor, recordAudit, SYSTEM, userActor } from "../audit";
import { appError, conflict, invalid } from "../errors";
import { applyAiFields } from "../products";
import type { AiDraftKind, AuditAi } from "../validators";
import { aiConfigFromEnv } from "./config";
import { costMicroUsd } from "./pricing";
import { type ProposedField, type TemplateKey, templateFor } from "./templates";
import { addUsage, assertWithinBudget } from "./usage";

export type DraftTarget = { table: "products"; id: Id<"products"> };
export type DraftRequest = {
  storeId: Id<"stores">;
  kind: AiDraftKind;
  template: TemplateKey;
  input: Record<string, string>;
  target?: DraftTarget;
  requestedBy?: Id<"users">;
};

const MAX_INPUT = 20_000;

/** Inserts the draft (status "writing") and schedules the generation; returns at once. */
export async function requestDraft(ctx: MutationCtx, req: DraftRequest): Promise<Id<"aiDrafts">> {
  const template = templateFor(req.template);
  if (template === undefined) throw invalid(`There is no AI template called "${req.template}".`);
  for (const name of template.required) {
    if (!req.input[name]?.trim()) {
      throw invalid(`An AI draft from "${req.template}" needs the record's ${name}.`);
    }
  }
  for (const [name, value] of Object.entries(req.input)) {
    if (value.length > MAX_INPUT) {
      throw invalid(`The ${name} is too long for an AI draft (over ${MAX_INPUT} characters).`);
    }
  }
  if (req.target) await getInStoreX(ctx, req.storeId, req.target.id, "The product");
  const now = Date.now();
  const config = aiConfigFromEnv();
  // The offline generator costs nothing, so only Claude calls are held to the budget.
  if (config.provider === "claude") await assertWithinBudget(ctx, req.storeId, now);
  const draftId = await ctx.db.insert("aiDrafts", {
    storeId: req.storeId,
    kind: req.kind,
    status: "writing",
    provider: config.provider,
    model: config.model,
    language: "en",
    prompt: template.render(req.input),
    outputs: [],
    requestedBy: req.requestedBy,
    updatedAt: now,
    template: req.template,
    promptVersion: template.version,
    text: "",
    targetTable: req.target?.table,
    targetId: req.target?.id,
    productId: req.target?.table === "products" ? req.target.id : undefined,
    costMicroUsd: 0,
  });
  await ctx.scheduler.runAfter(0, internal.ai.generate, { draftId, input: req.input });
  return draftId;
}

/** The demo seed's drafts (older marketing rows), through the one writer. */
export async function insertSeedDraft(
  ctx: MutationCtx,
  draft: WithoutSystemFields<Doc<"aiDrafts">>,
): Promise<Id<"aiDrafts">> {
  return await ctx.db.insert("aiDrafts", draft);
}

function aiMark(draft: Doc<"aiDrafts">): AuditAi {
  return {
    draftId: draft._id,
    provider: draft.provider,
    promptVersion: draft.promptVersion ?? "unversioned",
    costMicroUsd: draft.costMicroUsd ?? 0,
  };
}

function actorOf(userId: Id<"users"> | undefined): Actor {
  return userId ? userActor(userId) : SYSTEM;
}

async function auditDraft(
  ctx: MutationCtx,
  draft: Doc<"aiDrafts">,
  actor: Actor,
  action: string,
  changes: { field: string; from: string | number | null; to: string | number | null }[],
  now: number,
) {
  await recordAudit(ctx, {
    storeId: draft.storeId,
    actor,
    action,
    targetTable: draft.targetTable ?? "aiDrafts",
    targetId: draft.targetId ?? draft._id,
    changes,
    at: now,
    ai: aiMark(draft),
  });
}

// ── The generation's writes (called by convex/ai.ts's internal functions) ─────────────────────

/** Appends streamed text. False when the draft is no longer being written (rejected): stop. */
export async function appendDraftText(
  ctx: MutationCtx,
  draftId: Id<"aiDrafts">,
  chunk: string,
): Promise<boolean> {
  const draft = await ctx.db.get(draftId);
  if (draft === null || draft.status !== "writing") return false;
  await ctx.db.patch(draftId, { text: (draft.text ?? "") + chunk, updatedAt: Date.now() });
  return true;
}

export type Finished = { text: string; inputTokens: number; outputTokens: number };

/** The complete answer: parsed and validated into a proposal ("ready") or "failed" with why. */
export async function finishDraft(
  ctx: MutationCtx,
  draftId: Id<"aiDrafts">,
  done: Finished,
): Promise<void> {
  const draft = await ctx.db.get(draftId);
  if (draft === null || draft.status !== "writing") return;
  const now = Date.now();
  const model = draft.model ?? "offline";
  const cost =
    draft.provider === "claude" ? costMicroUsd(model, done.inputTokens, done.outputTokens) : 0;
  if (draft.provider === "claude") {
    await addUsage(
      ctx,
      draft.storeId,
      { inputTokens: done.inputTokens, outputTokens: done.outputTokens, costMicroUsd: cost },
      now,
    );
  }
  const parsed = templateFor(draft.template ?? "")?.parse(done.text) ?? {
    ok: false as const,
    error: "This draft's template no longer exists.",
  };
  const base = {
    text: done.text,
    inputTokens: done.inputTokens,
    outputTokens: done.outputTokens,
    costMicroUsd: cost,
    updatedAt: now,
  };
  if (parsed.ok) {
    await ctx.db.patch(draftId, { ...base, status: "ready", proposal: parsed.fields });
  } else {
    await ctx.db.patch(draftId, { ...base, status: "failed", error: parsed.error });
  }
  const written = (await ctx.db.get(draftId))!;
  await auditDraft(
    ctx,
    written,
    actorOf(draft.requestedBy),
    parsed.ok ? "ai.generate" : "ai.fail",
    [{ field: "status", from: "writing", to: written.status }],
    now,
  );
}

/** The call failed (network, 4xx, retries used up): "failed" with a message a person can read. */
export async function failDraft(
  ctx: MutationCtx,
  draftId: Id<"aiDrafts">,
  error: string,
  spent?: { inputTokens: number; outputTokens: number },
): Promise<void> {
  const draft = await ctx.db.get(draftId);
  if (draft === null || draft.status !== "writing") return;
  const now = Date.now();
  const cost =
    spent && draft.provider === "claude"
      ? costMicroUsd(draft.model ?? "", spent.inputTokens, spent.outputTokens)
      : 0;
  if (spent && draft.provider === "claude") {
    await addUsage(ctx, draft.storeId, { ...spent, costMicroUsd: cost }, now);
  }
  await ctx.db.patch(draftId, { status: "failed", error, costMicroUsd: cost, updatedAt: now });
  await auditDraft(
    ctx,
    { ...draft, costMicroUsd: cost },
    actorOf(draft.requestedBy),
    "ai.fail",
    [{ field: "status", from: "writing", to: "failed" }],
    now,
  );
}

// ── A member's decisions ──────────────────────────────────────────────────────────────────────

function refuse(draft: Doc<"aiDrafts">, doing: string): never {
  throw appError(
    "INVALID_TRANSITION",
    `This draft is ${draft.status === "discarded" ? "rejected" : draft.status}, so it cannot be ${doing}.`,
  );
}

function targetOf(draft: Doc<"aiDrafts">): Id<"products"> {
  if (draft.targetTable !== "products" || draft.targetId === undefined) {
    throw invalid("This draft is not attached to a record, so there is nothing to write it to.");
  }
  return draft.targetId as Id<"products">;
}

/** Writes the proposal to its record (through the record's writer), remembering what it replaced. */
export async function acceptDraft(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  userId: Id<"users">,
  draftId: Id<"aiDrafts">,
): Promise<void> {
  const draft = await getInStoreX(ctx, storeId, draftId, "The draft");
  if (draft.status !== "ready" || !draft.proposal) refuse(draft, "accepted");
  const now = Date.now();
  const { before, version } = await applyAiFields(
    ctx,
    storeId,
    userActor(userId),
    targetOf(draft),
    draft.proposal,
    { ...aiMark(draft), action: "ai.accept" },
    now,
  );
  await ctx.db.patch(draftId, {
    status: "accepted",
    before,
    appliedVersion: version,
    acceptedBy: userId,
    acceptedAt: now,
    updatedAt: now,
  });
}

/** A member's change to the proposal before accepting it, validated like the model's answer. */
export async function editDraft(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  userId: Id<"users">,
  draftId: Id<"aiDrafts">,
  fields: ProposedField[],
): Promise<void> {
  const draft = await getInStoreX(ctx, storeId, draftId, "The draft");
  if (draft.status !== "ready") refuse(draft, "edited");
  const template = templateFor(draft.template ?? "");
  if (template === undefined) throw invalid("This draft's template no longer exists.");
  const checked = template.check(fields);
  if (!checked.ok) throw invalid(checked.error);
  const now = Date.now();
  await ctx.db.patch(draftId, { proposal: checked.fields, updatedAt: now });
  const was = new Map((draft.proposal ?? []).map((f) => [f.field, f.value]));
  await auditDraft(
    ctx,
    draft,
    userActor(userId),
    "ai.edit",
    checked.fields
      .filter((f) => was.get(f.field) !== f.value)
      .map((f) => ({ field: f.field, from: was.get(f.field) ?? null, to: f.value })),
    now,
  );
}

/** Sets a draft aside; one still being written stops at its next chunk. */
export async function rejectDraft(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  userId: Id<"users">,
  draftId: Id<"aiDrafts">,
): Promise<void> {
  const draft = await getInStoreX(ctx, storeId, draftId, "The draft");
  if (!["ready", "writing", "failed", "pending"].includes(draft.status)) refuse(draft, "rejected");
  const now = Date.now();
  await ctx.db.patch(draftId, { status: "discarded", updatedAt: now });
  await auditDraft(
    ctx,
    draft,
    userActor(userId),
    "ai.reject",
    [{ field: "status", from: draft.status, to: "discarded" }],
    now,
  );
}

/** Restores what an accept replaced, unless the record changed since (then CONFLICT, no write). */
export async function undoDraft(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  userId: Id<"users">,
  draftId: Id<"aiDrafts">,
): Promise<void> {
  const draft = await getInStoreX(ctx, storeId, draftId, "The draft");
  if (draft.status !== "accepted" || !draft.before) refuse(draft, "undone");
  const productId = targetOf(draft);
  const product = await getInStoreX(ctx, storeId, productId, "The product");
  if (product.updatedAt !== draft.appliedVersion) {
    throw conflict(
      `"${product.title}" was changed after this draft was accepted, so undoing it would overwrite that change. Nothing was undone: edit the product instead.`,
    );
  }
  const now = Date.now();
  await applyAiFields(
    ctx,
    storeId,
    userActor(userId),
    productId,
    draft.before,
    { ...aiMark(draft), action: "ai.undo" },
    now,
  );
  await ctx.db.patch(draftId, { status: "undone", undoneAt: now, updatedAt: now });
}

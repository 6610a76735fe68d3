// The AI layer's functions: ask for a draft of a record, watch its drafts live, accept / edit /
// reject / undo them, and the store's usage and budget. The generation runs here as an internal
// action that streams into the draft (Claude, or the offline generator through the same path).
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { streamClaude } from "./anthropic";
import { storeMutation, storeQuery } from "./functions";
import { aiConfigFromEnv, providerLabel } from "./model/ai/config";
import {
  acceptDraft,
  appendDraftText,
  editDraft,
  failDraft,
  finishDraft,
  rejectDraft,
  requestDraft,
  undoDraft,
} from "./model/ai/drafts";
import { offlineChunks } from "./model/ai/offline";
import { TEMPLATE_KEYS, templateFor } from "./model/ai/templates";
import { budgetFor, setBudget, usageFor } from "./model/ai/usage";
import { getInStoreX } from "./model/access";
import { literals } from "convex-helpers/validators";
import { aiDraftStatus, aiProvider } from "./model/validators";
import { aiField } from "./tables/ai";
import schema from "./schema";

const templateKey = literals(...TEMPLATE_KEYS);
const targetTable = v.literal("products");

/** Asks for a draft of a product's copy; it appears in draftsFor at once and streams in. */
export const draft = storeMutation({
  permission: "catalog.edit",
  args: {
    template: templateKey,
    table: targetTable,
    id: v.id("products"),
    notes: v.optional(v.string()),
  },
  returns: v.id("aiDrafts"),
  handler: async (ctx, { storeId, template, id, notes }) => {
    const product = await getInStoreX(ctx, storeId, id, "The product");
    return await requestDraft(ctx, {
      storeId,
      kind: templateFor(template)!.kind,
      template,
      input: {
        title: product.title,
        description: product.description,
        category: product.category,
        ...(notes?.trim() ? { notes: notes.trim() } : {}),
      },
      target: { table: "products", id },
      requestedBy: ctx.user._id,
    });
  },
});

const draftView = v.object({
  _id: v.id("aiDrafts"),
  _creationTime: v.number(),
  status: aiDraftStatus,
  provider: aiProvider,
  // "Offline draft" or "Claude (model)": shown on the card, never blank.
  label: v.string(),
  model: v.optional(v.string()),
  promptVersion: v.optional(v.string()),
  text: v.string(),
  proposal: v.optional(v.array(aiField)),
  before: v.optional(v.array(aiField)),
  error: v.optional(v.string()),
  costMicroUsd: v.number(),
  acceptedAt: v.optional(v.number()),
  undoneAt: v.optional(v.number()),
  updatedAt: v.number(),
});

const DRAFTS_SHOWN = 10;

/** A record's latest drafts, newest first, live while they stream in. */
export const draftsFor = storeQuery({
  args: { table: targetTable, id: v.string() },
  returns: v.array(draftView),
  handler: async (ctx, { storeId, table, id }) => {
    const drafts = await ctx.db
      .query("aiDrafts")
      .withIndex("by_store_target", (q) =>
        q.eq("storeId", storeId).eq("targetTable", table).eq("targetId", id),
      )
      .order("desc")
      .take(DRAFTS_SHOWN);
    return drafts.map((d) => ({
      _id: d._id,
      _creationTime: d._creationTime,
      status: d.status,
      provider: d.provider,
      label: providerLabel(d.provider, d.model),
      model: d.model,
      promptVersion: d.promptVersion,
      text: d.text ?? d.outputs[0] ?? "",
      proposal: d.proposal,
      before: d.before,
      error: d.error,
      costMicroUsd: d.costMicroUsd ?? 0,
      acceptedAt: d.acceptedAt,
      undoneAt: d.undoneAt,
      updatedAt: d.updatedAt,
    }));
  },
});

export const accept = storeMutation({
  permission: "catalog.edit",
  args: { draftId: v.id("aiDrafts") },
  returns: v.null(),
  handler: async (ctx, { storeId, draftId }) => {
    await acceptDraft(ctx, storeId, ctx.user._id, draftId);
    return null;
  },
});

export const edit = storeMutation({
  permission: "catalog.edit",
  args: { draftId: v.id("aiDrafts"), proposal: v.array(aiField) },
  returns: v.null(),
  handler: async (ctx, { storeId, draftId, proposal }) => {
    await editDraft(ctx, storeId, ctx.user._id, draftId, proposal);
    return null;
  },
});

export const reject = storeMutation({
  permission: "catalog.edit",
  args: { draftId: v.id("aiDrafts") },
  returns: v.null(),
  handler: async (ctx, { storeId, draftId }) => {
    await rejectDraft(ctx, storeId, ctx.user._id, draftId);
    return null;
  },
});

export const undo = storeMutation({
  permission: "catalog.edit",
  args: { draftId: v.id("aiDrafts") },
  returns: v.null(),
  handler: async (ctx, { storeId, draftId }) => {
    await undoDraft(ctx, storeId, ctx.user._id, draftId);
    return null;
  },
});

/** This month's Claude usage, the budget, and which engine is active (for Settings → AI). */
export const usage = storeQuery({
  args: {},
  returns: v.object({
    month: v.string(),
    calls: v.number(),
    inputTokens: v.number(),
    outputTokens: v.number(),
    costMicroUsd: v.number(),
    budgetMicroUsd: v.number(),
    provider: aiProvider,
    providerLabel: v.string(),
  }),
  handler: async (ctx, { storeId }) => {
    const config = aiConfigFromEnv();
    return {
      ...(await usageFor(ctx, storeId, Date.now())),
      budgetMicroUsd: await budgetFor(ctx, storeId),
      provider: config.provider,
      providerLabel:
        config.provider === "claude"
          ? providerLabel("claude", config.model)
          : "Offline drafts — set ANTHROPIC_API_KEY",
    };
  },
});

export const setMonthlyBudget = storeMutation({
  permission: "settings.edit",
  args: { monthlyCents: v.number() },
  returns: v.number(),
  handler: async (ctx, { storeId, monthlyCents }) => {
    return await setBudget(ctx, storeId, monthlyCents, Date.now());
  },
});

// ── The generation (internal) ──────────────────────────────────────────────────────────────────

export const load = internalQuery({
  args: { draftId: v.id("aiDrafts") },
  returns: v.union(v.null(), schema.doc("aiDrafts")),
  handler: async (ctx, { draftId }) => await ctx.db.get(draftId),
});

export const appendText = internalMutation({
  args: { draftId: v.id("aiDrafts"), chunk: v.string() },
  returns: v.boolean(),
  handler: async (ctx, { draftId, chunk }) => await appendDraftText(ctx, draftId, chunk),
});

const tokens = { inputTokens: v.number(), outputTokens: v.number() };

export const finish = internalMutation({
  args: { draftId: v.id("aiDrafts"), text: v.string(), ...tokens },
  returns: v.null(),
  handler: async (ctx, { draftId, ...done }) => {
    await finishDraft(ctx, draftId, done);
    return null;
  },
});

export const fail = internalMutation({
  args: { draftId: v.id("aiDrafts"), error: v.string(), spent: v.optional(v.object(tokens)) },
  returns: v.null(),
  handler: async (ctx, { draftId, error, spent }) => {
    await failDraft(ctx, draftId, error, spent);
    return null;
  },
});

/** Writes one draft: streams the text into it, then hands the whole answer to finish. */
export const generate = internalAction({
  args: { draftId: v.id("aiDrafts"), input: v.record(v.string(), v.string()) },
  returns: v.null(),
  handler: async (ctx, { draftId, input }) => {
    const draft = await ctx.runQuery(internal.ai.load, { draftId });
    if (draft === null || draft.status !== "writing") return null;
    const template = templateFor(draft.template ?? "");
    if (template === undefined) {
      await ctx.runMutation(internal.ai.fail, { draftId, error: "Unknown template." });
      return null;
    }
    const append = (chunk: string) => ctx.runMutation(internal.ai.appendText, { draftId, chunk });
    const { provider, model, prompt } = draft;
    const { system, maxTokens, offline } = template;
    try {
      await write();
    } catch (error) {
      // Never leave a draft "writing" forever: whatever broke is shown on it.
      const message = error instanceof Error ? error.message : String(error);
      await ctx.runMutation(internal.ai.fail, { draftId, error: `The draft failed: ${message}` });
    }
    return null;

    async function write() {
      if (provider === "offline") {
        // The same path as Claude's stream: a few appends, then the whole text to finish.
        const text = offline(input);
        for (const chunk of offlineChunks(text)) {
          if (!(await append(chunk))) return;
        }
        await ctx.runMutation(internal.ai.finish, {
          draftId,
          text,
          inputTokens: 0,
          outputTokens: 0,
        });
        return;
      }
      const config = aiConfigFromEnv();
      if (config.provider !== "claude") {
        await ctx.runMutation(internal.ai.fail, {
          draftId,
          error:
            "ANTHROPIC_API_KEY was unset after this draft was requested. Ask again for an offline draft.",
        });
        return;
      }
      const result = await streamClaude(
        { ...config, model: model ?? config.model },
        { system, prompt, maxTokens },
        append,
      );
      if (result.ok) {
        await ctx.runMutation(internal.ai.finish, {
          draftId,
          text: result.text,
          inputTokens: result.inputTokens,
          outputTokens: result.outputTokens,
        });
      } else if (!result.stopped) {
        await ctx.runMutation(internal.ai.fail, {
          draftId,
          error: result.error,
          spent: { inputTokens: result.inputTokens, outputTokens: result.outputTokens },
        });
      }
    }
  },
});

// Stores: opened by a signed-in person (the demo store comes from the seed), edited in
// Settings, and deleted by their owner.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import { internalMutation } from "./_generated/server";
import { authedMutation, storeMutation, storeQuery } from "./functions";
import { recordAudit, userActor } from "./model/audit";
import { invalid } from "./model/errors";
import { purgeBatch } from "./model/storePurge";
import { createStore, parseStoreName, parseTimeZone } from "./model/stores";
import { parseEmail } from "./model/team";
import { upsertUser } from "./model/users";
import type { AuditChange } from "./model/validators";

/** Creates a store; the caller becomes its owner. */
export const create = authedMutation({
  args: { name: v.string(), currency: v.string(), timezone: v.string() },
  returns: v.object({ storeId: v.id("stores") }),
  handler: async (ctx, args) => {
    const user = await upsertUser(ctx, ctx.identity);
    const storeId = await createStore(
      ctx,
      { userId: user._id, email: user.email },
      args,
      Date.now(),
    );
    return { storeId };
  },
});

/** The store's profile as Settings shows it. */
export const profile = storeQuery({
  args: {},
  returns: v.object({
    name: v.string(),
    slug: v.string(),
    currency: v.string(),
    tagline: v.optional(v.string()),
    timezone: v.string(),
    contactEmail: v.string(),
  }),
  handler: async (ctx) => ({
    name: ctx.store.name,
    slug: ctx.store.slug,
    currency: ctx.store.currency,
    tagline: ctx.store.tagline,
    timezone: ctx.store.settings.timezone,
    contactEmail: ctx.store.contact.email,
  }),
});

/** The store's profile as the team edits it in Settings; each change is audited. */
export const update = storeMutation({
  permission: "settings.edit",
  args: {
    name: v.optional(v.string()),
    tagline: v.optional(v.string()),
    timezone: v.optional(v.string()),
    contactEmail: v.optional(v.string()),
  },
  returns: v.null(),
  handler: async (ctx, { storeId, name, tagline, timezone, contactEmail }) => {
    const store = ctx.store;
    const patch: Partial<Doc<"stores">> = {};
    const changes: AuditChange[] = [];
    const set = <K extends "name" | "tagline">(field: K, value: string, before?: string) => {
      if (value !== before) {
        patch[field] = value;
        changes.push({ field, from: before ?? null, to: value });
      }
    };
    if (name !== undefined) set("name", parseStoreName(name), store.name);
    if (tagline !== undefined) {
      if (tagline.length > 160) throw invalid("A tagline needs at most 160 characters.");
      set("tagline", tagline.trim(), store.tagline);
    }
    if (timezone !== undefined && parseTimeZone(timezone) !== store.settings.timezone) {
      patch.settings = { ...store.settings, timezone };
      changes.push({ field: "timezone", from: store.settings.timezone, to: timezone });
    }
    if (contactEmail !== undefined) {
      const email = parseEmail(contactEmail);
      if (email !== store.contact.email) {
        patch.contact = { ...store.contact, email };
        changes.push({ field: "contactEmail", from: store.contact.email, to: email });
      }
    }
    if (changes.length === 0) return null;
    await ctx.db.patch(storeId, patch);
    await recordAudit(ctx, {
      storeId,
      actor: userActor(ctx.user._id),
      action: "store.update",
      targetTable: "stores",
      targetId: storeId,
      changes,
    });
    return null;
  },
});

/**
 * Deletes the store: it disappears for everyone at once (memberships and the storefront go in
 * this transaction); its rows are purged in batches afterwards. The name must be typed back.
 */
export const remove = storeMutation({
  permission: "store.delete",
  args: { confirmName: v.string() },
  returns: v.null(),
  handler: async (ctx, { storeId, confirmName }) => {
    if (confirmName.trim() !== ctx.store.name) {
      throw invalid(`Type the store's name, “${ctx.store.name}”, to confirm.`);
    }
    await ctx.db.patch(storeId, { deletingSince: Date.now() });
    const members = await ctx.db
      .query("members")
      .withIndex("by_store_user", (q) => q.eq("storeId", storeId))
      .take(1_000);
    for (const member of members) await ctx.db.delete(member._id);
    await ctx.scheduler.runAfter(0, internal.stores.purge, { storeId, from: 0 });
    return null;
  },
});

/** One batch of a deleted store's rows; schedules the next until nothing is left. */
export const purge = internalMutation({
  args: { storeId: v.id("stores"), from: v.number() },
  returns: v.null(),
  handler: async (ctx, { storeId, from }) => {
    const store = await ctx.db.get(storeId);
    // Only a store its owner deleted is purged (a stray job for a live store does nothing).
    if (store === null || store.deletingSince === undefined) return null;
    const next = await purgeBatch(ctx, storeId, from);
    if (next !== null)
      await ctx.scheduler.runAfter(0, internal.stores.purge, { storeId, from: next });
    return null;
  },
});

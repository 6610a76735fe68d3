// Stores: opened by a signed-in person (the demo store comes from the seed), edited in
// Settings, and deleted by their owner.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import { internalMutation } from "./_generated/server";
import { authedMutation, storeAction, storeMutation, storeQuery } from "./functions";
import { can } from "./model/access";
import { recordAudit, userActor } from "./model/audit";
import { invalid } from "./model/errors";
import {
  imageProblem,
  parseColor,
  parseContact,
  parseImageUrl,
  parsePolicy,
  parseShipping,
  parseSocialLink,
  POLICY_KINDS,
  SOCIAL_HOSTS,
  type SocialNetwork,
} from "./model/storeSettings";
import { purgeBatch } from "./model/storePurge";
import { createStore, parseStoreName, parseTimeZone, saveStoreSettings } from "./model/stores";
import { storeFields } from "./tables/stores";
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

/** Drops keys whose value is undefined (an optional field being cleared). */
function defined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, x]) => x !== undefined)) as T;
}

/** Everything the settings page edits; the margin target and shipping cost need "costs.view". */
export const settings = storeQuery({
  args: {},
  returns: v.object({
    logoUrl: v.optional(v.string()),
    faviconUrl: v.optional(v.string()),
    theme: storeFields.theme,
    social: storeFields.social,
    contact: storeFields.contact,
    policies: storeFields.policies,
    shipping: v.object({
      flatShippingCents: v.number(),
      freeShippingThresholdCents: v.optional(v.number()),
      shippingCostCents: v.optional(v.number()),
      targetMarginBps: v.optional(v.number()),
    }),
  }),
  handler: async (ctx) => {
    const { store } = ctx;
    const costs = can(ctx, "costs.view");
    return {
      logoUrl: store.logoUrl,
      faviconUrl: store.faviconUrl,
      theme: store.theme,
      social: store.social,
      contact: store.contact,
      policies: store.policies,
      shipping: {
        flatShippingCents: store.settings.flatShippingCents,
        freeShippingThresholdCents: store.settings.freeShippingThresholdCents,
        shippingCostCents: costs ? store.settings.shippingCostCents : undefined,
        targetMarginBps: costs ? store.settings.targetMarginBps : undefined,
      },
    };
  },
});

/** Logo, favicon (addresses) and the storefront's colours; the storefront re-themes live. */
export const updateBranding = storeMutation({
  permission: "settings.edit",
  args: {
    logoUrl: v.string(),
    faviconUrl: v.string(),
    primaryColor: v.string(),
    accentColor: v.string(),
  },
  returns: v.array(v.string()),
  handler: async (ctx, args) => {
    const { store } = ctx;
    const logoUrl = parseImageUrl(args.logoUrl, "The logo");
    const faviconUrl = parseImageUrl(args.faviconUrl, "The favicon");
    return await saveStoreSettings(ctx, store, userActor(ctx.user._id), "store.settings", {
      theme: {
        primaryColor: parseColor(args.primaryColor, "The primary colour"),
        accentColor: parseColor(args.accentColor, "The accent colour"),
      },
      logoUrl,
      faviconUrl,
      // A typed address replaces an uploaded file's.
      ...(logoUrl !== store.logoUrl ? { logoStorageId: undefined } : {}),
      ...(faviconUrl !== store.faviconUrl ? { faviconStorageId: undefined } : {}),
    });
  },
});

/** An address to upload a logo or favicon to (then `setUploadedImage`). */
export const generateUploadUrl = storeMutation({
  permission: "settings.edit",
  args: {},
  returns: v.string(),
  handler: async (ctx) => await ctx.storage.generateUploadUrl(),
});

const imageKind = v.union(v.literal("logo"), v.literal("favicon"));

/**
 * Makes an uploaded file the logo or favicon. An action, because only actions can read a
 * file's bytes: its type is checked from its content, and a refused file is deleted.
 */
export const setUploadedImage = storeAction({
  permission: "settings.edit",
  args: { kind: imageKind, storageId: v.id("_storage") },
  returns: v.string(),
  handler: async (ctx, { storeId, kind, storageId }): Promise<string> => {
    const blob = await ctx.storage.get(storageId);
    const problem = imageProblem(
      blob && { head: new Uint8Array(await blob.slice(0, 1_024).arrayBuffer()), size: blob.size },
      kind,
    );
    if (problem !== null) {
      if (blob !== null) await ctx.storage.delete(storageId);
      throw invalid(problem);
    }
    return await ctx.runMutation(internal.stores.saveUploadedImage, {
      storeId,
      userId: ctx.user._id,
      kind,
      storageId,
    });
  },
});

/** The second half of setUploadedImage: points the store at the file, deletes the old one. */
export const saveUploadedImage = internalMutation({
  args: {
    storeId: v.id("stores"),
    userId: v.id("users"),
    kind: imageKind,
    storageId: v.id("_storage"),
  },
  returns: v.string(),
  handler: async (ctx, { storeId, userId, kind, storageId }) => {
    const store = await ctx.db.get(storeId);
    const url = await ctx.storage.getUrl(storageId);
    if (store === null || url === null)
      throw invalid("The upload was not found; try uploading again.");
    const previous = kind === "logo" ? store.logoStorageId : store.faviconStorageId;
    await saveStoreSettings(
      ctx,
      store,
      userActor(userId),
      "store.settings",
      kind === "logo"
        ? { logoUrl: url, logoStorageId: storageId }
        : { faviconUrl: url, faviconStorageId: storageId },
    );
    if (previous !== undefined && previous !== storageId) await ctx.storage.delete(previous);
    return url;
  },
});

/** Social profile links, each checked against its network ("" removes one). */
export const updateSocial = storeMutation({
  permission: "settings.edit",
  args: {
    instagram: v.string(),
    tiktok: v.string(),
    facebook: v.string(),
    x: v.string(),
    youtube: v.string(),
  },
  returns: v.array(v.string()),
  handler: async (ctx, { storeId: _, ...links }) => {
    const social = Object.fromEntries(
      (Object.keys(SOCIAL_HOSTS) as SocialNetwork[]).map((network) => [
        network,
        parseSocialLink(network, links[network]),
      ]),
    );
    return await saveStoreSettings(ctx, ctx.store, userActor(ctx.user._id), "store.settings", {
      social: defined(social),
    });
  },
});

/** Contact details shown to shoppers. */
export const updateContact = storeMutation({
  permission: "settings.edit",
  args: { email: v.string(), phone: v.string(), address: v.string() },
  returns: v.array(v.string()),
  handler: async (ctx, { storeId: _, ...input }) =>
    await saveStoreSettings(ctx, ctx.store, userActor(ctx.user._id), "store.settings", {
      contact: defined(parseContact(input)),
    }),
});

/** Shipping rates (what shoppers pay), the store's own shipping cost and its margin target. */
export const updateShipping = storeMutation({
  permission: "settings.edit",
  args: {
    flatShippingCents: v.number(),
    freeShippingThresholdCents: v.optional(v.number()),
    shippingCostCents: v.optional(v.number()),
    targetMarginBps: v.number(),
  },
  returns: v.array(v.string()),
  handler: async (ctx, { storeId: _, ...input }) =>
    await saveStoreSettings(ctx, ctx.store, userActor(ctx.user._id), "store.settings", {
      settings: defined({ ...ctx.store.settings, ...parseShipping(input) }),
    }),
});

/** The returns, shipping, privacy and terms pages, each up to 10,000 characters. */
export const updatePolicies = storeMutation({
  permission: "settings.edit",
  args: { shipping: v.string(), returns: v.string(), privacy: v.string(), terms: v.string() },
  returns: v.array(v.string()),
  handler: async (ctx, { storeId: _, ...texts }) => {
    const policies = { ...ctx.store.policies };
    for (const kind of POLICY_KINDS) policies[kind] = parsePolicy(kind, texts[kind]);
    return await saveStoreSettings(ctx, ctx.store, userActor(ctx.user._id), "store.settings", {
      policies,
    });
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

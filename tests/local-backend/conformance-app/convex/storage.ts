import { v } from "convex/values";
import { action, mutation, query } from "./_generated/server";

/** `ctx.storage.store(blob)` of UTF-8 text or raw bytes, from an action; returns the id. */
export const store = action({
  args: { text: v.optional(v.string()), bytes: v.optional(v.bytes()), contentType: v.string() },
  handler: async (ctx, { text, bytes, contentType }) =>
    await ctx.storage.store(new Blob([text ?? bytes ?? ""], { type: contentType })),
});

/** `ctx.storage.get(id)` in an action: the blob's size, type and bytes, or null. */
export const getInAction = action({
  args: { id: v.id("_storage") },
  handler: async (ctx, { id }) => {
    const blob = await ctx.storage.get(id);
    if (blob === null) return null;
    return { size: blob.size, type: blob.type, bytes: await blob.arrayBuffer() };
  },
});

export const generateUploadUrl = mutation({
  args: {},
  handler: async (ctx) => await ctx.storage.generateUploadUrl(),
});

/** What both engines' upload URLs have in common (the host and token differ). */
export const uploadUrlShape = mutation({
  args: {},
  handler: async (ctx) => {
    const url = new URL(await ctx.storage.generateUploadUrl());
    return {
      http: url.protocol === "https:" || url.protocol === "http:",
      path: url.pathname,
      hasToken: url.searchParams.has("token"),
    };
  },
});

/** The URL serving a file, or null (the runner fetches it). */
export const getUrl = query({
  args: { id: v.id("_storage") },
  handler: async (ctx, { id }) => await ctx.storage.getUrl(id),
});

/**
 * The `_storage` document through `db.system.get` (without contentType: see `systemDoc`), and
 * whether `db.system.query` lists it and `getUrl` gives a URL. Null once deleted.
 */
export const info = query({
  args: { id: v.id("_storage") },
  handler: async (ctx, { id }) => {
    const doc = await ctx.db.system.get("_storage", id);
    const url = await ctx.storage.getUrl(id);
    const listed = (await ctx.db.system.query("_storage").collect()).some((d) => d._id === id);
    if (doc === null) return { doc: null, hasUrl: url !== null, listed };
    return {
      doc: { _id: doc._id, sha256: doc.sha256, size: doc.size },
      hasUrl: url !== null,
      listed,
    };
  },
});

/** The whole `_storage` document (`db.system.get(id)`). */
export const systemDoc = query({
  args: { id: v.id("_storage") },
  handler: async (ctx, { id }) => await ctx.db.system.get(id),
});

/**
 * The deprecated `storage.getMetadata(id)`: its sha256, size and contentType, or (`storageId`)
 * whether the `storageId` it reports is the `_storage` document id.
 */
export const getMetadata = query({
  args: { id: v.id("_storage"), part: v.union(v.literal("content"), v.literal("storageId")) },
  handler: async (ctx, { id, part }) => {
    const meta = await ctx.storage.getMetadata(id);
    if (meta === null) return null;
    const { storageId, sha256, size, contentType } = meta;
    return part === "content"
      ? { sha256, size, contentType }
      : { storageIdIsDocumentId: storageId === id };
  },
});

export const remove = mutation({
  args: { id: v.id("_storage") },
  handler: async (ctx, { id }) => {
    await ctx.storage.delete(id);
  },
});

export const removeFromAction = action({
  args: { id: v.id("_storage") },
  handler: async (ctx, { id }) => {
    await ctx.storage.delete(id);
  },
});

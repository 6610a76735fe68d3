// Who is online, on which page, looking at (or editing) which record. Heartbeats upsert one row
// per member; a scheduled job removes it once beats stop, so every open screen sees them leave.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation } from "./_generated/server";
import { storeMutation, storeQuery } from "./functions";
import { invalid } from "./model/errors";
import { LAST_SEEN_RESOLUTION_MS, PRESENCE_TTL_MS, validPresencePath } from "./model/presence";

export const heartbeat = storeMutation({
  args: { path: v.string(), recordId: v.optional(v.string()), editing: v.optional(v.boolean()) },
  returns: v.null(),
  handler: async (ctx, { storeId, path, recordId, editing }) => {
    if (!validPresencePath(path)) throw invalid("Presence paths are workspace paths.");
    if (recordId !== undefined && recordId.length > 64) throw invalid("Record ids are short.");
    const now = Date.now();
    const row = await ctx.db
      .query("presence")
      .withIndex("by_store_user", (q) => q.eq("storeId", storeId).eq("userId", ctx.user._id))
      .unique();
    const fields = { path, recordId, editing: editing ?? false, lastSeenAt: now };
    const beat = (row?.beat ?? 0) + 1;
    const presenceId =
      row === null
        ? await ctx.db.insert("presence", { storeId, userId: ctx.user._id, ...fields, beat })
        : row._id;
    if (row !== null) await ctx.db.patch(row._id, { ...fields, beat });
    await ctx.scheduler.runAfter(PRESENCE_TTL_MS, internal.presence.expire, { presenceId, beat });
    if ((ctx.member.lastSeenAt ?? 0) + LAST_SEEN_RESOLUTION_MS <= now) {
      await ctx.db.patch(ctx.member._id, { lastSeenAt: now });
    }
    return null;
  },
});

/** The tab is closing: leave at once instead of waiting for the expiry. */
export const leave = storeMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx, { storeId }) => {
    const row = await ctx.db
      .query("presence")
      .withIndex("by_store_user", (q) => q.eq("storeId", storeId).eq("userId", ctx.user._id))
      .unique();
    if (row !== null) await ctx.db.delete(row._id);
    return null;
  },
});

/** Runs PRESENCE_TTL_MS after a beat; quits if a later beat arrived since. */
export const expire = internalMutation({
  args: { presenceId: v.id("presence"), beat: v.number() },
  returns: v.null(),
  handler: async (ctx, { presenceId, beat }) => {
    const row = await ctx.db.get(presenceId);
    if (row !== null && row.beat === beat) await ctx.db.delete(presenceId);
    return null;
  },
});

export const list = storeQuery({
  args: {},
  returns: v.array(
    v.object({
      userId: v.id("users"),
      name: v.optional(v.string()),
      email: v.optional(v.string()),
      path: v.string(),
      recordId: v.optional(v.string()),
      editing: v.boolean(),
      lastSeenAt: v.number(),
      isYou: v.boolean(),
    }),
  ),
  handler: async (ctx, { storeId }) => {
    // Bounded: one row per member online.
    const rows = await ctx.db
      .query("presence")
      .withIndex("by_store_user", (q) => q.eq("storeId", storeId))
      .take(200);
    const out = [];
    for (const row of rows) {
      const user = await ctx.db.get(row.userId);
      out.push({
        userId: row.userId,
        name: user?.name,
        email: user?.email,
        path: row.path,
        recordId: row.recordId,
        editing: row.editing,
        lastSeenAt: row.lastSeenAt,
        isYou: row.userId === ctx.user._id,
      });
    }
    return out;
  },
});

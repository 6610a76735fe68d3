// Delivers the outbox's customer notices (queued by model/notices.ts in the transaction that
// caused them) through the email provider, with retries; the team reads the outbox here.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalAction, internalMutation, internalQuery } from "./_generated/server";
import { emailFromEnv, sendEmail } from "./email";
import { storeQuery } from "./functions";
import schema from "./schema";

const MAX_ATTEMPTS = 5;

export const pending = internalQuery({
  args: { outboxId: v.id("outbox") },
  returns: v.union(v.null(), schema.doc("outbox")),
  handler: async (ctx, { outboxId }) => {
    const row = await ctx.db.get(outboxId);
    return row?.status === "queued" ? row : null;
  },
});

export const markSent = internalMutation({
  args: { outboxId: v.id("outbox"), error: v.optional(v.string()) },
  returns: v.null(),
  handler: async (ctx, { outboxId, error }) => {
    const row = await ctx.db.get(outboxId);
    if (row === null || row.status !== "queued") return null;
    const now = Date.now();
    if (error === undefined) {
      await ctx.db.patch(outboxId, { status: "sent", sentAt: now, lastError: undefined });
      return null;
    }
    const attempts = row.attempts + 1;
    if (attempts >= MAX_ATTEMPTS) {
      await ctx.db.patch(outboxId, { status: "failed", attempts, lastError: error });
      return null;
    }
    // Backoff: 1, 2, 4, 8 minutes.
    const wait = 60_000 * 2 ** (attempts - 1);
    await ctx.db.patch(outboxId, { attempts, lastError: error, sendAfter: now + wait });
    await ctx.scheduler.runAfter(wait, internal.notify.deliver, { outboxId });
    return null;
  },
});

/** Sends one queued notice through the provider. */
export const deliver = internalAction({
  args: { outboxId: v.id("outbox") },
  returns: v.null(),
  handler: async (ctx, { outboxId }) => {
    const config = emailFromEnv();
    const row = await ctx.runQuery(internal.notify.pending, { outboxId });
    if (row === null || config === null) return null;
    try {
      await sendEmail(config, { to: row.to, subject: row.subject, body: row.body, tag: "order" });
      await ctx.runMutation(internal.notify.markSent, { outboxId });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await ctx.runMutation(internal.notify.markSent, { outboxId, error: message });
    }
    return null;
  },
});

/** The notices sent (or kept) for one order, newest first. */
export const forOrder = storeQuery({
  args: { orderId: v.id("orders") },
  permission: "orders.work",
  returns: v.array(schema.doc("outbox")),
  handler: async (ctx, { storeId, orderId }) => {
    return await ctx.db
      .query("outbox")
      .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
      .order("desc")
      .take(50);
  },
});

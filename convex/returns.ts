// FULFILL: returns. The shopper asks from /track; the team approves (refund through Stripe or
// the offline test payment, optional restock, notes for the supplier) or denies with a note.
// A refund happens once: approval is a status move checked in its own transaction (a double
// click loses with CONFLICT), the Stripe call carries the return's id as idempotency key, and
// recording it only moves an approved return to refunded.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc, Id } from "./_generated/dataModel";
import {
  internalAction,
  internalMutation,
  internalQuery,
  type MutationCtx,
} from "./_generated/server";
import { publicMutation, storeMutation } from "./functions";
import { type Actor, SYSTEM, userActor } from "./model/audit";
import { appError, invalid, notFound } from "./model/errors";
import { decideReturn, openReturn, recordRefund, recordRefundFailure } from "./model/orders";
import { canRequestReturn, cleanReason, NO_MATCH, refundFor } from "./model/returns";
import { getStoreBySlug } from "./model/storefront";
import { findShopperOrder } from "./model/tracking";
import { queueNotice } from "./model/notices";
import { refundPayment, stripeFromEnv } from "./stripe";

const returnLine = v.object({ sku: v.string(), quantity: v.number() });

/** The shopper's request, from /track (order number + checkout email, like the look-up). */
export const request = publicMutation({
  args: {
    slug: v.string(),
    number: v.string(),
    email: v.string(),
    reason: v.string(),
    items: v.optional(v.array(returnLine)),
    visitorId: v.optional(v.string()),
  },
  returns: v.union(
    v.object({ ok: v.literal(true), refundCents: v.number() }),
    v.object({ ok: v.literal(false), message: v.string() }),
  ),
  handler: async (ctx, args) => {
    const store = await getStoreBySlug(ctx, args.slug);
    if (store === null) throw notFound("Store");
    const now = Date.now();
    const reason = cleanReason(args.reason);
    const order = await findShopperOrder(ctx, store._id, args, now);
    // Says nothing about the order; the failed try is kept (an answer, not a throw, so the
    // throttle's write is not rolled back).
    if (order === null) return { ok: false as const, message: NO_MATCH };
    if (!canRequestReturn(order.status)) {
      throw invalid(
        order.status === "new" || order.status === "processing"
          ? "This order has not shipped yet: write to the store to cancel it instead."
          : `A ${order.status} order cannot be returned.`,
      );
    }
    const items = await ctx.db
      .query("orderItems")
      .withIndex("by_store_order", (q) => q.eq("storeId", store._id).eq("orderId", order._id))
      .take(100);
    const refundCents = refundFor(order, items, args.items);
    await openReturn(ctx, store._id, order, { reason, items: args.items, refundCents }, now);
    return { ok: true as const, refundCents };
  },
});

type PayOutcome = "refunded" | "pending";

/**
 * Starts the refund of an approved return: offline/test-payment (and unpaid imports) are
 * recorded at once; a Stripe payment is refunded by the `refund` action.
 */
async function startRefund(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  ret: Doc<"returns">,
  now: number,
): Promise<PayOutcome> {
  const order = (await ctx.db.get(ret.orderId))!;
  const ref = order.paymentRef;
  // Test-payment mode (no STRIPE_SECRET_KEY: the whole deployment takes no real money) or an
  // order paid with the test card: nothing moved, so nothing goes back; recorded as such.
  if (ref === undefined || ref.startsWith("offline_test_") || stripeFromEnv() === null) {
    await recordRefund(ctx, storeId, actor, ret._id, `offline_refund_${ret._id}`, now);
    return "refunded";
  }
  await ctx.scheduler.runAfter(0, internal.returns.refund, { storeId, returnId: ret._id });
  return "pending";
}

/** Approves a requested return and refunds it (once); restocks when asked. */
export const approve = storeMutation({
  args: {
    returnId: v.id("returns"),
    note: v.optional(v.string()),
    supplierNote: v.optional(v.string()),
    restock: v.boolean(),
  },
  permission: "orders.refund",
  returns: v.union(v.literal("refunded"), v.literal("pending")),
  handler: async (ctx, { storeId, returnId, note, supplierNote, restock }) => {
    const now = Date.now();
    const actor = userActor(ctx.user._id);
    const ret = await decideReturn(
      ctx,
      storeId,
      actor,
      returnId,
      { status: "approved", note: note?.trim(), supplierNote: supplierNote?.trim(), restock },
      now,
    );
    const outcome = await startRefund(ctx, storeId, actor, ret, now);
    const order = (await ctx.db.get(ret.orderId))!;
    await queueNotice(
      ctx,
      {
        storeId,
        orderId: order._id,
        to: order.customer.email,
        subject: `Your return for order #${order.number} is approved`,
        body: `Hi ${order.customer.name},\n\nYour return is approved and ${(ret.refundCents / 100).toFixed(2)} ${order.currency} is on its way back to you.${note?.trim() ? `\n\n${note.trim()}` : ""}`,
      },
      now,
    );
    return outcome;
  },
});

/** Denies a requested return, with the note the shopper will read on /track. */
export const deny = storeMutation({
  args: { returnId: v.id("returns"), note: v.string() },
  permission: "orders.work",
  returns: v.null(),
  handler: async (ctx, { storeId, returnId, note }) => {
    const text = note.trim();
    if (text === "") throw invalid("Say why the return is denied: the shopper reads this.");
    const now = Date.now();
    const ret = await decideReturn(
      ctx,
      storeId,
      userActor(ctx.user._id),
      returnId,
      { status: "denied", note: text },
      now,
    );
    const order = (await ctx.db.get(ret.orderId))!;
    await queueNotice(
      ctx,
      {
        storeId,
        orderId: order._id,
        to: order.customer.email,
        subject: `About your return for order #${order.number}`,
        body: `Hi ${order.customer.name},\n\nWe could not accept this return: ${text}`,
      },
      now,
    );
    return null;
  },
});

/** Tries a failed Stripe refund again (same idempotency key: still one refund). */
export const retryRefund = storeMutation({
  args: { returnId: v.id("returns") },
  permission: "orders.refund",
  returns: v.union(v.literal("refunded"), v.literal("pending")),
  handler: async (ctx, { storeId, returnId }) => {
    const ret = await ctx.db.get(returnId);
    if (ret === null || ret.storeId !== storeId) throw notFound("Return");
    if (ret.status === "refunded") throw appError("CONFLICT", "This return is already refunded.");
    if (ret.status !== "approved") throw invalid("Only an approved return is refunded.");
    return await startRefund(ctx, storeId, userActor(ctx.user._id), ret, Date.now());
  },
});

export const refundTarget = internalQuery({
  args: { storeId: v.id("stores"), returnId: v.id("returns") },
  returns: v.union(
    v.null(),
    v.object({ paymentRef: v.string(), refundCents: v.number(), status: v.string() }),
  ),
  handler: async (ctx, { storeId, returnId }) => {
    const ret = await ctx.db.get(returnId);
    if (ret === null || ret.storeId !== storeId) return null;
    const order = await ctx.db.get(ret.orderId);
    if (!order?.paymentRef) return null;
    return { paymentRef: order.paymentRef, refundCents: ret.refundCents, status: ret.status };
  },
});

export const refunded = internalMutation({
  args: {
    storeId: v.id("stores"),
    returnId: v.id("returns"),
    refundRef: v.optional(v.string()),
    error: v.optional(v.string()),
  },
  returns: v.null(),
  handler: async (ctx, { storeId, returnId, refundRef, error }) => {
    if (refundRef !== undefined) {
      await recordRefund(ctx, storeId, SYSTEM, returnId, refundRef, Date.now());
    } else {
      await recordRefundFailure(ctx, storeId, returnId, error ?? "The refund failed.");
    }
    return null;
  },
});

/** Refunds an approved return through Stripe's refunds API, then records it (once). */
export const refund = internalAction({
  args: { storeId: v.id("stores"), returnId: v.id("returns") },
  returns: v.null(),
  handler: async (ctx, { storeId, returnId }) => {
    const target = await ctx.runQuery(internal.returns.refundTarget, { storeId, returnId });
    if (target === null || target.status !== "approved") return null;
    const stripe = stripeFromEnv();
    if (stripe === null) return null;
    try {
      const made = await refundPayment(stripe, target.paymentRef, target.refundCents, returnId);
      await ctx.runMutation(internal.returns.refunded, { storeId, returnId, refundRef: made.id });
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      await ctx.runMutation(internal.returns.refunded, { storeId, returnId, error: message });
    }
    return null;
  },
});

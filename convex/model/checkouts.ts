// The one writer of `checkouts`: a checkout holds its stock and coupon use from "Pay" until it
// is paid (it becomes an order, exactly once), or expires (everything goes back on sale).
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { Actor } from "./audit";
import { type CartItemInput, checkoutLines, HOLD_MS, priceCart, STRIPE_HOLD_MS } from "./checkout";
import { countCouponUse, redeemCoupon, releaseCoupon } from "./coupons";
import { dateKey } from "./dates";
import { appError, conflict, invalid } from "./errors";
import { bumpDailyMetrics } from "./metrics";
import { createOrder } from "./orders";
import { countArmPurchases } from "./priceTests";
import { returnStock, takeStock } from "./products";
import type { Address, CheckoutMode } from "./validators";

export const PRICES_CHANGED = "Prices changed since you opened your cart; review the new total.";

export async function getCheckoutByKey(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  keyHash: string,
): Promise<Doc<"checkouts"> | null> {
  return await ctx.db
    .query("checkouts")
    .withIndex("by_store_key", (q) => q.eq("storeId", storeId).eq("keyHash", keyHash))
    .unique();
}

export type OpenCheckoutInput = {
  keyHash: string;
  receiptHash: string;
  visitorId: string;
  items: CartItemInput[];
  couponCode?: string;
  email: string;
  shippingAddress: Address;
  expectedTotalCents: number;
  mode: CheckoutMode;
  now: number;
};

/**
 * Prices the cart again and holds it: the stock leaves the shelf and the coupon loses a use in
 * this transaction, so the last unit (and a code's last use) go to exactly one shopper and the
 * others hear why before paying. A total different from the one the shopper saw is refused
 * (a tampered or stale cart) and nothing is held.
 */
export async function openCheckout(
  ctx: MutationCtx,
  store: Doc<"stores">,
  input: OpenCheckoutInput,
): Promise<{ checkout: Doc<"checkouts">; replaced: Doc<"checkouts">[] }> {
  // The shopper's earlier open checkouts give their holds back first: coming back from Stripe
  // and paying again must not find the last unit held by their own abandoned attempt.
  const replaced = await releaseVisitorHolds(ctx, store._id, input.visitorId, input.now);
  const quote = await priceCart(ctx, store, input);
  const stuck = quote.lines.find((line) => line.problem !== undefined);
  if (stuck !== undefined) {
    const what = stuck.variantTitle ? `${stuck.title} (${stuck.variantTitle})` : stuck.title;
    const message = `${what}: ${stuck.problem}`;
    throw stuck.stockProblem ? appError("SOLD_OUT", message) : invalid(message);
  }
  if (quote.couponProblem !== undefined) throw conflict(quote.couponProblem);
  if (input.expectedTotalCents !== quote.totalCents) throw conflict(PRICES_CHANGED);

  await takeStock(ctx, store._id, quote.lines, input.now);
  if (quote.coupon !== undefined) {
    await redeemCoupon(
      ctx,
      store._id,
      quote.coupon.code,
      quote.subtotalCents,
      quote.shippingCents,
      input.now,
      store.currency,
    );
  }
  const checkoutId = await ctx.db.insert("checkouts", {
    storeId: store._id,
    keyHash: input.keyHash,
    receiptHash: input.receiptHash,
    visitorId: input.visitorId,
    status: "open",
    mode: input.mode,
    currency: store.currency,
    lines: checkoutLines(quote),
    subtotalCents: quote.subtotalCents,
    discountCents: quote.discountCents,
    shippingCents: quote.shippingCents,
    taxCents: quote.taxCents,
    totalCents: quote.totalCents,
    couponCode: quote.coupon?.code,
    customer: { email: input.email, name: input.shippingAddress.name },
    shippingAddress: input.shippingAddress,
    expiresAt: input.now + (input.mode === "stripe" ? STRIPE_HOLD_MS : HOLD_MS),
    updatedAt: input.now,
  });
  await bumpDailyMetrics(ctx, store._id, dateKey(input.now), { checkoutStarts: 1 });
  return { checkout: (await ctx.db.get(checkoutId))!, replaced };
}

/** Expires a visitor's open checkouts (a new one replaces them); returns what it expired. */
async function releaseVisitorHolds(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  visitorId: string,
  now: number,
): Promise<Doc<"checkouts">[]> {
  const open = await ctx.db
    .query("checkouts")
    .withIndex("by_store_visitor_status", (q) =>
      q.eq("storeId", storeId).eq("visitorId", visitorId).eq("status", "open"),
    )
    .take(20);
  for (const checkout of open) {
    await expireCheckout(ctx, checkout, now, "Replaced by a newer checkout from the same cart.");
  }
  return open;
}

export async function attachStripeSession(
  ctx: MutationCtx,
  checkout: Doc<"checkouts">,
  stripeSessionId: string,
  now: number,
): Promise<void> {
  await ctx.db.patch(checkout._id, { stripeSessionId, updatedAt: now });
}

/**
 * Turns a paid checkout into its order, exactly once: a checkout already paid returns its
 * order. The held stock is the order's stock; a checkout that expired before the payment
 * arrived takes stock again, or (sold out since) is marked failed for a refund and gives null.
 * The A/B arms' purchases are counted in this same transaction.
 */
export async function completeCheckout(
  ctx: MutationCtx,
  checkout: Doc<"checkouts">,
  payment: { paymentRef: string; actor: Actor; now: number },
): Promise<Doc<"orders"> | null> {
  if (checkout.status === "paid" && checkout.orderId !== undefined) {
    return (await ctx.db.get(checkout.orderId))!;
  }
  if (checkout.status === "failed") {
    throw conflict(checkout.message ?? "This checkout failed; start again from your cart.");
  }
  const wasHeld = checkout.status === "open";
  const blocker = await whyUnorderable(ctx, checkout, !wasHeld);
  if (blocker !== null) {
    // Recorded rather than thrown: a throw would roll the webhook's record back and make
    // Stripe retry an event that can never succeed.
    await failCheckout(ctx, checkout, blocker, payment.now);
    return null;
  }
  const order = await createOrder(ctx, checkout.storeId, payment.actor, {
    channel: "storefront",
    customer: checkout.customer,
    shippingAddress: checkout.shippingAddress,
    couponCode: checkout.couponCode,
    paymentRef: payment.paymentRef,
    lines: checkout.lines.map(({ productId, sku, quantity, unitPriceCents }) => ({
      productId,
      sku,
      quantity,
      unitPriceCents,
    })),
    discountCents: checkout.discountCents,
    shippingCents: checkout.shippingCents,
    taxCents: checkout.taxCents,
    placedAt: payment.now,
    // An open checkout already holds the units; an expired one gave them back.
    takeStock: !wasHeld,
  });
  if (!wasHeld && checkout.couponCode !== undefined) {
    // The shopper paid the discounted price, so the use counts even though the hold lapsed.
    await countCouponUse(ctx, checkout.storeId, checkout.couponCode);
  }
  await countArmPurchases(ctx, checkout.lines);
  await bumpDailyMetrics(ctx, checkout.storeId, dateKey(payment.now), { purchases: 1 });
  await ctx.db.patch(checkout._id, {
    status: "paid",
    orderId: order._id,
    orderNumber: order.number,
    message: undefined,
    updatedAt: payment.now,
  });
  return order;
}

/** Gives the held stock and coupon use back; a no-op unless the checkout is still open. */
export async function expireCheckout(
  ctx: MutationCtx,
  checkout: Doc<"checkouts">,
  now: number,
  message = "This checkout expired before it was paid. Your cart is still there: start again.",
): Promise<boolean> {
  if (checkout.status !== "open") return false;
  await returnStock(ctx, checkout.storeId, checkout.lines, now);
  if (checkout.couponCode !== undefined) {
    await releaseCoupon(ctx, checkout.storeId, checkout.couponCode);
  }
  await ctx.db.patch(checkout._id, { status: "expired", message, updatedAt: now });
  return true;
}

/** Paid, but no order could be made (sold out after the hold lapsed): say so, keep the record. */
export async function failCheckout(
  ctx: MutationCtx,
  checkout: Doc<"checkouts">,
  message: string,
  now: number,
): Promise<void> {
  await ctx.db.patch(checkout._id, { status: "failed", message, updatedAt: now });
}

/**
 * Why a paid checkout cannot become an order, or null: a product or option deleted while it was
 * held, or (for a lapsed hold, `needStock`) units sold to someone else in the meantime.
 */
async function whyUnorderable(
  ctx: QueryCtx,
  checkout: Doc<"checkouts">,
  needStock: boolean,
): Promise<string | null> {
  const needed = new Map<string, number>();
  for (const line of checkout.lines) {
    const key = `${line.productId}|${line.sku}`;
    needed.set(key, (needed.get(key) ?? 0) + line.quantity);
  }
  for (const line of checkout.lines) {
    const product = await ctx.db.get(line.productId);
    const variant =
      product?.storeId === checkout.storeId
        ? product.variants.find((candidate) => candidate.sku === line.sku)
        : undefined;
    if (variant === undefined) {
      return `${line.title} is no longer sold, so the order could not be placed. The store will refund you.`;
    }
    if (needStock && variant.stock < needed.get(`${line.productId}|${line.sku}`)!) {
      return (
        "Your payment arrived after your items were released and they have sold out since. " +
        "The store will refund you."
      );
    }
  }
  return null;
}

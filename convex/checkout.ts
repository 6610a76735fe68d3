// The shopper's checkout: price a cart, hold it, pay (Stripe, or the offline test card), and
// show the result. No sign-in: a checkout is named by a secret only its browser holds.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Doc } from "./_generated/dataModel";
import { internalMutation, internalQuery, type QueryCtx } from "./_generated/server";
import { publicAction, publicMutation, publicQuery } from "./functions";
import { SYSTEM } from "./model/audit";
import {
  assertVisitorId,
  checkoutHashes,
  isCheckoutSecret,
  maskEmail,
  normalizeAddress,
  normalizeEmail,
  normalizeItems,
  offlineCardOutcome,
  paymentMode,
  priceCart,
  publicQuote,
  receiptTokenFor,
  sha256Hex,
} from "./model/checkout";
import {
  attachStripeSession,
  completeCheckout,
  expireCheckout,
  getCheckoutByKey,
  openCheckout,
} from "./model/checkouts";
import { conflict, invalid, notFound } from "./model/errors";
import { getStoreBySlug } from "./model/storefront";
import { newLinkSecret } from "./model/tokens";
import { address, checkoutMode, checkoutStatus, orderStatus } from "./model/validators";
import { createCheckoutSession, expireStripeSession, stripeFromEnv } from "./stripe";

const cartItems = v.array(
  v.object({ productId: v.id("products"), sku: v.string(), quantity: v.number() }),
);

const quoteLine = v.object({
  productId: v.id("products"),
  sku: v.string(),
  title: v.string(),
  variantTitle: v.string(),
  imageUrl: v.optional(v.string()),
  unitPriceCents: v.number(),
  quantity: v.number(),
  available: v.number(),
  lineTotalCents: v.number(),
  problem: v.optional(v.string()),
});

const quoteResult = v.object({
  currency: v.string(),
  paymentMode: checkoutMode,
  lines: v.array(quoteLine),
  subtotalCents: v.number(),
  discountCents: v.number(),
  shippingCents: v.number(),
  taxCents: v.number(),
  totalCents: v.number(),
  coupon: v.optional(v.object({ code: v.string(), label: v.string() })),
  couponProblem: v.optional(v.string()),
});

async function storeX(ctx: QueryCtx, slug: string): Promise<Doc<"stores">> {
  const store = await getStoreBySlug(ctx, slug);
  if (store === null) throw notFound("Store");
  return store;
}

async function checkoutByHandle(ctx: QueryCtx, storeId: Doc<"stores">["_id"], handle: string) {
  if (!isCheckoutSecret(handle)) return null;
  return await getCheckoutByKey(ctx, storeId, sha256Hex(handle));
}

/** What the cart costs now, priced by the server; lines that cannot be bought say why. */
export const quote = publicQuery({
  args: {
    slug: v.string(),
    visitorId: v.string(),
    items: cartItems,
    couponCode: v.optional(v.string()),
  },
  returns: quoteResult,
  handler: async (ctx, args) => {
    const store = await storeX(ctx, args.slug);
    assertVisitorId(args.visitorId);
    const priced = await priceCart(ctx, store, { ...args, now: Date.now() });
    return publicQuote(priced);
  },
});

/** Holds the cart (stock and coupon use) for a new checkout; the expiry job is scheduled here. */
export const open = internalMutation({
  args: {
    slug: v.string(),
    keyHash: v.string(),
    receiptHash: v.string(),
    visitorId: v.string(),
    items: cartItems,
    couponCode: v.optional(v.string()),
    email: v.string(),
    shippingAddress: address,
    expectedTotalCents: v.number(),
    mode: checkoutMode,
  },
  returns: v.object({
    checkoutRef: v.id("checkouts"),
    // Stripe sessions of the checkouts this one replaced, to be expired at Stripe.
    replacedSessions: v.array(v.string()),
  }),
  handler: async (ctx, { slug, ...input }) => {
    const store = await storeX(ctx, slug);
    const { checkout, replaced } = await openCheckout(ctx, store, { ...input, now: Date.now() });
    await ctx.scheduler.runAt(checkout.expiresAt, internal.checkout.expire, {
      checkoutRef: checkout._id,
    });
    return {
      checkoutRef: checkout._id,
      replacedSessions: replaced.flatMap((old) =>
        old.stripeSessionId ? [old.stripeSessionId] : [],
      ),
    };
  },
});

export const attachSession = internalMutation({
  args: { checkoutRef: v.id("checkouts"), sessionId: v.string() },
  returns: v.null(),
  handler: async (ctx, { checkoutRef, sessionId }) => {
    const checkout = await ctx.db.get(checkoutRef);
    if (checkout !== null) await attachStripeSession(ctx, checkout, sessionId, Date.now());
    return null;
  },
});

/** The hold's end: scheduled at start; also used when the payment page could not be made. */
export const expire = internalMutation({
  args: { checkoutRef: v.id("checkouts"), message: v.optional(v.string()) },
  returns: v.boolean(),
  handler: async (ctx, { checkoutRef, message }) => {
    const checkout = await ctx.db.get(checkoutRef);
    if (checkout === null) return false;
    return await expireCheckout(ctx, checkout, Date.now(), message);
  },
});

export const getForSession = internalQuery({
  args: { checkoutRef: v.id("checkouts") },
  handler: async (ctx, { checkoutRef }) => await ctx.db.get(checkoutRef),
});

function returnUrls(slug: string, returnUrl: string | undefined) {
  const base =
    returnUrl ?? (process.env.SITE_URL ? `${process.env.SITE_URL}/s/${slug}/checkout` : "");
  let url: URL;
  try {
    url = new URL(base);
  } catch {
    throw invalid("Checkout needs a return address: pass returnUrl or set SITE_URL.");
  }
  if (!["http:", "https:"].includes(url.protocol) || base.length > 2_000) {
    throw invalid("The return address must be an http(s) URL.");
  }
  const withStatus = (status: string) => {
    const next = new URL(url);
    next.searchParams.set("checkout", status);
    return next.toString();
  };
  return { successUrl: withStatus("success"), cancelUrl: withStatus("cancelled") };
}

/**
 * Starts paying: validates the shopper's details, holds the cart at the price they saw (or
 * refuses: sold out, code used up, prices changed), then opens a Stripe Checkout Session, or in
 * offline mode waits for the test card. Returns the checkout's secret handle.
 */
export const start = publicAction({
  args: {
    slug: v.string(),
    visitorId: v.string(),
    items: cartItems,
    couponCode: v.optional(v.string()),
    email: v.string(),
    shippingAddress: address,
    expectedTotalCents: v.number(),
    returnUrl: v.optional(v.string()),
  },
  returns: v.union(
    v.object({ checkoutId: v.string(), mode: v.literal("stripe"), url: v.string() }),
    v.object({ checkoutId: v.string(), mode: v.literal("offline") }),
  ),
  handler: async (ctx, args) => {
    assertVisitorId(args.visitorId);
    normalizeItems(args.items);
    const email = normalizeEmail(args.email);
    const shippingAddress = normalizeAddress(args.shippingAddress);
    if (!Number.isSafeInteger(args.expectedTotalCents) || args.expectedTotalCents < 0) {
      throw invalid("expectedTotalCents must be a whole number of cents.");
    }
    const stripe = stripeFromEnv();
    const urls = stripe === null ? null : returnUrls(args.slug, args.returnUrl);
    const mode = stripe === null ? "offline" : "stripe";
    const checkoutId = newLinkSecret();
    const { checkoutRef, replacedSessions } = await ctx.runMutation(internal.checkout.open, {
      slug: args.slug,
      ...checkoutHashes(checkoutId),
      visitorId: args.visitorId,
      items: args.items,
      couponCode: args.couponCode,
      email,
      shippingAddress,
      expectedTotalCents: args.expectedTotalCents,
      mode,
    });
    if (stripe === null || urls === null) return { checkoutId, mode: "offline" as const };
    // Their holds are released; close the old payment pages too so they cannot be paid.
    // Best effort: a late payment on one is still handled by the webhook (re-take or refund).
    for (const sessionId of replacedSessions) {
      await expireStripeSession(stripe, sessionId);
    }

    const checkout = (await ctx.runQuery(internal.checkout.getForSession, { checkoutRef }))!;
    let session: { id: string; url: string };
    try {
      session = await createCheckoutSession(stripe, checkout, urls, Date.now());
    } catch (error) {
      await ctx.runMutation(internal.checkout.expire, {
        checkoutRef,
        message: "The payment page could not be opened.",
      });
      console.error("Stripe Checkout Session failed", error);
      throw conflict(
        "The payment service did not answer, so nothing was charged and your items are back " +
          "in stock. Try again in a moment.",
      );
    }
    await ctx.runMutation(internal.checkout.attachSession, { checkoutRef, sessionId: session.id });
    return { checkoutId, mode: "stripe" as const, url: session.url };
  },
});

/**
 * Offline test-payment mode only (no STRIPE_SECRET_KEY): 4242 4242 4242 4242 pays, 4000 0000
 * 0000 0002 is declined. Paying twice returns the same order.
 */
export const payOffline = publicMutation({
  args: { slug: v.string(), checkoutId: v.string(), cardNumber: v.string() },
  returns: v.object({ orderNumber: v.number(), receiptToken: v.string() }),
  handler: async (ctx, { slug, checkoutId, cardNumber }) => {
    const store = await storeX(ctx, slug);
    if (paymentMode() !== "offline") {
      throw invalid("This store takes real payments through Stripe; test cards are off.");
    }
    const checkout = await checkoutByHandle(ctx, store._id, checkoutId);
    if (checkout === null) throw notFound("Checkout");
    const receiptToken = receiptTokenFor(checkoutId);
    if (checkout.status === "paid") return { orderNumber: checkout.orderNumber!, receiptToken };
    if (checkout.mode !== "offline") throw invalid("This checkout is paid through Stripe.");
    if (checkout.status !== "open") {
      throw conflict(checkout.message ?? "This checkout has ended. Start again from your cart.");
    }
    const outcome = offlineCardOutcome(cardNumber);
    if (outcome === "declined") {
      throw invalid("Your card was declined (test card 4000 0000 0000 0002). Nothing was charged.");
    }
    if (outcome === "unknown") {
      throw invalid("Test-payment mode: no real card is charged. Use 4242 4242 4242 4242.");
    }
    const order = await completeCheckout(ctx, checkout, {
      paymentRef: `offline_test_${checkout._id}`,
      actor: SYSTEM,
      now: Date.now(),
    });
    // Offline nothing was charged, so a checkout that cannot become an order is simply refused.
    if (order === null) throw conflict("An item in your cart is no longer sold. Review your cart.");
    return { orderNumber: order.number, receiptToken };
  },
});

/** Where a checkout stands; the Stripe return page watches this live. Null when unknown. */
export const status = publicQuery({
  args: { slug: v.string(), checkoutId: v.string() },
  returns: v.union(
    v.null(),
    v.object({
      status: checkoutStatus,
      orderNumber: v.optional(v.number()),
      receiptToken: v.optional(v.string()),
      message: v.optional(v.string()),
    }),
  ),
  handler: async (ctx, { slug, checkoutId }) => {
    const store = await getStoreBySlug(ctx, slug);
    if (store === null) return null;
    const checkout = await checkoutByHandle(ctx, store._id, checkoutId);
    if (checkout === null) return null;
    if (checkout.status === "paid") {
      return {
        status: checkout.status,
        orderNumber: checkout.orderNumber,
        receiptToken: receiptTokenFor(checkoutId),
      };
    }
    return { status: checkout.status, message: checkout.message };
  },
});

const receiptResult = v.object({
  number: v.number(),
  placedAt: v.number(),
  status: orderStatus,
  currency: v.string(),
  lines: v.array(
    v.object({
      title: v.string(),
      variantTitle: v.string(),
      quantity: v.number(),
      unitPriceCents: v.number(),
      totalCents: v.number(),
    }),
  ),
  subtotalCents: v.number(),
  discountCents: v.number(),
  shippingCents: v.number(),
  taxCents: v.number(),
  totalCents: v.number(),
  couponCode: v.optional(v.string()),
  email: v.string(),
  shipTo: v.object({ name: v.string(), city: v.string(), country: v.string() }),
  paymentMode: checkoutMode,
});

/** The confirmation page's summary, for the holder of the receipt token; null otherwise. */
export const receipt = publicQuery({
  args: { slug: v.string(), receiptToken: v.string() },
  returns: v.union(receiptResult, v.null()),
  handler: async (ctx, { slug, receiptToken }) => {
    const store = await getStoreBySlug(ctx, slug);
    if (store === null || !isCheckoutSecret(receiptToken)) return null;
    const checkout = await ctx.db
      .query("checkouts")
      .withIndex("by_store_receipt", (q) =>
        q.eq("storeId", store._id).eq("receiptHash", sha256Hex(receiptToken)),
      )
      .unique();
    if (checkout?.orderId === undefined) return null;
    const order = await ctx.db.get(checkout.orderId);
    if (order === null) return null;
    return {
      number: order.number,
      placedAt: order.placedAt,
      status: order.status,
      currency: order.currency,
      lines: checkout.lines.map((line) => ({
        title: line.title,
        variantTitle: line.variantTitle,
        quantity: line.quantity,
        unitPriceCents: line.unitPriceCents,
        totalCents: line.unitPriceCents * line.quantity,
      })),
      subtotalCents: order.subtotalCents,
      discountCents: order.discountCents,
      shippingCents: order.shippingCents,
      taxCents: order.taxCents,
      totalCents: order.totalCents,
      couponCode: order.couponCode,
      email: maskEmail(order.customer.email),
      shipTo: {
        name: order.shippingAddress.name,
        city: order.shippingAddress.city,
        country: order.shippingAddress.country,
      },
      paymentMode: checkout.mode,
    };
  },
});

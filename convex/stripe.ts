// Stripe, through the official SDK with its fetch client, so it runs in Convex's default
// runtime (no "use node"). Configured by STRIPE_SECRET_KEY and STRIPE_WEBHOOK_SECRET; without a
// key the storefront uses the clearly labelled offline test-payment mode instead.
// STRIPE_API_BASE (e.g. http://127.0.0.1:12111) points the SDK at another host: the tests' fake.
import { v } from "convex/values";
import Stripe from "stripe";
import type { Doc } from "./_generated/dataModel";
import { httpAction, internalMutation } from "./_generated/server";
import { internal } from "./_generated/api";
import { HOLD_MS } from "./model/checkout";
import { completeCheckout, expireCheckout } from "./model/checkouts";
import { recordWebhookEvent } from "./model/integrations";
import { markWebhookEvent, stripeSessionEvent } from "./model/stripeEvents";

/** The SDK's connection options from the environment (host/port/protocol of STRIPE_API_BASE). */
export function stripeConfig(): Stripe.StripeConfig {
  const config: Stripe.StripeConfig = {
    httpClient: Stripe.createFetchHttpClient(),
    maxNetworkRetries: 2,
    timeout: 20_000,
  };
  const base = process.env.STRIPE_API_BASE;
  if (base) {
    const url = new URL(base);
    config.host = url.hostname;
    config.protocol = url.protocol === "http:" ? "http" : "https";
    config.port = url.port || (url.protocol === "http:" ? 80 : 443);
  }
  return config;
}

/** The client when a key is configured; null means offline test-payment mode. */
export function stripeFromEnv(): Stripe | null {
  const key = process.env.STRIPE_SECRET_KEY;
  return key ? new Stripe(key, stripeConfig()) : null;
}

function productName(line: Doc<"checkouts">["lines"][number]): string {
  return line.variantTitle && line.variantTitle !== line.title
    ? `${line.title} — ${line.variantTitle}`
    : line.title;
}

/**
 * A Checkout Session charging exactly what the checkout priced: one line item per cart line
 * (price_data in the store's currency), shipping as a fixed-amount rate, a coupon's discount
 * as a one-off Stripe coupon. Idempotency keys make a retried call return the same objects.
 */
export async function createCheckoutSession(
  stripe: Stripe,
  checkout: Doc<"checkouts">,
  urls: { successUrl: string; cancelUrl: string },
  now: number,
): Promise<{ id: string; url: string }> {
  const currency = checkout.currency.toLowerCase();
  const params: Stripe.Checkout.SessionCreateParams = {
    mode: "payment",
    line_items: checkout.lines.map((line) => ({
      quantity: line.quantity,
      price_data: {
        currency,
        unit_amount: line.unitPriceCents,
        product_data: { name: productName(line) },
      },
    })),
    customer_email: checkout.customer.email,
    client_reference_id: checkout._id,
    metadata: { storeId: checkout.storeId, checkoutId: checkout._id },
    payment_intent_data: { metadata: { storeId: checkout.storeId, checkoutId: checkout._id } },
    success_url: urls.successUrl,
    cancel_url: urls.cancelUrl,
    // Stripe's minimum is 30 minutes; one more keeps clear of it. Our hold lasts longer.
    expires_at: Math.floor((now + HOLD_MS + 60_000) / 1000),
  };
  if (checkout.shippingCents > 0) {
    params.shipping_options = [
      {
        shipping_rate_data: {
          type: "fixed_amount",
          display_name: "Shipping",
          fixed_amount: { amount: checkout.shippingCents, currency },
        },
      },
    ];
  }
  if (checkout.discountCents > 0) {
    const coupon = await stripe.coupons.create(
      {
        amount_off: checkout.discountCents,
        currency,
        duration: "once",
        max_redemptions: 1,
        name: checkout.couponCode ?? "Discount",
      },
      { idempotencyKey: `coupon_${checkout._id}` },
    );
    params.discounts = [{ coupon: coupon.id }];
  }
  const session = await stripe.checkout.sessions.create(params, {
    idempotencyKey: `checkout_${checkout._id}`,
  });
  if (!session.url) throw new Error("Stripe returned a Checkout Session without a url.");
  return { id: session.id, url: session.url };
}

/** Closes a session's payment page; a session already completed or expired is left as is. */
export async function expireStripeSession(stripe: Stripe, sessionId: string): Promise<boolean> {
  try {
    await stripe.checkout.sessions.expire(sessionId);
    return true;
  } catch (error) {
    console.warn(`Could not expire Stripe session ${sessionId}`, error);
    return false;
  }
}

function reply(status: number, body: Record<string, unknown>): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json" },
  });
}

/**
 * POST /stripe/webhook. The signature is checked by the SDK against STRIPE_WEBHOOK_SECRET
 * before anything is read or written; a forged or altered event gets 400 and changes nothing.
 * Each verified event is recorded once (replays answer 200 and are ignored).
 */
export const webhook = httpAction(async (ctx, request) => {
  const secret = process.env.STRIPE_WEBHOOK_SECRET;
  if (!secret) return reply(400, { error: "Stripe webhooks are not configured." });
  const signature = request.headers.get("stripe-signature");
  if (signature === null) return reply(400, { error: "Missing Stripe-Signature header." });
  const body = await request.text();
  let event: Stripe.Event;
  try {
    event = await Stripe.webhooks.constructEventAsync(
      body,
      signature,
      secret,
      undefined,
      Stripe.createSubtleCryptoProvider(),
    );
  } catch {
    return reply(400, { error: "Invalid Stripe signature." });
  }
  const parsed = stripeSessionEvent(event);
  if (parsed === null) return reply(200, { received: true, ignored: event.type });
  const result = await ctx.runMutation(internal.stripe.applySessionEvent, {
    ...parsed,
    payloadJson: body.length > 100_000 ? body.slice(0, 100_000) : body,
  });
  return reply(200, { received: true, result });
});

/**
 * One verified session event, in one transaction: the event is recorded (a replay stops here),
 * and a paid session becomes its order (stock, coupon, A/B purchase, counters together) or an
 * expired one gives its hold back.
 */
export const applySessionEvent = internalMutation({
  args: {
    eventId: v.string(),
    type: v.string(),
    outcome: v.union(v.literal("paid"), v.literal("expired")),
    storeId: v.string(),
    checkoutRef: v.string(),
    sessionId: v.string(),
    amountTotal: v.optional(v.number()),
    payloadJson: v.string(),
  },
  returns: v.union(
    v.literal("processed"),
    v.literal("duplicate"),
    v.literal("ignored"),
    v.literal("failed"),
  ),
  handler: async (ctx, args) => {
    const now = Date.now();
    const storeId = ctx.db.normalizeId("stores", args.storeId);
    if (storeId === null || (await ctx.db.get(storeId)) === null) return "ignored";
    const recorded = await recordWebhookEvent(ctx, {
      storeId,
      provider: "stripe",
      externalEventId: args.eventId,
      topic: args.type,
      payloadJson: args.payloadJson,
      receivedAt: now,
    });
    if (recorded.duplicate) return "duplicate";
    const ref = ctx.db.normalizeId("checkouts", args.checkoutRef);
    const checkout = ref === null ? null : await ctx.db.get(ref);
    if (
      checkout === null ||
      checkout.storeId !== storeId ||
      (checkout.stripeSessionId !== undefined && checkout.stripeSessionId !== args.sessionId)
    ) {
      await markWebhookEvent(ctx, recorded.eventId, "ignored", now, "No matching checkout.");
      return "ignored";
    }
    if (args.outcome === "expired") {
      const message =
        args.type === "checkout.session.async_payment_failed"
          ? "Your bank did not complete the payment, so nothing was charged. Try again."
          : "The payment page expired before it was paid. Your cart is still there: start again.";
      await expireCheckout(ctx, checkout, now, message);
      await markWebhookEvent(ctx, recorded.eventId, "processed", now);
      return "processed";
    }
    const order = await completeCheckout(ctx, checkout, {
      paymentRef: args.sessionId,
      actor: { kind: "webhook" },
      now,
    });
    if (order === null) {
      const why = "Paid after the hold lapsed and the stock was gone: refund the payment.";
      await markWebhookEvent(ctx, recorded.eventId, "failed", now, why);
      return "failed";
    }
    const mismatch =
      args.amountTotal !== undefined && args.amountTotal !== order.totalCents
        ? `Stripe charged ${args.amountTotal}, the order totals ${order.totalCents}.`
        : undefined;
    await markWebhookEvent(ctx, recorded.eventId, "processed", now, mismatch);
    return "processed";
  },
});

/**
 * Refunds `amountCents` of an order's payment. `paymentRef` is what checkout stored: the
 * Checkout Session id (its payment intent is looked up) or a payment intent id. The idempotency
 * key names the return and the payment, so however often this is retried Stripe refunds once.
 */
export async function refundPayment(
  stripe: Stripe,
  paymentRef: string,
  amountCents: number,
  returnId: string,
): Promise<{ id: string; status: string | null }> {
  let paymentIntent = paymentRef;
  if (paymentRef.startsWith("cs_")) {
    const session = await stripe.checkout.sessions.retrieve(paymentRef);
    const intent = session.payment_intent;
    if (!intent) throw new Error("This Checkout Session has no payment to refund.");
    paymentIntent = typeof intent === "string" ? intent : intent.id;
  }
  const refund = await stripe.refunds.create(
    { payment_intent: paymentIntent, amount: amountCents, metadata: { returnId } },
    // With the payment intent too: return ids are per deployment, a Stripe account is not.
    { idempotencyKey: `refund_${returnId}_${paymentIntent}` },
  );
  return { id: refund.id, status: refund.status };
}

// The real Stripe client code (convex/stripe.ts, the official SDK with its fetch client)
// against a local fake of the Stripe API, and the webhook route with real signatures.
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { takeStock } from "../../convex/model/products";
import { stripeFromEnv } from "../../convex/stripe";
import { type FakeStripe, sessionEvent, signWebhook, startFakeStripe } from "../fakes/stripe";
import {
  addCoupon,
  CARD_OK,
  line,
  orderCount,
  type Shop,
  shop,
  startAtQuote,
  stockOf,
} from "./checkoutFixture";
import { kindOf } from "./setup";

const WEBHOOK_SECRET = "whsec_test_secret";
let fake: FakeStripe;

beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.failNext(0);
  vi.stubEnv("STRIPE_SECRET_KEY", fake.apiKey);
  vi.stubEnv("STRIPE_API_BASE", fake.url);
  vi.stubEnv("STRIPE_WEBHOOK_SECRET", WEBHOOK_SECRET);
  vi.stubEnv("SITE_URL", "https://shop.example");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function deliver(s: Shop, event: unknown, signature?: string) {
  const payload = JSON.stringify(event);
  const response = await s.t.fetch("/stripe/webhook", {
    method: "POST",
    headers: {
      "content-type": "application/json",
      "stripe-signature": signature ?? signWebhook(payload, WEBHOOK_SECRET),
    },
    body: payload,
  });
  return { status: response.status, body: (await response.json()) as Record<string, unknown> };
}

async function webhookRows(s: Shop) {
  return await s.t.run(async (ctx) => ctx.db.query("webhookEvents").collect());
}

async function checkoutRow(s: Shop) {
  return (await s.t.run(async (ctx) => ctx.db.query("checkouts").first()))!;
}

describe("Stripe Checkout Session", () => {
  test("start creates a session at the fake with our prices, metadata and urls", async () => {
    const s = await shop();
    const quote = await s.t.query(api.checkout.quote, {
      slug: s.slug,
      visitorId: "visitor-0001",
      items: [line(s, "lamp"), line(s, "mug", 2)],
    });
    expect(quote.paymentMode).toBe("stripe");
    const started = await startAtQuote(s, [line(s, "lamp"), line(s, "mug", 2)]);
    expect(started.mode).toBe("stripe");
    const [request] = fake.requests;
    expect(fake.requests).toHaveLength(1);
    expect(request).toMatchObject({
      method: "POST",
      path: "/v1/checkout/sessions",
      authorization: `Bearer ${fake.apiKey}`,
    });
    expect(request.idempotencyKey).toMatch(/^checkout_/);
    const row = await checkoutRow(s);
    expect(request.body).toMatchObject({
      mode: "payment",
      customer_email: "ada@example.com",
      client_reference_id: row._id,
      metadata: { storeId: s.storeId, checkoutId: row._id },
      line_items: [
        {
          quantity: "1",
          price_data: {
            currency: "usd",
            unit_amount: "4500",
            product_data: { name: "Lamp — Default" },
          },
        },
        {
          quantity: "2",
          price_data: {
            currency: "usd",
            unit_amount: "1200",
            product_data: { name: "Mug — Default" },
          },
        },
      ],
      shipping_options: [
        {
          shipping_rate_data: {
            type: "fixed_amount",
            fixed_amount: { amount: "500", currency: "usd" },
          },
        },
      ],
    });
    expect(request.body.success_url).toBe(
      `https://shop.example/s/${s.slug}/checkout?checkout=success`,
    );
    expect(request.body.cancel_url).toBe(
      `https://shop.example/s/${s.slug}/checkout?checkout=cancelled`,
    );
    const expiresAt = Number(request.body.expires_at) * 1000;
    expect(expiresAt - Date.now()).toBeGreaterThan(30 * 60 * 1000);
    expect(expiresAt - Date.now()).toBeLessThan(32 * 60 * 1000);

    const session = fake.sessions.get(row.stripeSessionId!)!;
    expect(started).toMatchObject({ url: session.url });
    expect(session.amount_total).toBe(quote.totalCents);
  });

  test("a coupon becomes a one-off Stripe coupon so Stripe charges our total", async () => {
    const s = await shop();
    await addCoupon(s, { code: "TENOFF", discount: { kind: "fixed", amountCents: 1_000 } });
    await startAtQuote(s, [line(s, "lamp")], { couponCode: "tenoff" });
    expect(fake.requests.map((r) => r.path)).toEqual(["/v1/coupons", "/v1/checkout/sessions"]);
    expect(fake.requests[0].body).toMatchObject({
      amount_off: "1000",
      currency: "usd",
      duration: "once",
      max_redemptions: "1",
    });
    const session = [...fake.sessions.values()].at(-1)!;
    expect(fake.requests[1].body.discounts).toEqual([{ coupon: expect.stringMatching(/^co_/) }]);
    expect(session.amount_total).toBe(4_500 - 1_000 + 500);
  });

  test("Stripe down: a clear error, the stock and the code go back", async () => {
    const s = await shop();
    const couponId = await addCoupon(s, {
      code: "ONCE",
      discount: { kind: "fixed", amountCents: 100 },
      maxRedemptions: 1,
    });
    fake.failNext(10);
    expect(await kindOf(startAtQuote(s, [line(s, "lamp")], { couponCode: "ONCE" }))).toBe(
      "CONFLICT",
    );
    // The SDK retried the 500s (maxNetworkRetries: 2) before giving up.
    expect(fake.requests.map((r) => r.path)).toEqual(Array(3).fill("/v1/coupons"));
    expect(await stockOf(s, "lamp")).toBe(1);
    expect((await s.t.run(async (ctx) => ctx.db.get(couponId)))!.redemptions).toBe(0);
    expect((await checkoutRow(s)).status).toBe("expired");
  });

  test("the client is configured from the environment and reads sessions back", async () => {
    const s = await shop();
    await startAtQuote(s, [line(s, "mug")]);
    const row = await checkoutRow(s);
    const stripe = stripeFromEnv()!;
    const session = await stripe.checkout.sessions.retrieve(row.stripeSessionId!);
    expect(session).toMatchObject({ id: row.stripeSessionId, object: "checkout.session" });
    expect(fake.requests.at(-1)).toMatchObject({
      method: "GET",
      path: `/v1/checkout/sessions/${row.stripeSessionId}`,
      authorization: `Bearer ${fake.apiKey}`,
    });
    vi.stubEnv("STRIPE_SECRET_KEY", "");
    expect(stripeFromEnv()).toBeNull();
  });

  test("starting again expires the shopper's earlier payment page at Stripe", async () => {
    const s = await shop();
    await startAtQuote(s, [line(s, "lamp")]);
    const oldSession = (await checkoutRow(s)).stripeSessionId!;
    fake.requests.length = 0;
    const again = await startAtQuote(s, [line(s, "lamp")]);
    expect(again.mode).toBe("stripe");
    expect(fake.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      `POST /v1/checkout/sessions/${oldSession}/expire`,
      "POST /v1/checkout/sessions",
    ]);
    expect(fake.sessions.get(oldSession)!.status).toBe("expired");
    expect(await stockOf(s, "lamp")).toBe(0);
  });

  test("a shopper's return URL is used; without one or SITE_URL, nothing is held", async () => {
    const s = await shop();
    await startAtQuote(s, [line(s, "mug")], {});
    fake.requests.length = 0;
    const quote = await s.t.query(api.checkout.quote, {
      slug: s.slug,
      visitorId: "visitor-0002",
      items: [line(s, "mug")],
    });
    const start = (returnUrl?: string) =>
      s.t.action(api.checkout.start, {
        slug: s.slug,
        visitorId: "visitor-0002",
        items: [line(s, "mug")],
        email: "ada@example.com",
        shippingAddress: { name: "Ada", line1: "1 St", city: "X", postalCode: "1", country: "GB" },
        expectedTotalCents: quote.totalCents,
        returnUrl,
      });
    await start("https://shop.example/s/x/checkout/return?from=cart");
    expect(fake.requests.at(-1)!.body.success_url).toBe(
      "https://shop.example/s/x/checkout/return?from=cart&checkout=success",
    );
    expect(await kindOf(start("javascript:alert(1)"))).toBe("INVALID");
    vi.stubEnv("SITE_URL", "");
    const stock = await stockOf(s, "mug");
    expect(await kindOf(start())).toBe("INVALID");
    expect(await stockOf(s, "mug")).toBe(stock);
  });

  test("test cards are refused when real payments are on", async () => {
    const s = await shop();
    const started = await startAtQuote(s, [line(s, "mug")]);
    expect(
      await kindOf(
        s.t.mutation(api.checkout.payOffline, {
          slug: s.slug,
          checkoutId: started.checkoutId,
          cardNumber: CARD_OK,
        }),
      ),
    ).toBe("INVALID");
    expect(await orderCount(s)).toBe(0);
  });
});

describe("Stripe webhook", () => {
  test("our signature matches the SDK's test header for the same payload and time", async () => {
    const payload = JSON.stringify({ id: "evt_1", object: "event" });
    const timestamp = 1_700_000_000;
    const sdk = await Stripe.webhooks.generateTestHeaderStringAsync({
      payload,
      secret: WEBHOOK_SECRET,
      timestamp,
    });
    expect(signWebhook(payload, WEBHOOK_SECRET, timestamp)).toBe(sdk);
  });

  test("a bad signature is answered 400 and writes nothing", async () => {
    const s = await shop();
    const started = await startAtQuote(s, [line(s, "lamp")]);
    const session = fake.sessions.get((await checkoutRow(s)).stripeSessionId!)!;
    const event = sessionEvent("checkout.session.completed", session);
    const forged = await deliver(s, event, signWebhook(JSON.stringify(event), "whsec_wrong"));
    expect(forged.status).toBe(400);
    const stale = await deliver(
      s,
      event,
      signWebhook(JSON.stringify(event), WEBHOOK_SECRET, Math.floor(Date.now() / 1000) - 3_600),
    );
    expect(stale.status).toBe(400);
    const garbage = await deliver(s, event, "t=1,v1=deadbeef");
    expect(garbage.status).toBe(400);
    expect(await webhookRows(s)).toEqual([]);
    expect(await orderCount(s)).toBe(0);
    expect(
      (await s.t.query(api.checkout.status, { slug: s.slug, checkoutId: started.checkoutId }))!
        .status,
    ).toBe("open");
  });

  test("a paid session makes one order; a replay and a second event are recorded and ignored", async () => {
    const s = await shop();
    const started = await startAtQuote(s, [line(s, "lamp")]);
    const session = fake.sessions.get((await checkoutRow(s)).stripeSessionId!)!;
    const event = sessionEvent("checkout.session.completed", session);

    const first = await deliver(s, event);
    expect(first).toEqual({ status: 200, body: { received: true, result: "processed" } });
    const replay = await deliver(s, event);
    expect(replay).toEqual({ status: 200, body: { received: true, result: "duplicate" } });
    // Stripe may also send a second, different event for the same session.
    const second = await deliver(s, sessionEvent("checkout.session.completed", session));
    expect(second.status).toBe(200);

    expect(await orderCount(s)).toBe(1);
    expect(await stockOf(s, "lamp")).toBe(0);
    const rows = await webhookRows(s);
    expect(rows.map((r) => [r.provider, r.topic, r.status])).toEqual([
      ["stripe", "checkout.session.completed", "processed"],
      ["stripe", "checkout.session.completed", "processed"],
    ]);
    const status = await s.t.query(api.checkout.status, {
      slug: s.slug,
      checkoutId: started.checkoutId,
    });
    expect(status).toMatchObject({ status: "paid", orderNumber: expect.any(Number) });
    const receipt = await s.t.query(api.checkout.receipt, {
      slug: s.slug,
      receiptToken: status!.receiptToken!,
    });
    expect(receipt).toMatchObject({ totalCents: 5_000, paymentMode: "stripe" });
    const order = await s.t.run(async (ctx) => ctx.db.query("orders").first());
    expect(order!.paymentRef).toBe(session.id);
  });

  test("an expired session gives the hold back; an unpaid completion does nothing", async () => {
    const s = await shop();
    await startAtQuote(s, [line(s, "lamp")]);
    const session = fake.sessions.get((await checkoutRow(s)).stripeSessionId!)!;
    const unpaid = sessionEvent("checkout.session.completed", session);
    (unpaid.data as { object: Record<string, unknown> }).object.payment_status = "unpaid";
    expect((await deliver(s, unpaid)).status).toBe(200);
    expect(await stockOf(s, "lamp")).toBe(0);

    const expired = await deliver(s, sessionEvent("checkout.session.expired", session));
    expect(expired.body).toEqual({ received: true, result: "processed" });
    expect(await stockOf(s, "lamp")).toBe(1);
    expect((await checkoutRow(s)).status).toBe("expired");
    expect(await orderCount(s)).toBe(0);
  });

  test("a delayed payment that fails gives the hold back and says why", async () => {
    const s = await shop();
    const started = await startAtQuote(s, [line(s, "lamp")]);
    const session = fake.sessions.get((await checkoutRow(s)).stripeSessionId!)!;
    const failed = await deliver(s, sessionEvent("checkout.session.async_payment_failed", session));
    expect(failed.body).toEqual({ received: true, result: "processed" });
    expect(await stockOf(s, "lamp")).toBe(1);
    expect(
      await s.t.query(api.checkout.status, { slug: s.slug, checkoutId: started.checkoutId }),
    ).toEqual({
      status: "expired",
      message: "Your bank did not complete the payment, so nothing was charged. Try again.",
    });
  });

  test("payment arriving after the hold lapsed: an order if stock remains", async () => {
    const s = await shop([{ slug: "mug", priceCents: 1_200, stock: 5 }]);
    await startAtQuote(s, [line(s, "mug", 2)]);
    const session = fake.sessions.get((await checkoutRow(s)).stripeSessionId!)!;
    await deliver(s, sessionEvent("checkout.session.expired", session));
    expect(await stockOf(s, "mug")).toBe(5);
    const paid = await deliver(s, sessionEvent("checkout.session.completed", session));
    expect(paid.body.result).toBe("processed");
    expect(await orderCount(s)).toBe(1);
    expect(await stockOf(s, "mug")).toBe(3);
  });

  test("payment after the hold lapsed and the stock sold: failed, recorded, no order", async () => {
    const s = await shop([{ slug: "lamp", priceCents: 4_500, stock: 1 }]);
    await startAtQuote(s, [line(s, "lamp")]);
    const row = await checkoutRow(s);
    const session = fake.sessions.get(row.stripeSessionId!)!;
    await deliver(s, sessionEvent("checkout.session.expired", session));
    await s.t.run(async (ctx) => {
      const lamp = (await ctx.db.get(s.products.lamp))!;
      // Someone else bought it (through the one writer, as a storefront order would).
      await takeStock(
        ctx,
        s.storeId,
        [{ productId: lamp._id, sku: "LAMP", quantity: 1 }],
        Date.now(),
      );
    });
    const paid = await deliver(s, sessionEvent("checkout.session.completed", session));
    expect(paid.body.result).toBe("failed");
    expect(await orderCount(s)).toBe(0);
    const after = await checkoutRow(s);
    expect(after.status).toBe("failed");
    expect(after.message).toMatch(/refund/);
  });

  test("a product deleted while held: the paid event is recorded as failed, not retried forever", async () => {
    const s = await shop();
    await startAtQuote(s, [line(s, "lamp")]);
    const session = fake.sessions.get((await checkoutRow(s)).stripeSessionId!)!;
    await s.t.run(async (ctx) => ctx.db.delete(s.products.lamp));
    const paid = await deliver(s, sessionEvent("checkout.session.completed", session));
    expect(paid).toEqual({ status: 200, body: { received: true, result: "failed" } });
    expect(await orderCount(s)).toBe(0);
    expect((await checkoutRow(s)).message).toMatch(/no longer sold.*refund/);
    expect((await webhookRows(s)).map((r) => r.status)).toEqual(["failed"]);
  });

  test("without a webhook secret the route refuses everything", async () => {
    const s = await shop();
    vi.stubEnv("STRIPE_WEBHOOK_SECRET", "");
    const result = await deliver(s, { id: "evt_x", type: "checkout.session.completed" });
    expect(result.status).toBe(400);
    expect(await webhookRows(s)).toEqual([]);
  });
});

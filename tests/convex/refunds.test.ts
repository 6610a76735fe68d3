// Refunds through the real Stripe client (SDK) against the local fake: a double click, a retry
// and a replayed action all end in exactly one refund at Stripe.
import Stripe from "stripe";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import { refundPayment, stripeConfig } from "../../convex/stripe";
import { type FakeStripe, startFakeStripe } from "../fakes/stripe";
import { orderRow, ship, shopWithOrder, theReturn, type OrderShop } from "./returnsFixture";
import { kindOf } from "./setup";

let fake: FakeStripe;
beforeAll(async () => {
  fake = await startFakeStripe();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.refunds.length = 0;
  fake.failNext(0);
  vi.stubEnv("STRIPE_SECRET_KEY", fake.apiKey);
  vi.stubEnv("STRIPE_API_BASE", fake.url);
});
afterEach(() => vi.unstubAllEnvs());

/** A Checkout Session at the fake, as checkout would have made it; its id is the paymentRef. */
async function paidSession(amountCents: number): Promise<string> {
  const stripe = new Stripe(fake.apiKey, stripeConfig());
  const session = await stripe.checkout.sessions.create({
    mode: "payment",
    success_url: "https://shop.example/ok",
    line_items: [
      {
        quantity: 1,
        price_data: { currency: "usd", unit_amount: amountCents, product_data: { name: "Order" } },
      },
    ],
  });
  return session.id;
}

/** Lets the scheduled refund action run to the end. */
async function settle(s: OrderShop, until: "refunded" | "any" = "any") {
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await s.t.finishInProgressScheduledFunctions();
    const ret = await theReturn(s);
    if (ret.status === "refunded" || (until === "any" && ret.refundError)) return ret;
  }
  return await theReturn(s);
}

async function approvedReturn() {
  const s = await shopWithOrder(await paidSession(5_000));
  // The fake's session charged 5,000; the order totals 9,400: refund its lamp only.
  await ship(s);
  await s.t.mutation(api.returns.request, {
    slug: s.slug,
    number: String(s.number),
    email: "ada@example.com",
    reason: "Broken",
    items: [{ sku: "LAMP", quantity: 1 }],
  });
  return s;
}

describe("refunds through Stripe", () => {
  test("double-clicked approve → one refund at Stripe, recorded once", async () => {
    const s = await approvedReturn();
    const returnId = (await theReturn(s))._id;
    const approve = () =>
      s.owner.mutation(api.returns.approve, { storeId: s.storeId, returnId, restock: false });
    const [first, second] = await Promise.allSettled([approve(), approve()]);
    expect([first.status, second.status].sort()).toEqual(["fulfilled", "rejected"]);
    expect(await kindOf(approve())).toBe("CONFLICT");
    const ret = await settle(s);
    expect(ret.status).toBe("refunded");
    expect(fake.refunds).toHaveLength(1);
    expect(fake.refunds[0]).toMatchObject({ amount: 4_500, metadata: { returnId } });
    expect(ret.paymentRefundRef).toBe(fake.refunds[0].id);
    const call = fake.requests.find((r) => r.path === "/v1/refunds")!;
    expect(call.idempotencyKey).toBe(`refund_${returnId}_${call.body.payment_intent}`);
    // A partial refund leaves the order shipped.
    expect((await orderRow(s)).status).toBe("shipped");
    // A replayed action (a retry after a crash) changes nothing more.
    await s.t.action(internal.returns.refund, { storeId: s.storeId, returnId });
    expect(fake.refunds).toHaveLength(1);
  });

  test("the same refund asked twice of Stripe is one refund (idempotency key)", async () => {
    const session = await paidSession(3_000);
    const stripe = new Stripe(fake.apiKey, stripeConfig());
    const a = await refundPayment(stripe, session, 1_000, "ret_1");
    const b = await refundPayment(stripe, session, 1_000, "ret_1");
    expect(b.id).toBe(a.id);
    expect(fake.refunds).toHaveLength(1);
    // More than was paid is Stripe's error, surfaced.
    await expect(refundPayment(stripe, session, 5_000, "ret_2")).rejects.toThrow(/greater/);
  });

  test("Stripe down: the return stays approved with the reason; a retry refunds once", async () => {
    const s = await approvedReturn();
    const returnId = (await theReturn(s))._id;
    fake.failNext(10); // more than the SDK's own retries
    await s.owner.mutation(api.returns.approve, { storeId: s.storeId, returnId, restock: false });
    const failed = await settle(s);
    expect(failed.status).toBe("approved");
    expect(failed.refundError).toMatch(/.+/);
    expect(fake.refunds).toHaveLength(0);
    fake.failNext(0);
    await s.owner.mutation(api.returns.retryRefund, { storeId: s.storeId, returnId });
    const done = await settle(s, "refunded");
    expect(done.status).toBe("refunded");
    expect(done.refundError).toBeUndefined();
    expect(fake.refunds).toHaveLength(1);
  });
});

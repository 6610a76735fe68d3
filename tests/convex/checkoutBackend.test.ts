// @vitest-environment node
// The same checkout on the embedded backend (local-backend/), as `npm start` runs it: the real
// convex/ folder bundled by the backend, the Stripe SDK inside it talking to the local fake over
// the network, and the webhook served as an HTTP action on the site port. What convex-test
// proves in-process must also hold where the product actually runs.
import { ConvexHttpClient } from "convex/browser";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, beforeAll, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { startBackend } from "../../local-backend/index.js";
import type { RunningBackend } from "../../local-backend/index.js";
import { type FakeStripe, sessionEvent, signWebhook, startFakeStripe } from "../fakes/stripe";

const WEBHOOK_SECRET = "whsec_backend_test";
const SLUG = "demo";
const ADDRESS = {
  name: "Grace Hopper",
  line1: "1 Navy Way",
  city: "Arlington",
  postalCode: "22202",
  country: "US",
};

let fake: FakeStripe;
let backend: RunningBackend;
let dataDir: string;
let client: ConvexHttpClient;

beforeAll(async () => {
  fake = await startFakeStripe();
  dataDir = await mkdtemp(join(tmpdir(), "checkout-backend-"));
  backend = await startBackend({
    functionsDir: resolve(import.meta.dirname, "../../convex"),
    dataDir,
    port: 0,
    sitePort: 0,
    quiet: true,
    env: {
      STRIPE_SECRET_KEY: fake.apiKey,
      STRIPE_API_BASE: fake.url,
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      SITE_URL: "http://shop.local",
    },
  });
  await backend.run("seed:demoStore", { days: 3, eventDays: 1 });
  client = new ConvexHttpClient(backend.url);
}, 240_000);

afterAll(async () => {
  await backend?.close();
  await fake?.close();
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
  for (const key of ["STRIPE_SECRET_KEY", "STRIPE_API_BASE", "STRIPE_WEBHOOK_SECRET", "SITE_URL"]) {
    delete process.env[key];
  }
});

async function inStockProduct() {
  const page = await client.query(api.storefront.products, {
    slug: SLUG,
    paginationOpts: { numItems: 50, cursor: null },
  });
  const product = page.page.find((p) => p.variants.some((v) => v.stock >= 2))!;
  const variant = product.variants.find((v) => v.stock >= 2)!;
  return { product, variant };
}

test("Stripe checkout on the embedded backend: session at the fake, signed webhook, one order", async () => {
  const { product, variant } = await inStockProduct();
  const items = [{ productId: product._id, sku: variant.sku, quantity: 2 }];
  const visitorId = "backend-visitor-1";
  const quote = await client.query(api.checkout.quote, { slug: SLUG, visitorId, items });
  expect(quote.paymentMode).toBe("stripe");
  expect(quote.lines[0].problem).toBeUndefined();

  const started = await client.action(api.checkout.start, {
    slug: SLUG,
    visitorId,
    items,
    email: "grace@example.com",
    shippingAddress: ADDRESS,
    expectedTotalCents: quote.totalCents,
  });
  expect(started.mode).toBe("stripe");
  const create = fake.requests.find((r) => r.path === "/v1/checkout/sessions")!;
  expect(create.authorization).toBe(`Bearer ${fake.apiKey}`);
  expect(create.body.line_items).toEqual([
    expect.objectContaining({
      quantity: "2",
      price_data: expect.objectContaining({ unit_amount: String(variant.priceCents) }),
    }),
  ]);
  const session = [...fake.sessions.values()].at(-1)!;
  expect(session.amount_total).toBe(quote.totalCents);

  const event = sessionEvent("checkout.session.completed", session);
  const payload = JSON.stringify(event);
  const post = (signature: string) =>
    fetch(`${backend.siteUrl}/stripe/webhook`, {
      method: "POST",
      headers: { "content-type": "application/json", "stripe-signature": signature },
      body: payload,
    });
  expect((await post(signWebhook(payload, "whsec_forged"))).status).toBe(400);
  expect(
    await client.query(api.checkout.status, { slug: SLUG, checkoutId: started.checkoutId }),
  ).toEqual({ status: "open" });

  const delivered = await post(signWebhook(payload, WEBHOOK_SECRET));
  expect(delivered.status).toBe(200);
  expect(await delivered.json()).toEqual({ received: true, result: "processed" });
  const replay = await post(signWebhook(payload, WEBHOOK_SECRET));
  expect(await replay.json()).toEqual({ received: true, result: "duplicate" });

  const status = await client.query(api.checkout.status, {
    slug: SLUG,
    checkoutId: started.checkoutId,
  });
  expect(status).toMatchObject({ status: "paid", orderNumber: expect.any(Number) });
  const receipt = await client.query(api.checkout.receipt, {
    slug: SLUG,
    receiptToken: status!.receiptToken!,
  });
  expect(receipt).toMatchObject({
    number: status!.orderNumber,
    totalCents: quote.totalCents,
    email: "g***@example.com",
  });
  const after = await client.query(api.storefront.product, {
    slug: SLUG,
    productSlug: product.slug,
  });
  expect(after!.variants.find((v) => v.sku === variant.sku)!.stock).toBe(variant.stock - 2);
}, 120_000);

test("a tampered total is refused on the embedded backend too", async () => {
  const { product, variant } = await inStockProduct();
  const call = client.action(api.checkout.start, {
    slug: SLUG,
    visitorId: "backend-visitor-2",
    items: [{ productId: product._id, sku: variant.sku, quantity: 1 }],
    email: "grace@example.com",
    shippingAddress: ADDRESS,
    expectedTotalCents: 1,
  });
  await expect(call).rejects.toThrow(/Prices changed since you opened your cart/);
}, 60_000);

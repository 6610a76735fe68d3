// The real CJ client (convex/cj.ts) against a local fake of CJ's API 2.0, and automatic
// ordering: scheduled for orders whose lines all have auto rules, placed once however often
// it runs or fails, failures shown on the order with what to do next.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { type CjConfig, createOrderV2, getAccessToken } from "../../convex/cj";
import { type FakeCj, startFakeCj } from "../fakes/cj";
import { kindOf } from "./setup";
import { supplierShop } from "./suppliersFixture";

let fake: FakeCj;
beforeAll(async () => {
  fake = await startFakeCj();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.requests.length = 0;
  fake.orders.clear();
  fake.failNext(0);
  vi.stubEnv("CJ_API_KEY", fake.apiKey);
  vi.stubEnv("CJ_API_BASE", fake.url);
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const plan = {
  idempotencyKey: "NW1001-abcdefgh",
  attempt: 1,
  orderNumber: 1001,
  email: "ann@shopper.test",
  address: {
    name: "Ann Shopper",
    line1: "1 Main St",
    line2: "Apt 4",
    city: "Springfield",
    region: "IL",
    postalCode: "62701",
    country: "US",
    phone: "+1 555 0100",
  },
  lines: [{ vid: "VID-1", quantity: 2, lineId: "line-1" }],
};

describe("CJ client", () => {
  test("getAccessToken posts the API key; createOrderV2 sends the token header and the order", async () => {
    const config: CjConfig = { apiKey: fake.apiKey, base: fake.url };
    const token = await getAccessToken(config, Date.now());
    expect(token.expiresAt).toBeGreaterThan(Date.now() + 14 * 86_400_000);
    const result = await createOrderV2(config, token.accessToken, plan);
    expect(result).toMatchObject({ productCostCents: 820, shippingCostCents: 325 });
    expect(result.supplierOrderId).toMatch(/^CJ/);

    const [auth, order] = fake.requests;
    expect(auth).toMatchObject({
      path: "/authentication/getAccessToken",
      token: undefined,
      contentType: "application/json",
      body: { apiKey: fake.apiKey },
    });
    expect(order.path).toBe("/shopping/order/createOrderV2");
    expect(order.token).toBe(token.accessToken);
    expect(order.body).toMatchObject({
      orderNumber: "NW1001-abcdefgh",
      shippingCountryCode: "US",
      shippingProvince: "IL",
      shippingCity: "Springfield",
      shippingZip: "62701",
      shippingPhone: "+1 555 0100",
      shippingCustomerName: "Ann Shopper",
      shippingAddress: "1 Main St",
      shippingAddress2: "Apt 4",
      products: [{ vid: "VID-1", quantity: 2, storeLineItemId: "line-1" }],
    });
  });

  test("CJ's refusals become errors that say what to do next", async () => {
    await expect(
      getAccessToken({ apiKey: "wrong", base: fake.url }, Date.now()),
    ).rejects.toMatchObject({
      code: 1600001,
      retryable: false,
      nextStep: expect.stringMatching(/CJ_API_KEY/),
    });
    const config = { apiKey: fake.apiKey, base: fake.url };
    const { accessToken } = await getAccessToken(config, Date.now());
    fake.failNext(1);
    await expect(createOrderV2(config, accessToken, plan)).rejects.toMatchObject({
      retryable: true,
    });
    fake.refuseNext(1601000, "Insufficient balance");
    await expect(createOrderV2(config, accessToken, plan)).rejects.toMatchObject({
      retryable: false,
      message: expect.stringMatching(/Insufficient balance/),
    });
  });
});

async function autoShop() {
  const shop = await supplierShop();
  for (const sku of ["LAMP-S", "LAMP-L"]) {
    await shop.owner.mutation(api.suppliers.saveRule, {
      storeId: shop.storeId,
      productId: shop.productId,
      sku,
      supplier: "cj",
      supplierProductId: `VID-${sku}`,
      autoOrder: true,
    });
  }
  return shop;
}

async function scheduled(shop: Awaited<ReturnType<typeof supplierShop>>) {
  return await shop.t.run(async (ctx) =>
    (await ctx.db.system.query("_scheduled_functions").collect()).filter(
      (job) => job.name.startsWith("cj") && job.state.kind === "pending",
    ),
  );
}

describe("automatic ordering", () => {
  test("off by default: an order without auto rules schedules nothing", async () => {
    const shop = await supplierShop();
    await shop.order([{ sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 }]);
    expect(await scheduled(shop)).toEqual([]);
  });

  test("an order whose lines all have auto rules is placed once, with one token for two orders", async () => {
    const shop = await autoShop();
    const { t, storeId, owner } = shop;
    const first = await shop.order([
      { sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 },
      { sku: "LAMP-L", quantity: 2, unitPriceCents: 4_000 },
    ]);
    const jobs = await scheduled(shop);
    expect(jobs.map((job) => job.args[0])).toEqual([{ storeId, orderId: first }]);

    expect(await t.action(internal.cj.placeOrder, { storeId, orderId: first })).toBe("placed");
    // Run again (a duplicate schedule, a retry racing a success): nothing is bought twice.
    expect(await t.action(internal.cj.placeOrder, { storeId, orderId: first })).toBe("skipped");
    expect(fake.orders.size).toBe(1);
    const detail = await owner.query(api.orders.get, { storeId, orderId: first });
    expect(detail!.order.status).toBe("processing");
    expect(detail!.fulfillments).toMatchObject([{ supplier: "cj", costCents: 3 * 410 + 325 }]);
    const desk = await owner.query(api.suppliers.desk, { storeId, orderId: first });
    expect(desk!.supplierOrder).toMatchObject({ via: "cj", status: "placed", attempts: 1 });
    expect(desk!.profit).toMatchObject({ supplierCostCents: 1_230, shippingCostCents: 325 });
    const sent = fake.requests.find((r) => r.path.endsWith("createOrderV2"))!;
    expect(sent.body.products).toEqual([
      { vid: "VID-LAMP-S", quantity: 1, storeLineItemId: detail!.items[0]._id },
      { vid: "VID-LAMP-L", quantity: 2, storeLineItemId: detail!.items[1]._id },
    ]);

    const second = await shop.order([{ sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 }]);
    expect(await t.action(internal.cj.placeOrder, { storeId, orderId: second })).toBe("placed");
    // Token reuse: one getAccessToken for both orders.
    expect(fake.requests.filter((r) => r.path.endsWith("getAccessToken"))).toHaveLength(1);
    expect(fake.requests.filter((r) => r.path.endsWith("createOrderV2"))).toHaveLength(2);

    // A manual record after the automatic one is refused.
    expect(
      await kindOf(
        owner.mutation(api.suppliers.recordOrder, {
          storeId,
          orderId: first,
          supplier: "cj",
          supplierOrderId: "X-1",
          productCostCents: 1,
          shippingCostCents: 0,
        }),
      ),
    ).toBe("CONFLICT");
  });

  test("a failure is shown on the order and retried with the same order number", async () => {
    const shop = await autoShop();
    const { t, storeId, owner } = shop;
    const orderId = await shop.order([{ sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 }]);
    fake.failNext(1);
    expect(await t.action(internal.cj.placeOrder, { storeId, orderId })).toBe("failed");
    let desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.supplierOrder).toMatchObject({ status: "failed", attempts: 1 });
    expect(desk!.supplierOrder!.lastError).toMatch(/CJ answered 500/);
    expect(desk!.supplierOrder!.nextStep).toMatch(/retries by itself/);
    // The retry is scheduled.
    expect((await scheduled(shop)).length).toBeGreaterThanOrEqual(1);
    expect((await owner.query(api.orders.get, { storeId, orderId }))!.order.status).toBe("new");

    expect(await t.action(internal.cj.placeOrder, { storeId, orderId })).toBe("placed");
    const numbers = fake.requests
      .filter((r) => r.path.endsWith("createOrderV2"))
      .map((r) => r.body.orderNumber);
    expect(numbers).toHaveLength(2);
    expect(new Set(numbers).size).toBe(1);
    desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.supplierOrder).toMatchObject({ status: "placed", attempts: 2 });
    expect(desk!.supplierOrder!.lastError).toBeUndefined();
  });

  test("a refusal is not retried by itself; the team's Try again is", async () => {
    const shop = await autoShop();
    const { t, storeId, owner, staff } = shop;
    const orderId = await shop.order([{ sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 }]);
    fake.refuseNext(1601000, "Insufficient balance");
    await t.action(internal.cj.placeOrder, { storeId, orderId });
    const desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.supplierOrder!.lastError).toMatch(/Insufficient balance/);
    expect(desk!.supplierOrder!.nextStep).toMatch(/balance/);
    expect(await scheduled(shop)).toEqual([]);
    expect(await staff.action(api.cj.placeNow, { storeId, orderId })).toBe("placed");
  });

  test("without CJ_API_KEY the attempt fails and says to order by hand", async () => {
    vi.stubEnv("CJ_API_KEY", "");
    const shop = await autoShop();
    const { storeId, owner } = shop;
    const orderId: Id<"orders"> = await shop.order([
      { sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 },
    ]);
    expect(await owner.action(api.cj.placeNow, { storeId, orderId })).toBe("failed");
    const desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.cjConfigured).toBe(false);
    expect(desk!.supplierOrder!.lastError).toMatch(/CJ_API_KEY is not set/);
    expect(desk!.supplierOrder!.nextStep).toMatch(/Order from supplier/);
    expect(fake.requests).toEqual([]);
  });
});

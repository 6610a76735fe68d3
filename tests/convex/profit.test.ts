// True profit: price − supplier cost − shipping − payment fees − channel fees, in cents.
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { CHANNEL_FEES, trueProfit } from "../../convex/model/profit";
import { supplierShop } from "./suppliersFixture";

describe("true profit", () => {
  test("storefront: Stripe's 2.9% + 30¢, estimated from the catalogue cost until recorded", async () => {
    const { storeId, owner, order } = await supplierShop();
    // 2 × $25 + $5 shipping + $4 tax = $59 paid.
    const orderId = await order([{ sku: "LAMP-S", quantity: 2, unitPriceCents: 2_500 }], {
      shippingCents: 500,
      taxCents: 400,
    });
    let desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    // fee = round(5900 × 2.9%) + 30 = 171 + 30; cost estimate = 2 × 1200.
    expect(desk!.profit).toEqual({
      revenueCents: 5_500,
      supplierCostCents: 2_400,
      shippingCostCents: 0,
      paymentFeeCents: 201,
      channelFeeCents: 0,
      profitCents: 5_500 - 2_400 - 201,
      marginBps: Math.round(((5_500 - 2_400 - 201) * 10_000) / 5_500),
      basis: "estimated",
      unknownCostLines: 0,
    });

    await owner.mutation(api.suppliers.recordOrder, {
      storeId,
      orderId,
      supplier: "aliexpress",
      supplierOrderId: "AE-77",
      productCostCents: 2_150,
      shippingCostCents: 480,
    });
    desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.profit).toMatchObject({
      supplierCostCents: 2_150,
      shippingCostCents: 480,
      paymentFeeCents: 201,
      profitCents: 5_500 - 2_150 - 480 - 201,
      basis: "recorded",
    });
  });

  test("TikTok Shop takes 6% and no separate payment fee", async () => {
    const { storeId, owner, order } = await supplierShop();
    const orderId = await order([{ sku: "LAMP-L", quantity: 1, unitPriceCents: 4_000 }], {
      channel: "tiktok_shop",
    });
    const desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.profit).toMatchObject({
      revenueCents: 4_000,
      channelFeeCents: 240,
      paymentFeeCents: 0,
      profitCents: 4_000 - 1_200 - 240,
    });
  });

  test("rates are data; unknown costs are counted, not guessed", () => {
    expect(CHANNEL_FEES.etsy).toMatchObject({ channelFeeBps: 650 });
    expect(CHANNEL_FEES.shopify).toMatchObject({ channelFeeBps: 0 });
    const profit = trueProfit({
      channel: "etsy",
      totalCents: 10_000,
      taxCents: 0,
      items: [{ quantity: 1, unitCostCents: 3_000 }, { quantity: 2 }],
    });
    // Etsy: 6.5% channel + 3% + 25¢ payment.
    expect(profit).toMatchObject({
      channelFeeCents: 650,
      paymentFeeCents: 325,
      supplierCostCents: 3_000,
      profitCents: 10_000 - 3_000 - 650 - 325,
      unknownCostLines: 1,
    });
    expect(
      trueProfit({ channel: "storefront", totalCents: 0, taxCents: 0, items: [] }),
    ).toMatchObject({ paymentFeeCents: 0, profitCents: 0, marginBps: 0 });
  });
});

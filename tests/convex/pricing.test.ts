// Suggested prices: the break-even floor, the reasoning's numbers, the market adjustment, and
// that neither a suggestion nor staff's eyes get below the floor or at the costs.
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import {
  charmBelowPrice,
  charmUp,
  paymentFeeCents,
  priceFloorCents,
  profitCents,
  suggestPrice,
} from "../../convex/model/pricing";
import { pricingStore } from "./pricingFixture";
import { kindOf } from "./setup";

describe("price floor", () => {
  test("is the smallest price whose pay-out covers cost + shipping + fees", () => {
    // $4 cost + $5 shipping: 958 − (round(27.8) + 30) = 900 exactly; 957 keeps 899.
    expect(paymentFeeCents(958)).toBe(58);
    expect(priceFloorCents({ supplierCostCents: 400, shippingCostCents: 500 })).toBe(958);
    for (const cost of [0, 1, 99, 400, 1_234, 99_999]) {
      for (const shipping of [0, 499, 1_000]) {
        const costs = { supplierCostCents: cost, shippingCostCents: shipping };
        const floor = priceFloorCents(costs);
        expect(profitCents(floor, costs), `${cost}+${shipping}`).toBeGreaterThanOrEqual(0);
        expect(profitCents(floor - 1, costs), `${cost}+${shipping}`).toBeLessThan(0);
      }
    }
  });

  test("refuses negative or fractional costs", () => {
    expect(() => priceFloorCents({ supplierCostCents: -1, shippingCostCents: 0 })).toThrow();
    expect(() => priceFloorCents({ supplierCostCents: 1.5, shippingCostCents: 0 })).toThrow();
  });

  test("a suggestion is never below it, whatever the market says", () => {
    for (const competitor of [null, 100, 900, 1_000, 2_000, 5_000, 100_000]) {
      for (const target of [0, 2_000, 6_000, 9_000]) {
        const s = suggestPrice({
          costs: { supplierCostCents: 400, shippingCostCents: 500 },
          shippingSource: "flat rate",
          targetMarginBps: target,
          competitor: competitor === null ? null : { priceCents: competitor, sellers: 3 },
        });
        expect(s.suggestedCents).toBeGreaterThanOrEqual(s.floorCents);
        expect(s.suggestedCents % 100).toBe(99);
      }
    }
  });
});

describe("suggested price", () => {
  const costs = { supplierCostCents: 400, shippingCostCents: 500 };

  test("shows its reasoning step by step with the numbers it used", () => {
    const s = suggestPrice({
      costs,
      shippingSource: "flat rate",
      targetMarginBps: 5_000,
      competitor: null,
    });
    // 0.471p − 30 ≥ 900 (margin rounded up) → p = 1975 → $19.99.
    expect(s.targetCents).toBe(1_999);
    expect(s.suggestedCents).toBe(1_999);
    expect(s.steps.map((step) => [step.label, step.cents])).toEqual([
      ["Supplier cost", 400],
      ["Shipping cost", 500],
      ["Payment fees", 58],
      ["Price floor (break-even)", 958],
      ["Price at your 50% target margin", 1_999],
      ["Competitor prices", 1_999],
    ]);
    expect(s.steps[5].detail).toMatch(/none known/);
    // At $19.99: fee 58 + 30 = 88, profit 1999 − 900 − 88 = 1011, margin 50.6%.
    expect(s.profitAtSuggestedCents).toBe(1_011);
    expect(s.marginAtSuggestedBps).toBe(5_058);
  });

  test("prices just under a cheaper market, and not below the floor", () => {
    const market = suggestPrice({
      costs,
      shippingSource: "flat rate",
      targetMarginBps: 5_000,
      competitor: { priceCents: 1_650, sellers: 12 },
    });
    expect(market.suggestedCents).toBe(1_599);
    expect(market.steps.at(-1)).toMatchObject({ label: "Match the market", cents: 1_599 });

    const undercut = suggestPrice({
      costs,
      shippingSource: "flat rate",
      targetMarginBps: 5_000,
      competitor: { priceCents: 700, sellers: 40 },
    });
    expect(undercut.suggestedCents).toBe(999);
    expect(undercut.steps.at(-1)).toMatchObject({ label: "Kept above the floor", cents: 999 });
  });

  test("keeps the target price when the market is dearer", () => {
    const s = suggestPrice({
      costs,
      shippingSource: "flat rate",
      targetMarginBps: 5_000,
      competitor: { priceCents: 2_999, sellers: 2 },
    });
    expect(s.suggestedCents).toBe(1_999);
    expect(s.steps.at(-1)!.label).toBe("Market check");
  });

  test("refuses an impossible margin target", () => {
    for (const target of [-1, 9_500, 10_000, 12.5]) {
      expect(() =>
        suggestPrice({ costs, shippingSource: "", targetMarginBps: target, competitor: null }),
      ).toThrow(/target margin/);
    }
  });

  test(".99 rounding", () => {
    expect(charmUp(1_975)).toBe(1_999);
    expect(charmUp(1_999)).toBe(1_999);
    expect(charmUp(2_000)).toBe(2_099);
    expect(charmBelowPrice(2_499)).toBe(2_399);
    expect(charmBelowPrice(2_500)).toBe(2_499);
    expect(charmBelowPrice(2_450)).toBe(2_399);
  });
});

describe("pricing functions", () => {
  test("list suggestions with reasons; a product without cost says so", async () => {
    const { owner, storeId, mug, lamp } = await pricingStore();
    const result = await owner.query(api.pricing.suggestions, {
      storeId,
      paginationOpts: { numItems: 10, cursor: null },
    });
    const byId = new Map(result.page.map((row) => [row.productId, row]));
    expect(byId.get(mug)!.suggestion!.suggestedCents).toBe(1_999);
    expect(byId.get(mug)!.suggestion!.floorCents).toBe(958);
    expect(byId.get(lamp)!.suggestion).toBeNull();
    expect(byId.get(lamp)!.problem).toMatch(/supplier cost/);
  });

  test("a trend's competitor price is used when the product came from one", async () => {
    const { t, owner, storeId, mug } = await pricingStore();
    await t.run(async (ctx) => {
      const trendId = await ctx.db.insert("trends", {
        storeId,
        source: "tiktok",
        externalId: "mug-1",
        title: "Mug",
        category: "Home",
        score: 70,
        velocity: "established",
        status: "imported",
        estimatedPriceCents: 1_650,
        competitorCount: 12,
        lastSeenAt: Date.now(),
      });
      await ctx.db.patch(mug, { trendId });
    });
    const row = await owner.query(api.pricing.forProduct, { storeId, productId: mug });
    expect(row.suggestion!.competitor).toEqual({ priceCents: 1_650, sellers: 12 });
    expect(row.suggestion!.suggestedCents).toBe(1_599);
  });

  test("apply goes through the catalog writer; a stale suggestion changes nothing", async () => {
    const { t, owner, storeId, mug, lamp } = await pricingStore();
    expect(
      await kindOf(
        owner.mutation(api.pricing.applySuggested, {
          storeId,
          productId: mug,
          suggestedCents: 1_899,
        }),
      ),
    ).toBe("CONFLICT");
    expect((await t.run((ctx) => ctx.db.get(mug)))!.priceCents).toBe(2_499);
    expect(
      await kindOf(
        owner.mutation(api.pricing.applySuggested, {
          storeId,
          productId: lamp,
          suggestedCents: 999,
        }),
      ),
    ).toBe("INVALID");
    await owner.mutation(api.pricing.applySuggested, {
      storeId,
      productId: mug,
      suggestedCents: 1_999,
    });
    const after = (await t.run((ctx) => ctx.db.get(mug)))!;
    expect(after.priceCents).toBe(1_999);
    expect(after.variants[0].priceCents).toBe(1_999);
    const audit = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(audit.find((row) => row.action === "product.update")!.changes).toEqual([
      { field: "priceCents", from: 2_499, to: 1_999 },
    ]);
  });

  test("staff can't see costs, margins or suggestions, nor apply one", async () => {
    const { staff, storeId, mug } = await pricingStore();
    expect(
      await kindOf(
        staff.query(api.pricing.suggestions, {
          storeId,
          paginationOpts: { numItems: 5, cursor: null },
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await kindOf(staff.query(api.pricing.forProduct, { storeId, productId: mug }))).toBe(
      "FORBIDDEN",
    );
    expect(
      await kindOf(
        staff.mutation(api.pricing.applySuggested, {
          storeId,
          productId: mug,
          suggestedCents: 1_999,
        }),
      ),
    ).toBe("FORBIDDEN");
    const settings = await staff.query(api.stores.settings, { storeId });
    expect(settings.shipping.targetMarginBps).toBeUndefined();
    expect(settings.shipping.flatShippingCents).toBe(500);
  });
});

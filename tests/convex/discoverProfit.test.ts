// The research drawer's profit calculator and the feed's filter bar: integer cents, the 2.9% +
// 30¢ fee, break-even ROAS, and clear messages for negative amounts and a min above the max.
import { describe, expect, test } from "vitest";
import { feedArgs, EMPTY_FILTERS } from "../../src/features/discover/filters";
import { calculateProfit } from "../../src/features/discover/profitCalc";

describe("profit calculator", () => {
  test("profit per order and break-even ROAS in cents", () => {
    const r = calculateProfit({ price: "29.99", cost: "8.00", shipping: "4.00", adCost: "8.00" });
    // fee = round(2999 × 2.9%) + 30 = 87 + 30 = 117; before ads 2999 − 800 − 400 − 117 = 1682.
    expect(r).toMatchObject({
      ok: true,
      feeCents: 117,
      contributionCents: 1_682,
      profitCents: 882,
    });
    expect(r.ok && r.breakEvenRoas).toBeCloseTo(2999 / 1682, 2);
    const losing = calculateProfit({ price: "5", cost: "8", shipping: "4", adCost: "0" });
    expect(losing).toMatchObject({ ok: true, breakEvenRoas: null });
    expect(losing.ok && losing.profitCents).toBeLessThan(0);
  });
  test("negative or non-numbers are named, not used", () => {
    const r = calculateProfit({ price: "29.99", cost: "-8", shipping: "abc", adCost: "1" });
    expect(r.ok).toBe(false);
    if (!r.ok) {
      expect(r.problems.cost).toMatch(/Supplier cost: .*negative/);
      expect(r.problems.shipping).toMatch(/Shipping: .*not an amount/);
      expect(r.problems.price).toBeUndefined();
    }
  });
});

describe("feed filters", () => {
  test("a minimum above the maximum is refused with a message", () => {
    expect(feedArgs({ ...EMPTY_FILTERS, minPrice: "50", maxPrice: "10" }, "USD")).toEqual({
      problem: "The minimum price is above the maximum price; swap them or clear one.",
    });
    expect(feedArgs({ ...EMPTY_FILTERS, minPrice: "-3" }, "USD")).toMatchObject({
      problem: expect.stringMatching(/Minimum price: .*negative/),
    });
    expect(
      feedArgs({ ...EMPTY_FILTERS, minPrice: "10", maxPrice: "50", sort: "margin" }, "USD"),
    ).toMatchObject({
      args: { minPriceCents: 1_000, maxPriceCents: 5_000, sort: "margin" },
    });
  });
});

// Pricing rules: payment fees, the break-even price floor and a suggested price with its
// reasoning. Pure functions, so the dashboard, A/B tests and (via priceFloorCents) the catalog
// and checkout agree on one floor.
import { invalid } from "./errors";
import { assertCents } from "./money";

// Card processing as most processors charge it: 2.9% of the charge plus 30¢.
export const PAYMENT_FEE = { bps: 290, fixedCents: 30 } as const;
// A margin target must leave room for the percentage fee (and be a real target).
export const MAX_TARGET_MARGIN_BPS = 9_000;

export function paymentFeeCents(priceCents: number): number {
  return Math.round((priceCents * PAYMENT_FEE.bps) / 10_000) + PAYMENT_FEE.fixedCents;
}

/** What one sale leaves after supplier cost, shipping and the payment fee. */
export function profitCents(priceCents: number, costs: UnitCosts): number {
  return (
    priceCents - costs.supplierCostCents - costs.shippingCostCents - paymentFeeCents(priceCents)
  );
}

export type UnitCosts = { supplierCostCents: number; shippingCostCents: number };

/** Smallest price that covers `needCents` after the payment fee and keeps `marginBps` of itself. */
function priceCovering(needCents: number, marginBps: number): number {
  // price × (1 − fee% − margin%) − 30¢ ≥ need, solved, then nudged past the fee's rounding.
  const keepBps = 10_000 - PAYMENT_FEE.bps - marginBps;
  let price = Math.ceil(((needCents + PAYMENT_FEE.fixedCents) * 10_000) / keepBps);
  while (price > 0 && covers(price - 1, needCents, marginBps)) price -= 1;
  while (!covers(price, needCents, marginBps)) price += 1;
  return price;
}

function covers(price: number, needCents: number, marginBps: number): boolean {
  const kept = price - paymentFeeCents(price) - Math.ceil((price * marginBps) / 10_000);
  return kept >= needCents;
}

/**
 * The break-even price: supplier cost + shipping + payment fees. Selling below it loses money
 * on every unit, so no suggestion, A/B arm or applied price goes under it.
 */
export function priceFloorCents(costs: UnitCosts): number {
  assertCents(costs.supplierCostCents, "supplierCostCents");
  assertCents(costs.shippingCostCents, "shippingCostCents");
  return priceCovering(costs.supplierCostCents + costs.shippingCostCents, 0);
}

/** Rounds up to the next price ending in .99 (1234 → 1299, 1299 → 1299). */
export function charmUp(cents: number): number {
  return Math.max(99, Math.ceil((cents + 1) / 100) * 100 - 1);
}

export type PricingStep = { label: string; detail: string; cents: number };

export type Suggestion = {
  floorCents: number;
  targetCents: number;
  suggestedCents: number;
  marginAtSuggestedBps: number;
  profitAtSuggestedCents: number;
  competitor: { priceCents: number; sellers: number } | null;
  steps: PricingStep[];
};

const money = (cents: number) => `${cents < 0 ? "−" : ""}$${(Math.abs(cents) / 100).toFixed(2)}`;
const percent = (bps: number) => `${(bps / 100).toFixed(bps % 100 === 0 ? 0 : 1)}%`;

/**
 * A suggested price, step by step: costs → floor → price at the target margin → adjusted to
 * the market when a competitor price is known → never below the floor.
 */
export function suggestPrice(input: {
  costs: UnitCosts;
  shippingSource: string;
  targetMarginBps: number;
  competitor: { priceCents: number; sellers: number } | null;
}): Suggestion {
  const { costs, targetMarginBps, competitor } = input;
  if (
    !Number.isInteger(targetMarginBps) ||
    targetMarginBps < 0 ||
    targetMarginBps > MAX_TARGET_MARGIN_BPS
  ) {
    throw invalid(`A target margin needs to be between 0% and ${percent(MAX_TARGET_MARGIN_BPS)}.`);
  }
  const floorCents = priceFloorCents(costs);
  const unitCost = costs.supplierCostCents + costs.shippingCostCents;
  const targetCents = charmUp(priceCovering(unitCost, targetMarginBps));
  const steps: PricingStep[] = [
    {
      label: "Supplier cost",
      detail: "per unit, from the product",
      cents: costs.supplierCostCents,
    },
    { label: "Shipping cost", detail: input.shippingSource, cents: costs.shippingCostCents },
    {
      label: "Payment fees",
      detail: `${percent(PAYMENT_FEE.bps)} + ${PAYMENT_FEE.fixedCents}¢ of the floor price`,
      cents: paymentFeeCents(floorCents),
    },
    {
      label: "Price floor (break-even)",
      detail: "cost + shipping + fees: every sale below this loses money",
      cents: floorCents,
    },
    {
      label: `Price at your ${percent(targetMarginBps)} target margin`,
      detail: "after cost, shipping and fees, rounded up to .99",
      cents: targetCents,
    },
  ];
  let candidate = targetCents;
  if (competitor === null) {
    steps.push({
      label: "Competitor prices",
      detail: "none known for this product, so the target-margin price stands",
      cents: targetCents,
    });
  } else if (competitor.priceCents < targetCents) {
    candidate = charmBelowPrice(competitor.priceCents);
    steps.push({
      label: "Match the market",
      detail: `${competitor.sellers} other sellers at about ${money(competitor.priceCents)}: price just under them`,
      cents: candidate,
    });
  } else {
    steps.push({
      label: "Market check",
      detail: `${competitor.sellers} other sellers at about ${money(competitor.priceCents)}: the target price is already below them`,
      cents: targetCents,
    });
  }
  let suggestedCents = candidate;
  if (candidate < floorCents) {
    suggestedCents = charmUp(floorCents);
    steps.push({
      label: "Kept above the floor",
      detail: `${money(candidate)} would sell below break-even (${money(floorCents)})`,
      cents: suggestedCents,
    });
  }
  const profitAtSuggestedCents = profitCents(suggestedCents, costs);
  return {
    floorCents,
    targetCents,
    suggestedCents,
    marginAtSuggestedBps: Math.round((profitAtSuggestedCents * 10_000) / suggestedCents),
    profitAtSuggestedCents,
    competitor,
    steps,
  };
}

/** The highest .99 price strictly below `cents`. */
export function charmBelowPrice(cents: number): number {
  const candidate = Math.floor(cents / 100) * 100 - 1;
  return candidate < cents ? Math.max(99, candidate) : Math.max(99, candidate - 100);
}

type StoreForPricing = {
  settings: { flatShippingCents: number; shippingCostCents?: number; targetMarginBps: number };
};

/** The store's cost to ship one unit, and where that figure comes from. */
export function shippingCostFor(store: StoreForPricing): { cents: number; source: string } {
  const own = store.settings.shippingCostCents;
  return own !== undefined
    ? { cents: own, source: "your shipping cost per unit (Settings)" }
    : {
        cents: store.settings.flatShippingCents,
        source: "your flat shipping rate; set your real cost per unit in Settings",
      };
}

/** A product's floor, or undefined while its supplier cost is unknown. */
export function productPriceFloorCents(
  store: StoreForPricing,
  product: { supplierCostCents?: number },
): number | undefined {
  if (product.supplierCostCents === undefined) return undefined;
  return priceFloorCents({
    supplierCostCents: product.supplierCostCents,
    shippingCostCents: shippingCostFor(store).cents,
  });
}

/** Refuses a price under the product's floor (when its cost is known). */
export function assertAboveFloor(
  store: StoreForPricing,
  product: { title: string; supplierCostCents?: number },
  priceCents: number,
  what = "This price",
): void {
  const floor = productPriceFloorCents(store, product);
  if (floor !== undefined && priceCents < floor) {
    throw invalid(
      `${what} (${money(priceCents)}) is below ${product.title}'s price floor of ${money(floor)} (cost + shipping + payment fees); it would lose money on every sale.`,
    );
  }
}

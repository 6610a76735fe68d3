// The research drawer's profit calculator: integer cents in, profit per order and the
// break-even ROAS out, with the same payment fee (2.9% + 30¢) the pricing rules use.
import { readMoneyInput } from "../../../lib/money";
import { paymentFeeCents } from "../../../convex/model/pricing";

export type ProfitInputs = {
  price: string;
  cost: string;
  shipping: string;
  adCost: string;
};

export type ProfitResult =
  | {
      ok: true;
      feeCents: number;
      /** Per order before advertising: what an ad may cost at most. */
      contributionCents: number;
      profitCents: number;
      /** Revenue per ad dollar needed to break even; null when no ad spend can pay off. */
      breakEvenRoas: number | null;
      marginBps: number;
    }
  | { ok: false; problems: Partial<Record<keyof ProfitInputs, string>> };

const LABELS: Record<keyof ProfitInputs, string> = {
  price: "Price",
  cost: "Supplier cost",
  shipping: "Shipping",
  adCost: "Ad cost per order",
};

export function calculateProfit(inputs: ProfitInputs, currency = "USD"): ProfitResult {
  const cents: Partial<Record<keyof ProfitInputs, number>> = {};
  const problems: Partial<Record<keyof ProfitInputs, string>> = {};
  for (const key of Object.keys(LABELS) as (keyof ProfitInputs)[]) {
    const read = readMoneyInput(inputs[key], currency);
    if ("problem" in read) {
      problems[key] =
        `${LABELS[key]}: ${read.problem.replace("a price cannot be", "it cannot be")}`;
    } else cents[key] = read.cents;
  }
  if (cents.price === 0) problems.price = "Price: type a selling price above zero.";
  if (Object.keys(problems).length > 0) return { ok: false, problems };
  const price = cents.price as number;
  const feeCents = paymentFeeCents(price);
  const contributionCents = price - (cents.cost as number) - (cents.shipping as number) - feeCents;
  const profitCents = contributionCents - (cents.adCost as number);
  return {
    ok: true,
    feeCents,
    contributionCents,
    profitCents,
    breakEvenRoas:
      contributionCents > 0 ? Math.round((price / contributionCents) * 100) / 100 : null,
    marginBps: Math.round((profitCents * 10_000) / price),
  };
}

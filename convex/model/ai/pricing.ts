// What Claude costs, per model, in integer micro-USD per token (the published per-million-token
// price in USD equals micro-USD per token). An unknown model is priced as the dearest one, so
// the budget errs on the side of stopping early.
export const PRICES: Record<string, { input: number; output: number }> = {
  "claude-sonnet-4-5": { input: 3, output: 15 },
  "claude-sonnet-4-0": { input: 3, output: 15 },
  "claude-haiku-4-5": { input: 1, output: 5 },
  "claude-opus-4-5": { input: 5, output: 25 },
  "claude-opus-4-1": { input: 15, output: 75 },
  offline: { input: 0, output: 0 },
};

const DEAREST = { input: 15, output: 75 };

/** Price of a model, matching dated ids ("claude-sonnet-4-5-20250929") to their family. */
export function priceOf(model: string): { input: number; output: number } {
  if (PRICES[model]) return PRICES[model];
  const family = Object.keys(PRICES).find((name) => model.startsWith(`${name}-`));
  return family ? PRICES[family] : DEAREST;
}

/** Integer micro-USD for one call. */
export function costMicroUsd(model: string, inputTokens: number, outputTokens: number): number {
  const price = priceOf(model);
  return inputTokens * price.input + outputTokens * price.output;
}

/** "$20.03" from micro-USD (rounded to the cent). */
export function formatUsd(microUsd: number): string {
  return `$${(Math.round(microUsd / 10_000) / 100).toFixed(2)}`;
}

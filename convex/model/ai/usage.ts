// What each store spends on Claude each month, and its budget. The one writer of `aiUsage` and
// `aiBudgets`. A call that would start with the month's budget already spent is refused before
// anything is created, with words an owner can act on.
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../../_generated/server";
import { appError, invalid } from "../errors";
import { formatUsd } from "./pricing";

export const DEFAULT_BUDGET_MICRO_USD = 20_000_000; // $20.00 a month
export const MAX_BUDGET_MICRO_USD = 100_000_000_000; // $100,000: a typo guard, not a policy

/** "2026-12", in UTC. */
export function monthKey(now: number): string {
  return new Date(now).toISOString().slice(0, 7);
}

function monthName(now: number): string {
  return new Date(now).toLocaleString("en-US", { month: "long", timeZone: "UTC" });
}

export type Usage = {
  month: string;
  calls: number;
  inputTokens: number;
  outputTokens: number;
  costMicroUsd: number;
};

async function usageRow(ctx: QueryCtx, storeId: Id<"stores">, month: string) {
  return await ctx.db
    .query("aiUsage")
    .withIndex("by_store_month", (q) => q.eq("storeId", storeId).eq("month", month))
    .unique();
}

export async function usageFor(ctx: QueryCtx, storeId: Id<"stores">, now: number): Promise<Usage> {
  const month = monthKey(now);
  const row = await usageRow(ctx, storeId, month);
  return {
    month,
    calls: row?.calls ?? 0,
    inputTokens: row?.inputTokens ?? 0,
    outputTokens: row?.outputTokens ?? 0,
    costMicroUsd: row?.costMicroUsd ?? 0,
  };
}

export async function budgetFor(ctx: QueryCtx, storeId: Id<"stores">): Promise<number> {
  const row = await ctx.db
    .query("aiBudgets")
    .withIndex("by_store", (q) => q.eq("storeId", storeId))
    .unique();
  return row?.monthlyMicroUsd ?? DEFAULT_BUDGET_MICRO_USD;
}

/** Throws BUDGET_EXCEEDED when this month's spend has reached the budget. */
export async function assertWithinBudget(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  now: number,
): Promise<void> {
  const [usage, budget] = await Promise.all([usageFor(ctx, storeId, now), budgetFor(ctx, storeId)]);
  if (usage.costMicroUsd >= budget) {
    throw appError(
      "BUDGET_EXCEEDED",
      `This store's AI budget of ${formatUsd(budget)} for ${monthName(now)} is used up (${formatUsd(usage.costMicroUsd)} spent). An admin can raise it in Settings → AI.`,
    );
  }
}

/** Adds one Claude call to the store's month. */
export async function addUsage(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  call: { inputTokens: number; outputTokens: number; costMicroUsd: number },
  now: number,
): Promise<void> {
  const month = monthKey(now);
  const row = await usageRow(ctx, storeId, month);
  if (row === null) {
    await ctx.db.insert("aiUsage", { storeId, month, calls: 1, ...call });
    return;
  }
  await ctx.db.patch(row._id, {
    calls: row.calls + 1,
    inputTokens: row.inputTokens + call.inputTokens,
    outputTokens: row.outputTokens + call.outputTokens,
    costMicroUsd: row.costMicroUsd + call.costMicroUsd,
  });
}

/** An admin's new monthly budget, in whole cents from the settings form. */
export async function setBudget(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  monthlyCents: number,
  now: number,
): Promise<number> {
  const micro = monthlyCents * 10_000;
  if (!Number.isInteger(monthlyCents) || monthlyCents < 0 || micro > MAX_BUDGET_MICRO_USD) {
    throw invalid(
      `The monthly AI budget must be a whole number of cents between $0.00 and ${formatUsd(MAX_BUDGET_MICRO_USD)}.`,
    );
  }
  const row = await ctx.db
    .query("aiBudgets")
    .withIndex("by_store", (q) => q.eq("storeId", storeId))
    .unique();
  if (row === null) {
    await ctx.db.insert("aiBudgets", { storeId, monthlyMicroUsd: micro, updatedAt: now });
  } else {
    await ctx.db.patch(row._id, { monthlyMicroUsd: micro, updatedAt: now });
  }
  return micro;
}

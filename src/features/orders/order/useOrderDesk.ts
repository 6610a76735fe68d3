import type { FunctionReturnType } from "convex/server";
import { api, type Id } from "../../../../lib/api";
import { useStoreQuery } from "../../../app/storeHooks";

export type OrderDesk = NonNullable<FunctionReturnType<typeof api.suppliers.desk>>;
export type DeskLine = OrderDesk["lines"][number];

/** The order page's working data: supplier rules per line, notes, timeline, profit. */
export function useOrderDesk(orderId: string) {
  return useStoreQuery(api.suppliers.desk, { orderId: orderId as Id<"orders"> });
}

/** "12.34" or "12" → 1234 cents; null when it is not an amount of money. */
export function parseCents(text: string): number | null {
  const trimmed = text.trim().replace(/^\$/, "");
  if (!/^\d{1,7}(\.\d{1,2})?$/.test(trimmed)) return null;
  const [whole, fraction = ""] = trimmed.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}

export const centsToInput = (cents: number | undefined) =>
  cents === undefined ? "" : (cents / 100).toFixed(2);

// The feed's filter bar as typed, turned into query arguments or the reason it cannot be.
import { readMoneyInput } from "../../../lib/money";
import type { FeedArgs } from "./useDiscover";

export type FilterState = {
  category: string;
  minPrice: string;
  maxPrice: string;
  velocity: "" | "rising" | "established" | "declining";
  sort: "score" | "velocity" | "newest" | "margin";
};

export const EMPTY_FILTERS: FilterState = {
  category: "",
  minPrice: "",
  maxPrice: "",
  velocity: "",
  sort: "score",
};

export function feedArgs(
  f: FilterState,
  currency: string,
): { args: FeedArgs } | { problem: string } {
  const price = (text: string, label: string): { cents?: number } | { problem: string } => {
    if (text.trim() === "") return {};
    const read = readMoneyInput(text, currency);
    return "problem" in read ? { problem: `${label}: ${read.problem}` } : read;
  };
  const min = price(f.minPrice, "Minimum price");
  if ("problem" in min) return { problem: min.problem };
  const max = price(f.maxPrice, "Maximum price");
  if ("problem" in max) return { problem: max.problem };
  if (min.cents !== undefined && max.cents !== undefined && min.cents > max.cents) {
    return { problem: "The minimum price is above the maximum price; swap them or clear one." };
  }
  return {
    args: {
      sort: f.sort,
      category: f.category || undefined,
      velocity: f.velocity || undefined,
      minPriceCents: min.cents,
      maxPriceCents: max.cents,
      limit: 48,
    },
  };
}

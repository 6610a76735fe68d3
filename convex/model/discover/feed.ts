// Reading the feed: a bounded read over the index that matches the sort (never a scan of the
// growing trends table), then the cheap filters on that window, then the page.
import type { Doc, Id } from "../../_generated/dataModel";
import type { QueryCtx } from "../../_generated/server";
import { invalid } from "../errors";
import type { TrendVelocity } from "../validators";

export type FeedSort = "score" | "velocity" | "newest" | "margin";
export type FeedFilters = {
  category?: string;
  minPriceCents?: number;
  maxPriceCents?: number;
  velocity?: TrendVelocity;
  sort: FeedSort;
  limit?: number;
};

// How many trends one read looks at before filtering, and the most a page shows.
export const FEED_WINDOW = 300;
export const MAX_LIMIT = 60;

export function checkFilters(f: FeedFilters): void {
  for (const [name, value] of [
    ["minimum price", f.minPriceCents],
    ["maximum price", f.maxPriceCents],
  ] as const) {
    if (value !== undefined && (!Number.isInteger(value) || value < 0)) {
      throw invalid(`The ${name} must be zero or more (in whole cents).`);
    }
  }
  if (
    f.minPriceCents !== undefined &&
    f.maxPriceCents !== undefined &&
    f.minPriceCents > f.maxPriceCents
  ) {
    throw invalid("The minimum price is above the maximum price; swap them or clear one.");
  }
  if (f.limit !== undefined && (!Number.isInteger(f.limit) || f.limit < 1 || f.limit > MAX_LIMIT)) {
    throw invalid(`Show between 1 and ${MAX_LIMIT} trends at a time.`);
  }
}

async function windowFor(ctx: QueryCtx, storeId: Id<"stores">, f: FeedFilters) {
  const q = ctx.db.query("trends");
  switch (f.sort) {
    case "velocity":
      return q
        .withIndex("by_store_velocity", (i) => i.eq("storeId", storeId))
        .order("desc")
        .take(FEED_WINDOW);
    case "margin":
      return q
        .withIndex("by_store_margin", (i) => i.eq("storeId", storeId))
        .order("desc")
        .take(FEED_WINDOW);
    case "newest":
      return q
        .withIndex("by_store_first_seen", (i) => i.eq("storeId", storeId))
        .order("desc")
        .take(FEED_WINDOW);
    default:
      return f.category
        ? q
            .withIndex("by_store_category_score", (i) =>
              i.eq("storeId", storeId).eq("category", f.category as string),
            )
            .order("desc")
            .take(FEED_WINDOW)
        : q
            .withIndex("by_store_score", (i) => i.eq("storeId", storeId))
            .order("desc")
            .take(FEED_WINDOW);
  }
}

export async function readFeed(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  f: FeedFilters,
): Promise<{ trends: Doc<"trends">[]; categories: string[] }> {
  checkFilters(f);
  const window = await windowFor(ctx, storeId, f);
  const visible = window.filter((t) => t.status !== "dismissed");
  const categories = [...new Set(visible.map((t) => t.category))].sort();
  const trends = visible.filter((t) => {
    if (f.category && t.category !== f.category) return false;
    if (f.velocity && t.velocity !== f.velocity) return false;
    const price = t.estimatedPriceCents;
    if (f.minPriceCents !== undefined && (price === undefined || price < f.minPriceCents))
      return false;
    if (f.maxPriceCents !== undefined && (price === undefined || price > f.maxPriceCents))
      return false;
    return true;
  });
  return { trends: trends.slice(0, f.limit ?? 24), categories };
}

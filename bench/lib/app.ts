/**
 * What the benchmarks know about the bench app (bench/app/convex): its folder, its function
 * references, how it is seeded and which pages are asked for.
 */
import { fileURLToPath } from "node:url";
import { makeFunctionReference } from "convex/server";
import { PAGE_SIZE } from "../app/convex/bench";
import { prng } from "./stats";

export const APP_FUNCTIONS_DIR = fileURLToPath(new URL("../app/convex", import.meta.url));
export { PAGE_SIZE };

export const fn = {
  getCounter: makeFunctionReference<"query", { name: string }, number | null>("bench:getCounter"),
  bump: makeFunctionReference<"mutation", { name: string }, number>("bench:bump"),
  setCounter: makeFunctionReference<"mutation", { name: string; value: number }, number>(
    "bench:setCounter",
  ),
  seedItems: makeFunctionReference<
    "mutation",
    { start: number; count: number; categories: number },
    number
  >("bench:seedItems"),
  itemsPage: makeFunctionReference<"query", { category: number; fromRank: number }, unknown[]>(
    "bench:itemsPage",
  ),
};

/** Items are spread over this many categories (category = i % CATEGORIES, rank = i). */
export const CATEGORIES = 10;
/** Rows per seeding call (one internal mutation each). */
export const SEED_BATCH = 2_000;

/** Seeds items `from` … `to - 1` in batches through `call` (one internal mutation per batch). */
export async function seedItems(
  call: (args: { start: number; count: number; categories: number }) => Promise<unknown>,
  from: number,
  to: number,
): Promise<number> {
  const t0 = performance.now();
  for (let start = from; start < to; start += SEED_BATCH) {
    await call({ start, count: Math.min(SEED_BATCH, to - start), categories: CATEGORIES });
  }
  return performance.now() - t0;
}

/**
 * Page arguments for a table of `docs` items: a random category and a random starting rank
 * that still leaves at least PAGE_SIZE rows in that category, so every page is full.
 */
export function pageArgs(docs: number, seed: number): () => { category: number; fromRank: number } {
  const random = prng(seed);
  const maxFrom = Math.max(0, docs - CATEGORIES * (PAGE_SIZE + 1));
  return () => ({
    category: Math.floor(random() * CATEGORIES),
    fromRank: Math.floor(random() * (maxFrom + 1)),
  });
}

/** Times `runs` page queries (after `warmup` untimed ones); every page must hold PAGE_SIZE rows. */
export async function timePages(
  query: (args: { category: number; fromRank: number }) => Promise<unknown>,
  docs: number,
  runs: number,
  warmup: number,
  budgetMs = Number.POSITIVE_INFINITY,
): Promise<number[]> {
  const next = pageArgs(docs, 0x5eed + docs);
  const samples: number[] = [];
  const deadline = performance.now() + budgetMs;
  for (let i = 0; i < warmup + runs; i++) {
    const args = next();
    const t0 = performance.now();
    const page = (await query(args)) as unknown[];
    const ms = performance.now() - t0;
    if (!Array.isArray(page) || page.length !== PAGE_SIZE)
      throw new Error(
        `itemsPage(${JSON.stringify(args)}) at ${docs} docs returned ${Array.isArray(page) ? page.length : typeof page} rows, expected ${PAGE_SIZE}`,
      );
    if (i >= warmup) samples.push(ms);
    if (i >= warmup && performance.now() > deadline && samples.length >= 5) break;
  }
  return samples;
}

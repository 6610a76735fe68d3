/**
 * The indexed-page query through convex-test, on the same bench app, in a process of its own
 * (convex-test installs its own global `Convex` syscalls, which would clash with an embedded
 * backend in the same process). Prints one line "RESULT <json>".
 *
 * Usage: tsx bench/convex-test-page.ts <runs at 1k> <runs at 100k> <time budget at 100k, ms>
 */
import { convexTest } from "convex-test";
import schema from "./app/convex/schema";
import { fn, seedItems, timePages } from "./lib/app";
import { round, summarize } from "./lib/stats";

// convex-test finds the functions root from the key holding "_generated" and then looks modules
// up as root + "bench" (extension dropped). The bench app needs no codegen, so that key only
// marks the root.
const modules: Record<string, () => Promise<any>> = {
  "./_generated/server.ts": async () => ({}),
  "./bench.ts": () => import("./app/convex/bench"),
  "./schema.ts": () => import("./app/convex/schema"),
};

const [runsSmall = 500, runsLarge = 20, budgetLarge = 10_000] = process.argv.slice(2).map(Number);

const t = convexTest(schema, modules);
const seed = (args: { start: number; count: number; categories: number }) =>
  t.mutation(fn.seedItems, args);
const page = (args: { category: number; fromRank: number }) => t.query(fn.itemsPage, args);

const seed1k = await seedItems(seed, 0, 1_000);
const small = await timePages(page, 1_000, runsSmall, 20);
const seed100k = await seedItems(seed, 1_000, 100_000);
const large = await timePages(page, 100_000, runsLarge, 2, budgetLarge);

console.log(
  `RESULT ${JSON.stringify({
    seedMs: { to1k: round(seed1k, 1), to100k: round(seed100k, 1) },
    at1k: summarize(small),
    at100k: summarize(large),
  })}`,
);

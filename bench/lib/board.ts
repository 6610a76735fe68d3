/**
 * The order board's reads at 100,000 orders: a backend child process loaded with
 * bench/board-app (the real app's order fields, indexes and model functions), seeded by an
 * internal bulk mutation, then each column's first page and the column counts timed over HTTP
 * (ConvexHttpClient) and WebSocket (ConvexClient). Target: p99 ≤ 20 ms for each.
 */
import path from "node:path";
import { fileURLToPath } from "node:url";
import { makeFunctionReference } from "convex/server";
import { COLUMN_PAGE } from "../board-app/convex/board";
import { spawnBackend } from "./backend-process";
import { adminHttpClient, wsClient } from "./clients";
import { round, type Summary, summarize } from "./stats";

export const BOARD_APP_DIR = fileURLToPath(new URL("../board-app/convex", import.meta.url));
export const BOARD_P99_MS = 20;
const STATUSES = ["new", "processing", "shipped", "delivered", "cancelled", "refunded"] as const;
const SEED_BATCH = 2_000;

const fn = {
  createStore: makeFunctionReference<"mutation", Record<string, never>, string>(
    "board:createStore",
  ),
  seedOrders: makeFunctionReference<
    "mutation",
    { storeId: string; start: number; count: number },
    number
  >("board:seedOrders"),
  column: makeFunctionReference<
    "query",
    { storeId: string; status: string; nonce?: number },
    unknown[]
  >("board:column"),
  counts: makeFunctionReference<
    "query",
    { storeId: string; nonce?: number },
    Record<string, number>
  >("board:counts"),
};

export interface BoardResult {
  orders: number;
  seedMs: number;
  counts: Record<string, number>;
  /** Per transport, per query ("column:new" …, "counts"). */
  http: Record<string, Summary>;
  ws: Record<string, Summary>;
}

async function time(runs: number, warmup: number, call: () => Promise<unknown>) {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    await call();
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  return summarize(samples);
}

export async function boardPhase(
  dataRoot: string,
  options: { orders: number; runs: number; warmup: number },
  progress: (msg: string) => void,
): Promise<BoardResult> {
  progress("board: starting a backend with bench/board-app");
  const backend = await spawnBackend(BOARD_APP_DIR, path.join(dataRoot, "board"));
  const admin = adminHttpClient(backend.url, backend.adminKey);
  const ws = wsClient(backend.url);
  try {
    const storeId = await admin.mutation(fn.createStore, {});
    progress(`board: seeding ${options.orders.toLocaleString("en-US")} orders`);
    const t0 = performance.now();
    for (let start = 0; start < options.orders; start += SEED_BATCH) {
      const count = Math.min(SEED_BATCH, options.orders - start);
      await admin.mutation(fn.seedOrders as any, { storeId, start, count });
    }
    const seedMs = performance.now() - t0;
    const counts = await admin.query(fn.counts, { storeId });
    const total = Object.values(counts).reduce((a, b) => a + b, 0);
    if (total !== options.orders)
      throw new Error(`counts say ${total} orders, seeded ${options.orders}`);
    // A fresh argument per WebSocket call: ConvexClient answers a query it still holds from
    // its own cache, which would time nothing.
    let nonce = 0;
    const http: Record<string, Summary> = {};
    const wsTimes: Record<string, Summary> = {};
    for (const status of STATUSES) {
      progress(`board: column ${status}, ${options.runs} first pages over HTTP and WebSocket`);
      const check = (page: unknown[]) => {
        const expected = Math.min(COLUMN_PAGE, counts[status]);
        if (page.length !== expected) throw new Error(`column ${status}: ${page.length} cards`);
      };
      http[`column:${status}`] = await time(options.runs, options.warmup, async () =>
        check(await admin.query(fn.column, { storeId, status })),
      );
      wsTimes[`column:${status}`] = await time(options.runs, options.warmup, async () =>
        check(await ws.query(fn.column, { storeId, status, nonce: nonce++ })),
      );
    }
    http.counts = await time(options.runs, options.warmup, () =>
      admin.query(fn.counts, { storeId }),
    );
    wsTimes.counts = await time(options.runs, options.warmup, () =>
      ws.query(fn.counts, { storeId, nonce: nonce++ }),
    );
    return { orders: options.orders, seedMs: round(seedMs, 1), counts, http, ws: wsTimes };
  } catch (e) {
    throw new Error(`${(e as Error).message}\n--- backend output ---\n${backend.output()}`);
  } finally {
    await ws.close();
    await backend.stop();
  }
}

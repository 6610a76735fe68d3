// @vitest-environment node
// One writer per aggregate: an order (with its lines, fulfilments, returns and the store's
// counters), a product (and so stock), the daily roll-ups and the audit trail each change only
// through their model writer, so checkout, webhooks, imports and the board cannot drift apart.
import { readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, test } from "vitest";
import { findWrites } from "./writers/findWrites";

const root = resolve(__dirname, "../..");

// table → the one file allowed to write it.
const WRITERS: Record<string, string> = {
  orders: "convex/model/orders.ts",
  orderItems: "convex/model/orders.ts",
  fulfillments: "convex/model/orders.ts",
  returns: "convex/model/orders.ts",
  storeStats: "convex/model/orders.ts",
  orderNotes: "convex/model/orders.ts",
  supplierRules: "convex/model/suppliers.ts",
  supplierOrders: "convex/model/suppliers.ts",
  products: "convex/model/products.ts",
  checkouts: "convex/model/checkouts.ts",
  priceTestVisits: "convex/model/priceTests.ts",
  dailyMetrics: "convex/model/metrics.ts",
  auditLog: "convex/model/audit.ts",
  // The AI layer (issue #13).
  aiDrafts: "convex/model/ai/drafts.ts",
  aiUsage: "convex/model/ai/usage.ts",
  aiBudgets: "convex/model/ai/usage.ts",
  // Discover: one-click import
  importJobs: "convex/model/import/jobs.ts",
  discoverSettings: "convex/model/discover/ingest.ts",
  trendWatches: "convex/model/discover/ingest.ts",
  trendAlerts: "convex/model/discover/ingest.ts",
};

function convexFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === "_generated" ? [] : convexFiles(path);
    return entry.name.endsWith(".ts") ? [path] : [];
  });
}

// Deleting a whole store removes rows of every table, and only deletes (see storePurge.ts).
const PURGE = "convex/model/storePurge.ts";

function violations(files: string[]) {
  return findWrites(files, root)
    .filter((w) => !(w.file === PURGE && w.method === "delete"))
    .filter((w) => w.table === "?" || (WRITERS[w.table] && WRITERS[w.table] !== w.file))
    .map((w) => `${w.file}:${w.line} ${w.method} ${w.table}`);
}

describe("single writer per aggregate", () => {
  test("only the model writers write orders, products, counters, metrics and the audit log", () => {
    const files = convexFiles(join(root, "convex"));
    const writes = findWrites(files, root);
    // The analysis sees the writers themselves (so an empty result is not a blind spot).
    for (const file of new Set(Object.values(WRITERS))) {
      expect(
        writes.some((w) => w.file === file),
        `no writes found in ${file}`,
      ).toBe(true);
    }
    expect(violations(files)).toEqual([]);
  }, 60_000);

  test("a module writing an order, its lines or the counters directly is caught", () => {
    const fixture = join(root, "tests/convex/writers/rogue.fixture.ts");
    expect(violations([fixture])).toEqual([
      "tests/convex/writers/rogue.fixture.ts:6 patch orders",
      "tests/convex/writers/rogue.fixture.ts:7 patch storeStats",
      "tests/convex/writers/rogue.fixture.ts:9 insert orderItems",
    ]);
  }, 60_000);
});

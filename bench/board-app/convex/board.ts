/**
 * The board's reads at scale: the same model functions the app's orders:list and orders:counts
 * call (columnPage, getStoreStatsX), over the same indexes, without the app's sign-in door.
 * Seeding is an internal bulk mutation that writes orders and moves the counters per batch,
 * as model/orders.ts recordOrderHistory does.
 */
import {
  type DataModelFromSchemaDefinition,
  internalMutationGeneric,
  type MutationBuilder,
  mutationGeneric,
  type QueryBuilder,
  queryGeneric,
} from "convex/server";
import { v } from "convex/values";
import { columnPage } from "../../../convex/model/board";
import { emptyStoreStats, getStoreStatsX } from "../../../convex/model/storeStats";
import { orderStatus } from "../../../convex/model/validators";
import type schema from "./schema";

type DataModel = DataModelFromSchemaDefinition<typeof schema>;
const query = queryGeneric as QueryBuilder<DataModel, "public">;
const mutation = mutationGeneric as MutationBuilder<DataModel, "public">;
const internalMutation = internalMutationGeneric as MutationBuilder<DataModel, "internal">;

/** Cards in a column's first page (the board's PAGE_SIZE). */
export const COLUMN_PAGE = 20;

// A realistic spread: most orders are long delivered; a few are in flight.
const SPREAD = [
  ["delivered", 60],
  ["shipped", 15],
  ["processing", 10],
  ["new", 5],
  ["cancelled", 5],
  ["refunded", 5],
] as const;

function statusOf(i: number) {
  let slot = i % 100;
  for (const [status, weight] of SPREAD) {
    if (slot < weight) return status;
    slot -= weight;
  }
  return "delivered" as const;
}

export const createStore = mutation({
  args: {},
  handler: async (ctx) => {
    const storeId = await ctx.db.insert("stores", { name: "Bench store" });
    await ctx.db.insert("storeStats", emptyStoreStats(storeId as never));
    return storeId;
  },
});

export const seedOrders = internalMutation({
  args: { storeId: v.id("stores"), start: v.number(), count: v.number() },
  handler: async (ctx, { storeId, start, count }) => {
    const stats = await getStoreStatsX(ctx as never, storeId as never);
    const byStatus = { ...stats.ordersByStatus };
    const base = Date.UTC(2025, 0, 1);
    for (let i = start; i < start + count; i++) {
      const status = statusOf(i);
      const number = 1001 + i;
      await ctx.db.insert("orders", {
        storeId,
        number,
        status,
        channel: i % 3 === 0 ? "etsy" : "storefront",
        customer: { name: `Customer ${i}`, email: `c${i}@bench.test` },
        shippingAddress: { name: "C", line1: "1 St", city: "A", postalCode: "1", country: "US" },
        searchText: `customer ${i} c${i}@bench.test #${number}`,
        currency: "USD",
        subtotalCents: 2_000,
        discountCents: 0,
        shippingCents: 0,
        taxCents: 0,
        totalCents: 2_000,
        placedAt: base + i * 60_000,
        updatedAt: base + i * 60_000,
      });
      byStatus[status] += 1;
    }
    await ctx.db.patch(stats._id as never, {
      ordersByStatus: byStatus,
      nextOrderNumber: 1001 + start + count,
    });
    return count;
  },
});

export const column = query({
  // `nonce` only makes each WebSocket call a new subscription (no client-side cache hit).
  args: { storeId: v.id("stores"), status: orderStatus, nonce: v.optional(v.number()) },
  handler: async (ctx, { storeId, status }) =>
    (
      await columnPage(ctx as never, storeId as never, status, {
        numItems: COLUMN_PAGE,
        cursor: null,
      })
    ).page,
});

export const counts = query({
  args: { storeId: v.id("stores"), nonce: v.optional(v.number()) },
  handler: async (ctx, { storeId }) =>
    (await getStoreStatsX(ctx as never, storeId as never)).ordersByStatus,
});

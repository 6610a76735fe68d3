import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";
import { orderFields } from "../../../convex/tables/orders";
import { storeStatsFields } from "../../../convex/tables/stores";

/**
 * The board bench's data: the real app's `orders` and `storeStats` fields and the indexes the
 * board reads (a store table only so ids have somewhere to point).
 */
export default defineSchema({
  stores: defineTable({ name: v.string() }),
  orders: defineTable(orderFields)
    .index("by_store_placed", ["storeId", "placedAt"])
    .index("by_store_status_placed", ["storeId", "status", "placedAt"]),
  storeStats: defineTable(storeStatsFields).index("by_store", ["storeId"]),
});

import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

/** The bench app's data: small counter docs (throughput, fan-out) and a big indexed table. */
export default defineSchema({
  counters: defineTable({ name: v.string(), value: v.number() }).index("by_name", ["name"]),
  items: defineTable({
    category: v.number(),
    rank: v.number(),
    title: v.string(),
    price: v.number(),
  }).index("by_category_rank", ["category", "rank"]),
});

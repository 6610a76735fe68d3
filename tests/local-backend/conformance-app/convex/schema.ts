import { defineSchema, defineTable } from "convex/server";
import { v } from "convex/values";

// Schema of the conformance app. Every table here is used by scenarios in ../../scenarios/.
export default defineSchema({
  // General CRUD and index-range target.
  items: defineTable({
    name: v.string(),
    n: v.number(),
    tag: v.optional(v.string()),
    meta: v.optional(v.any()),
  })
    .index("by_n", ["n"])
    .index("by_tag_n", ["tag", "n"])
    .index("by_name", ["name"]),

  // Documents referencing `items` (v.id validators, normalizeId across tables).
  refs: defineTable({ label: v.string(), target: v.id("items") }),

  // One document per Convex value type, indexed on `v`: the cross-type value ordering.
  values: defineTable({ label: v.string(), v: v.optional(v.any()) }).index("by_v", ["v"]),

  // Homogeneous rows for filter expressions (same-type comparisons and arithmetic).
  nums: defineTable({
    label: v.string(),
    a: v.number(),
    b: v.number(),
    i: v.int64(),
    s: v.string(),
    nested: v.object({ a: v.object({ b: v.number() }) }),
  }),

  // Pagination.
  pages: defineTable({ group: v.string(), n: v.number() }).index("by_group_n", ["group", "n"]),

  // 3-field indexes and an index on a nested field path (like the product's order tables).
  orders: defineTable({
    label: v.string(),
    store: v.string(),
    status: v.string(),
    published: v.boolean(),
    placedAt: v.number(),
    customer: v.object({ email: v.string(), name: v.optional(v.string()) }),
  })
    .index("by_store_status_placed", ["store", "status", "placedAt"])
    .index("by_store_published_placed", ["store", "published", "placedAt"])
    .index("by_store_email_placed", ["store", "customer.email", "placedAt"]),

  // Full text search with filter fields.
  articles: defineTable({ title: v.string(), store: v.string(), status: v.string() }).searchIndex(
    "search_title",
    { searchField: "title", filterFields: ["store", "status"] },
  ),

  // Written by scheduled functions (scheduler.ts): one row per run, tagged per scenario.
  events: defineTable({
    tag: v.string(),
    n: v.number(),
    authenticated: v.boolean(),
    afterCaller: v.boolean(),
  }).index("by_tag", ["tag"]),

  // Schema validation: every write here is checked against this shape.
  strict: defineTable({
    name: v.string(),
    count: v.number(),
    kind: v.optional(v.union(v.literal("a"), v.literal("b"))),
    tags: v.optional(v.array(v.string())),
  }),
});

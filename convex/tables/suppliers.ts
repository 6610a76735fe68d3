// FULFILL: where each product is bought, what was ordered from suppliers, and the order notes.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { supplier } from "../model/validators";

// A rule picks the supplier of a product (sku absent) or of one variant (sku set; it wins).
export const supplierRuleFields = {
  storeId: v.id("stores"),
  productId: v.id("products"),
  sku: v.optional(v.string()),
  supplier,
  // The supplier's product page for this variant; "Order from supplier" opens it.
  url: v.optional(v.string()),
  // The supplier's own id of the variant (CJ's vid), needed to place orders through an API.
  supplierProductId: v.optional(v.string()),
  // What one unit costs at the supplier, products only.
  costCents: v.optional(v.number()),
  // Place new orders automatically (CJ only); off unless someone switches it on.
  autoOrder: v.boolean(),
  updatedAt: v.number(),
};

// One row per order bought from a supplier: the manual record or the automatic attempt.
// `idempotencyKey` goes to the supplier as its order number, so a retry cannot buy twice.
export const supplierOrderFields = {
  storeId: v.id("stores"),
  orderId: v.id("orders"),
  supplier,
  via: v.union(v.literal("manual"), v.literal("cj")),
  status: v.union(v.literal("placing"), v.literal("placed"), v.literal("failed")),
  idempotencyKey: v.string(),
  attempts: v.number(),
  supplierOrderId: v.optional(v.string()),
  productCostCents: v.optional(v.number()),
  shippingCostCents: v.optional(v.number()),
  // Why the last attempt failed and what to do next, in words for the team.
  lastError: v.optional(v.string()),
  nextStep: v.optional(v.string()),
  updatedAt: v.number(),
};

export const orderNoteFields = {
  storeId: v.id("stores"),
  orderId: v.id("orders"),
  // Absent for notes the system wrote (an import, the demo seed).
  authorId: v.optional(v.id("users")),
  body: v.string(),
  at: v.number(),
};

export const suppliersTables = {
  supplierRules: defineTable(supplierRuleFields).index("by_store_product_sku", [
    "storeId",
    "productId",
    "sku",
  ]),
  supplierOrders: defineTable(supplierOrderFields).index("by_store_order", ["storeId", "orderId"]),
  orderNotes: defineTable(orderNoteFields).index("by_store_order_at", ["storeId", "orderId", "at"]),
};

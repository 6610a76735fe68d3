// FULFILL: carts, orders and what happens to them after checkout.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import {
  address,
  cartItem,
  cartStatus,
  customer,
  fulfillmentStatus,
  orderStatus,
  returnStatus,
  salesChannel,
  supplier,
  trafficSource,
} from "../model/validators";

export const cartFields = {
  storeId: v.id("stores"),
  sessionId: v.string(),
  status: cartStatus,
  items: v.array(cartItem),
  couponCode: v.optional(v.string()),
  // Known once the shopper types it at checkout; enables abandoned-cart email.
  email: v.optional(v.string()),
  orderId: v.optional(v.id("orders")),
  updatedAt: v.number(),
};

export const orderFields = {
  storeId: v.id("stores"),
  // Human-facing, per store, allocated from storeStats.nextOrderNumber.
  number: v.number(),
  status: orderStatus,
  channel: salesChannel,
  source: v.optional(trafficSource),
  customer,
  shippingAddress: address,
  // "name email #number", lower-cased: the one field the order search index reads.
  searchText: v.string(),
  currency: v.string(),
  subtotalCents: v.number(),
  discountCents: v.number(),
  shippingCents: v.number(),
  taxCents: v.number(),
  totalCents: v.number(),
  couponCode: v.optional(v.string()),
  paymentRef: v.optional(v.string()),
  // When the shopper paid. Differs from _creationTime for imported and seeded history.
  placedAt: v.number(),
  updatedAt: v.number(),
};

export const orderItemFields = {
  storeId: v.id("stores"),
  orderId: v.id("orders"),
  productId: v.id("products"),
  sku: v.string(),
  // Snapshot at purchase time so later catalogue edits do not rewrite history.
  title: v.string(),
  quantity: v.number(),
  unitPriceCents: v.number(),
  unitCostCents: v.optional(v.number()),
  totalCents: v.number(),
  placedAt: v.number(),
};

export const fulfillmentFields = {
  storeId: v.id("stores"),
  orderId: v.id("orders"),
  supplier,
  supplierOrderId: v.optional(v.string()),
  status: fulfillmentStatus,
  carrier: v.optional(v.string()),
  trackingNumber: v.optional(v.string()),
  trackingUrl: v.optional(v.string()),
  costCents: v.number(),
  orderedAt: v.optional(v.number()),
  shippedAt: v.optional(v.number()),
  deliveredAt: v.optional(v.number()),
  updatedAt: v.number(),
};

export const returnFields = {
  storeId: v.id("stores"),
  orderId: v.id("orders"),
  reason: v.string(),
  status: returnStatus,
  refundCents: v.number(),
  requestedAt: v.number(),
  resolvedAt: v.optional(v.number()),
  paymentRefundRef: v.optional(v.string()),
};

export const ordersTables = {
  carts: defineTable(cartFields)
    .index("by_store_session", ["storeId", "sessionId"])
    .index("by_store_status_updated", ["storeId", "status", "updatedAt"]),
  orders: defineTable(orderFields)
    .index("by_store_placed", ["storeId", "placedAt"])
    .index("by_store_status_placed", ["storeId", "status", "placedAt"])
    .index("by_store_number", ["storeId", "number"])
    .index("by_store_email_placed", ["storeId", "customer.email", "placedAt"])
    .searchIndex("search_customer", { searchField: "searchText", filterFields: ["storeId"] }),
  orderItems: defineTable(orderItemFields)
    .index("by_store_order", ["storeId", "orderId"])
    .index("by_store_product_placed", ["storeId", "productId", "placedAt"]),
  fulfillments: defineTable(fulfillmentFields)
    .index("by_store_order", ["storeId", "orderId"])
    .index("by_store_status", ["storeId", "status"])
    .index("by_store_tracking", ["storeId", "trackingNumber"]),
  returns: defineTable(returnFields)
    .index("by_store_order", ["storeId", "orderId"])
    .index("by_store_status_requested", ["storeId", "status", "requestedAt"]),
};

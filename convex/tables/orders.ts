// FULFILL: carts, orders and what happens to them after checkout.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import {
  address,
  cartItem,
  cartStatus,
  checkoutLine,
  checkoutMode,
  checkoutStatus,
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
  // Aftercare (#12): which lines come back (absent = the whole order), the team's decision note,
  // notes for the supplier, whether the units go back on the shelf, and a refund that failed.
  items: v.optional(v.array(v.object({ sku: v.string(), quantity: v.number() }))),
  note: v.optional(v.string()),
  supplierNote: v.optional(v.string()),
  restock: v.optional(v.boolean()),
  refundError: v.optional(v.string()),
};

// Failed /track look-ups per key (visitor, order number): guessing emails is slowed down.
export const trackThrottleFields = {
  storeId: v.id("stores"),
  key: v.string(),
  failures: v.number(),
  windowStartsAt: v.number(),
  lockedUntil: v.optional(v.number()),
};

// A shopper's checkout between "Pay" and the order: it holds the stock (and a coupon use) it
// priced, so the last unit cannot be sold twice, until it is paid, fails or expires.
export const checkoutFields = {
  storeId: v.id("stores"),
  // SHA-256 of the secret handle the browser holds (the public `checkoutId`), and of the
  // receipt token derived from it: the secrets themselves are never stored.
  keyHash: v.string(),
  receiptHash: v.string(),
  visitorId: v.string(),
  status: checkoutStatus,
  mode: checkoutMode,
  currency: v.string(),
  lines: v.array(checkoutLine),
  subtotalCents: v.number(),
  discountCents: v.number(),
  shippingCents: v.number(),
  taxCents: v.number(),
  totalCents: v.number(),
  // Upper-cased; one use of it is held while the checkout is open.
  couponCode: v.optional(v.string()),
  customer,
  shippingAddress: address,
  stripeSessionId: v.optional(v.string()),
  orderId: v.optional(v.id("orders")),
  orderNumber: v.optional(v.number()),
  // Why a checkout failed, in words for the shopper.
  message: v.optional(v.string()),
  expiresAt: v.number(),
  updatedAt: v.number(),
};

// One row per (price test, visitor, product, kind, day): a price-test arm counts a visitor's
// view or cart once a day, however often the page is reloaded.
export const priceTestVisitFields = {
  storeId: v.id("stores"),
  testId: v.id("priceTests"),
  visitorId: v.string(),
  kind: v.union(v.literal("product_view"), v.literal("add_to_cart")),
  // UTC "YYYY-MM-DD"
  date: v.string(),
};

export const ordersTables = {
  checkouts: defineTable(checkoutFields)
    .index("by_store_key", ["storeId", "keyHash"])
    .index("by_store_receipt", ["storeId", "receiptHash"])
    .index("by_store_stripe_session", ["storeId", "stripeSessionId"])
    // A shopper's open checkouts: a new one replaces them (back from Stripe, cart edited).
    .index("by_store_visitor_status", ["storeId", "visitorId", "status"]),
  priceTestVisits: defineTable(priceTestVisitFields).index("by_store_test_visitor", [
    "storeId",
    "testId",
    "visitorId",
    "kind",
    "date",
  ]),
  carts: defineTable(cartFields)
    .index("by_store_session", ["storeId", "sessionId"])
    .index("by_store_status_updated", ["storeId", "status", "updatedAt"]),
  orders: defineTable(orderFields)
    .index("by_store_placed", ["storeId", "placedAt"])
    .index("by_store_status_placed", ["storeId", "status", "placedAt"])
    .index("by_store_number", ["storeId", "number"])
    // The order list filtered by sales channel (and dates).
    .index("by_store_channel_placed", ["storeId", "channel", "placedAt"])
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
  trackThrottle: defineTable(trackThrottleFields).index("by_store_key", ["storeId", "key"]),
};

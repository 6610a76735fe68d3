// ANALYZE: raw storefront events (kept ~30 days) and the daily roll-ups dashboards read.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { analyticsEventType, device, trafficSource } from "../model/validators";

export const analyticsEventFields = {
  storeId: v.id("stores"),
  type: analyticsEventType,
  sessionId: v.string(),
  source: trafficSource,
  device,
  // ISO 3166-1 alpha-2
  country: v.string(),
  productId: v.optional(v.id("products")),
  orderId: v.optional(v.id("orders")),
  // When it happened in the shopper's session (back-dated for seeded history).
  at: v.number(),
};

// Counters shared by the store-wide and per-product daily roll-ups.
const funnelCounts = {
  productViews: v.number(),
  addToCarts: v.number(),
  checkoutStarts: v.number(),
  purchases: v.number(),
};

export const dailyMetricFields = {
  storeId: v.id("stores"),
  // UTC calendar day, "YYYY-MM-DD"; one row per store per day.
  date: v.string(),
  // Orders placed that day that were not cancelled or refunded, all channels.
  revenueCents: v.number(),
  orders: v.number(),
  refundsCents: v.number(),
  // Storefront sessions.
  visitors: v.number(),
  pageViews: v.number(),
  ...funnelCounts,
  // Storefront purchases / visitors, in basis points.
  conversionBps: v.number(),
  topProductId: v.optional(v.id("products")),
};

export const productDailyMetricFields = {
  storeId: v.id("stores"),
  date: v.string(),
  productId: v.id("products"),
  revenueCents: v.number(),
  units: v.number(),
  ...funnelCounts,
};

export const analyticsTables = {
  analyticsEvents: defineTable(analyticsEventFields)
    .index("by_store_at", ["storeId", "at"])
    .index("by_store_type_at", ["storeId", "type", "at"])
    .index("by_store_session", ["storeId", "sessionId"])
    .index("by_store_product_at", ["storeId", "productId", "at"]),
  dailyMetrics: defineTable(dailyMetricFields).index("by_store_date", ["storeId", "date"]),
  productDailyMetrics: defineTable(productDailyMetricFields)
    .index("by_store_date", ["storeId", "date"])
    .index("by_store_product_date", ["storeId", "productId", "date"]),
};

// SELL: the product catalogue, pricing experiments and coupons.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import {
  aiRecommendation,
  couponDiscount,
  importSource,
  priceTestStatus,
  productImage,
  productStatus,
  productVariant,
} from "../model/validators";

export const productFields = {
  storeId: v.id("stores"),
  status: productStatus,
  // Fractional sort key for drag-reorder: moving a card patches one row.
  position: v.number(),
  slug: v.string(),
  title: v.string(),
  description: v.string(),
  category: v.string(),
  tags: v.array(v.string()),
  images: v.array(productImage),
  variants: v.array(productVariant),
  // The "from" price shown in listings: the cheapest variant's price.
  priceCents: v.number(),
  compareAtCents: v.optional(v.number()),
  // A real sale end: the storefront shows a countdown only when this is set and in the future.
  saleEndsAt: v.optional(v.number()),
  // Set for products on the storefront's "featured" shelf, in the team's drag-and-drop order.
  featuredPosition: v.optional(v.number()),
  // Sum of variant stock, kept in step by the catalog model.
  stock: v.number(),
  importSource,
  supplierUrl: v.optional(v.string()),
  supplierCostCents: v.optional(v.number()),
  // (price − supplier cost) / price in basis points; absent when the cost is unknown.
  marginBps: v.optional(v.number()),
  aiRecommendation: v.optional(aiRecommendation),
  trendId: v.optional(v.id("trends")),
  seo: v.optional(v.object({ title: v.string(), description: v.string() })),
  updatedAt: v.number(),
};

export const priceTestFields = {
  storeId: v.id("stores"),
  productId: v.id("products"),
  status: priceTestStatus,
  arms: v.array(
    v.object({
      label: v.string(),
      priceCents: v.number(),
      // Storefront visitors assigned this arm who viewed the product, added it to a cart, bought.
      views: v.number(),
      carts: v.number(),
      orders: v.number(),
      revenueCents: v.number(),
    }),
  ),
  startedAt: v.optional(v.number()),
  endedAt: v.optional(v.number()),
  winnerArm: v.optional(v.number()),
};

export const couponFields = {
  storeId: v.id("stores"),
  // Upper-cased; shoppers type it case-insensitively.
  code: v.string(),
  discount: couponDiscount,
  minSubtotalCents: v.optional(v.number()),
  startsAt: v.optional(v.number()),
  endsAt: v.optional(v.number()),
  maxRedemptions: v.optional(v.number()),
  redemptions: v.number(),
  active: v.boolean(),
};

export const catalogTables = {
  products: defineTable(productFields)
    .index("by_store_position", ["storeId", "position"])
    .index("by_store_status_position", ["storeId", "status", "position"])
    .index("by_store_status_category_position", ["storeId", "status", "category", "position"])
    .index("by_store_slug", ["storeId", "slug"])
    .index("by_store_featured", ["storeId", "featuredPosition"])
    .searchIndex("search_title", { searchField: "title", filterFields: ["storeId", "status"] }),
  priceTests: defineTable(priceTestFields)
    .index("by_store_product", ["storeId", "productId"])
    .index("by_store_status", ["storeId", "status"]),
  coupons: defineTable(couponFields)
    .index("by_store_code", ["storeId", "code"])
    .index("by_store_active", ["storeId", "active"]),
};

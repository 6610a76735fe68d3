// INTEGRATIONS: connected sales channels, what we list on them, what they sell, and the
// webhooks they (and payment/supplier services) send us.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import {
  integrationPlatform,
  syncStatus,
  webhookEventStatus,
  webhookProvider,
} from "../model/validators";

// Only ciphertext is ever stored ("enc:v1:…", see model/integrations.ts): a database dump
// or a careless query must not leak a merchant's API keys.
const ciphertext = v.string();

export const integrationFields = {
  storeId: v.id("stores"),
  platform: integrationPlatform,
  displayName: v.string(),
  storeUrl: v.optional(v.string()),
  credentials: v.object({
    apiKey: v.optional(ciphertext),
    apiSecret: v.optional(ciphertext),
    accessToken: v.optional(ciphertext),
    refreshToken: v.optional(ciphertext),
    webhookSecret: v.optional(ciphertext),
  }),
  active: v.boolean(),
  syncStatus,
  lastSyncAt: v.optional(v.number()),
  lastError: v.optional(v.string()),
};

export const channelListingFields = {
  storeId: v.id("stores"),
  productId: v.id("products"),
  integrationId: v.id("integrations"),
  externalProductId: v.optional(v.string()),
  externalUrl: v.optional(v.string()),
  // Absent means "use the catalogue price".
  channelPriceCents: v.optional(v.number()),
  published: v.boolean(),
  lastSyncedAt: v.optional(v.number()),
  syncError: v.optional(v.string()),
};

export const channelOrderFields = {
  storeId: v.id("stores"),
  orderId: v.id("orders"),
  integrationId: v.id("integrations"),
  externalOrderId: v.string(),
  channelFeeCents: v.number(),
  // The platform's original payload as JSON text: its keys need not be valid Convex fields.
  rawJson: v.string(),
};

export const webhookEventFields = {
  storeId: v.id("stores"),
  provider: webhookProvider,
  // The provider's event id; (storeId, provider, externalEventId) is unique, enforced by
  // recordWebhookEvent in model/integrations.ts.
  externalEventId: v.string(),
  topic: v.string(),
  status: webhookEventStatus,
  payloadJson: v.string(),
  receivedAt: v.number(),
  processedAt: v.optional(v.number()),
  error: v.optional(v.string()),
};

export const integrationsTables = {
  integrations: defineTable(integrationFields).index("by_store_platform", ["storeId", "platform"]),
  // (productId, integrationId) is unique: writers look it up by the first index before inserting.
  channelListings: defineTable(channelListingFields)
    .index("by_store_product_integration", ["storeId", "productId", "integrationId"])
    .index("by_store_integration", ["storeId", "integrationId"]),
  channelOrders: defineTable(channelOrderFields)
    .index("by_store_integration_external", ["storeId", "integrationId", "externalOrderId"])
    .index("by_store_order", ["storeId", "orderId"]),
  webhookEvents: defineTable(webhookEventFields)
    .index("by_store_provider_event", ["storeId", "provider", "externalEventId"])
    .index("by_store_status_received", ["storeId", "status", "receivedAt"]),
};

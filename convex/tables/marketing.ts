// MARKET: social posts, email campaigns and the outgoing message queue.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import {
  emailCampaignKind,
  emailCampaignStatus,
  outboxStatus,
  socialPlatform,
  socialPostStatus,
} from "../model/validators";

export const socialPostFields = {
  storeId: v.id("stores"),
  platform: socialPlatform,
  status: socialPostStatus,
  productId: v.optional(v.id("products")),
  draftId: v.optional(v.id("aiDrafts")),
  caption: v.string(),
  hashtags: v.array(v.string()),
  mediaUrls: v.array(v.string()),
  // Calendar position; drafts without a slot are not on the calendar.
  scheduledFor: v.optional(v.number()),
  publishedAt: v.optional(v.number()),
  externalPostId: v.optional(v.string()),
};

export const emailCampaignFields = {
  storeId: v.id("stores"),
  kind: emailCampaignKind,
  status: emailCampaignStatus,
  name: v.string(),
  subject: v.string(),
  body: v.string(),
  scheduledFor: v.optional(v.number()),
  sentAt: v.optional(v.number()),
  recipients: v.number(),
  opened: v.number(),
  clicked: v.number(),
};

export const outboxFields = {
  // Absent for account mail (verify an address, reset a password), which belongs to no store.
  storeId: v.optional(v.id("stores")),
  status: outboxStatus,
  to: v.string(),
  subject: v.string(),
  body: v.string(),
  campaignId: v.optional(v.id("emailCampaigns")),
  orderId: v.optional(v.id("orders")),
  // The sender retries with backoff by pushing this forward.
  sendAfter: v.number(),
  attempts: v.number(),
  lastError: v.optional(v.string()),
  sentAt: v.optional(v.number()),
};

export const marketingTables = {
  socialPosts: defineTable(socialPostFields)
    .index("by_store_scheduled", ["storeId", "scheduledFor"])
    .index("by_store_status", ["storeId", "status"]),
  emailCampaigns: defineTable(emailCampaignFields).index("by_store_status", ["storeId", "status"]),
  outbox: defineTable(outboxFields)
    .index("by_store_status_send_after", ["storeId", "status", "sendAfter"])
    // An order's notices (tracking, returns), for the order page.
    .index("by_store_order", ["storeId", "orderId"]),
};

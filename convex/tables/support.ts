// SUPPORT: shopper conversations (bot first, human on escalation) and the help centre.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { FAQ_EMBEDDING_DIMENSIONS } from "../model/support";
import { conversationChannel, conversationStatus, messageAuthor } from "../model/validators";

export const conversationFields = {
  storeId: v.id("stores"),
  status: conversationStatus,
  channel: conversationChannel,
  // Storefront session for anonymous chat; email once the shopper gives it.
  sessionId: v.optional(v.string()),
  customerEmail: v.optional(v.string()),
  customerName: v.optional(v.string()),
  orderId: v.optional(v.id("orders")),
  subject: v.string(),
  assigneeId: v.optional(v.id("users")),
  lastMessageAt: v.number(),
};

export const supportMessageFields = {
  storeId: v.id("stores"),
  conversationId: v.id("supportConversations"),
  author: messageAuthor,
  agentId: v.optional(v.id("users")),
  body: v.string(),
  at: v.number(),
};

export const faqFields = {
  storeId: v.id("stores"),
  question: v.string(),
  answer: v.string(),
  category: v.string(),
  position: v.number(),
  published: v.boolean(),
  // Filled by an embedding job; rows without it are simply not in the vector index yet.
  embedding: v.optional(v.array(v.float64())),
};

export const supportTables = {
  supportConversations: defineTable(conversationFields)
    .index("by_store_status_last", ["storeId", "status", "lastMessageAt"])
    .index("by_store_last", ["storeId", "lastMessageAt"])
    .index("by_store_email", ["storeId", "customerEmail"])
    .index("by_store_session", ["storeId", "sessionId"]),
  supportMessages: defineTable(supportMessageFields).index("by_store_conversation_at", [
    "storeId",
    "conversationId",
    "at",
  ]),
  faqs: defineTable(faqFields)
    .index("by_store_published_position", ["storeId", "published", "position"])
    .vectorIndex("by_embedding", {
      vectorField: "embedding",
      dimensions: FAQ_EMBEDDING_DIMENSIONS,
      filterFields: ["storeId", "published"],
    }),
};

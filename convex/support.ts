// SUPPORT: the team's inbox of shopper conversations.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { storeQuery } from "./functions";
import { getInStore } from "./model/access";
import { conversationStatus } from "./model/validators";
import schema from "./schema";

/** Most recently active first, optionally one status (e.g. "escalated" for the human queue). */
export const conversations = storeQuery({
  args: { status: v.optional(conversationStatus), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(schema.doc("supportConversations")),
  handler: async (ctx, { storeId, status, paginationOpts }) => {
    const query =
      status === undefined
        ? ctx.db
            .query("supportConversations")
            .withIndex("by_store_last", (q) => q.eq("storeId", storeId))
        : ctx.db
            .query("supportConversations")
            .withIndex("by_store_status_last", (q) =>
              q.eq("storeId", storeId).eq("status", status),
            );
    return await query.order("desc").paginate(paginationOpts);
  },
});

/** A conversation and its messages, oldest first; null if not in this store. */
export const thread = storeQuery({
  args: { conversationId: v.id("supportConversations") },
  returns: v.union(
    v.null(),
    v.object({
      conversation: schema.doc("supportConversations"),
      messages: v.array(schema.doc("supportMessages")),
    }),
  ),
  handler: async (ctx, { storeId, conversationId }) => {
    const conversation = await getInStore(ctx, storeId, conversationId);
    if (conversation === null) return null;
    const messages = await ctx.db
      .query("supportMessages")
      .withIndex("by_store_conversation_at", (q) =>
        q.eq("storeId", storeId).eq("conversationId", conversationId),
      )
      .take(500);
    return { conversation, messages };
  },
});

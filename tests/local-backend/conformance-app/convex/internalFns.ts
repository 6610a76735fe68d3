import { v } from "convex/values";
import { internal } from "./_generated/api";
import { action, internalAction, internalMutation, internalQuery } from "./_generated/server";

export const secretQuery = internalQuery({
  args: {},
  handler: async () => "internal query result",
});

export const secretMutation = internalMutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => await ctx.db.insert("items", { name, n: -1 }),
});

export const secretAction = internalAction({
  args: {},
  handler: async () => "internal action result",
});

/** Public functions may call internal ones. */
export const publicCallsInternal = action({
  args: {},
  handler: async (ctx): Promise<string> => await ctx.runQuery(internal.internalFns.secretQuery, {}),
});

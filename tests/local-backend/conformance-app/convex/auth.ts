import { api } from "./_generated/api";
import { action, mutation, query } from "./_generated/server";

/** `ctx.auth.getUserIdentity()` in a query. */
export const whoami = query({
  args: {},
  handler: async (ctx) => await ctx.auth.getUserIdentity(),
});

/** … in a mutation. */
export const whoamiMutation = mutation({
  args: {},
  handler: async (ctx) => await ctx.auth.getUserIdentity(),
});

/** … in an action, and in a query the action runs (the identity carries over). */
export const whoamiAction = action({
  args: {},
  handler: async (ctx): Promise<{ direct: unknown; viaQuery: unknown }> => ({
    direct: await ctx.auth.getUserIdentity(),
    viaQuery: await ctx.runQuery(api.auth.whoami, {}),
  }),
});

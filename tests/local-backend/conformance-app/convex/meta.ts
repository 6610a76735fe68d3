import { log } from "convex/server";
import { v } from "convex/values";
import { action, mutation, query } from "./_generated/server";

/** ctx.meta.getFunctionMetadata() as seen by a query, a mutation and an action. */
export const fnQuery = query({
  args: {},
  handler: async (ctx) => await ctx.meta.getFunctionMetadata(),
});
export const fnMutation = mutation({
  args: {},
  handler: async (ctx) => await ctx.meta.getFunctionMetadata(),
});
export const fnAction = action({
  args: {},
  handler: async (ctx) => await ctx.meta.getFunctionMetadata(),
});

/** A default export is named by its module alone. */
export default query({
  args: {},
  handler: async (ctx) => (await ctx.meta.getFunctionMetadata()).name,
});

/** The deployment's metadata: which fields, of which types, and a valid deployment class. */
export const deployment = query({
  args: {},
  handler: async (ctx) => {
    const d = await ctx.meta.getDeploymentMetadata();
    return {
      keys: Object.keys(d).sort(),
      name: typeof d.name,
      region: d.region === null ? null : typeof d.region,
      validClass: ["s16", "s256", "d1024", "d2048"].includes(d.class),
    };
  },
});

/** log.audit(...) is accepted from a mutation and an action and changes nothing for the app. */
export const auditFromMutation = mutation({
  args: { what: v.string() },
  handler: async (ctx, { what }) => {
    await log.audit({ action: "test.audit", what, nested: { n: 1, list: [1, "a", null] } });
    await ctx.db.insert("items", { name: what, n: 0 });
    return "recorded";
  },
});
export const auditFromAction = action({
  args: {},
  handler: async () => {
    await log.audit({ action: "test.audit.action" });
    return "recorded";
  },
});

/** ctx.meta.getRequestMetadata(): where the call came from (ip, user agent). */
export const requestMeta = mutation({
  args: {},
  handler: async (ctx) => {
    const { ip, userAgent } = await ctx.meta.getRequestMetadata();
    return { ip, userAgent };
  },
});
export const requestMetaAction = action({
  args: {},
  handler: async (ctx) => {
    const { ip, userAgent } = await ctx.meta.getRequestMetadata();
    return { ip, userAgent };
  },
});

import { ConvexError, v } from "convex/values";
import { action, mutation, query } from "./_generated/server";

export const convexErrorString = mutation({
  args: {},
  handler: async () => {
    throw new ConvexError("string payload");
  },
});

export const convexErrorObject = mutation({
  args: {},
  handler: async () => {
    throw new ConvexError({ code: "E_CONFLICT", retry: false, count: 3 });
  },
});

/** Nested data with every value type that survives the wire: bigint, bytes, null, arrays. */
export const convexErrorNested = query({
  args: {},
  handler: async () => {
    throw new ConvexError({
      code: "E_NESTED",
      detail: { path: ["a", "b"], limits: { max: 10n, ratio: 0.5 }, none: null },
      list: [1, "two", [3], { four: 4 }],
      raw: new Uint8Array([1, 2, 3]).buffer,
    });
  },
});

export const convexErrorFromAction = action({
  args: {},
  handler: async () => {
    throw new ConvexError({ from: "action" });
  },
});

export const plainErrorMutation = mutation({
  args: {},
  handler: async () => {
    throw new Error("plain mutation failure 4417");
  },
});

export const plainErrorQuery = query({
  args: {},
  handler: async () => {
    throw new Error("plain query failure 5521");
  },
});

export const plainErrorAction = action({
  args: {},
  handler: async () => {
    throw new Error("plain action failure 6630");
  },
});

/** Writes, then throws: the whole transaction must be rolled back. */
export const insertThenThrow = mutation({
  args: { name: v.string(), convex: v.boolean() },
  handler: async (ctx, { name, convex }) => {
    await ctx.db.insert("items", { name, n: 1 });
    await ctx.db.insert("items", { name: `${name}-2`, n: 2 });
    if (convex) throw new ConvexError({ rolledBack: name });
    throw new Error(`rollback ${name}`);
  },
});

/** Patches and deletes existing documents, then throws: they must come back unchanged. */
export const modifyThenThrow = mutation({
  args: { patchId: v.id("items"), deleteId: v.id("items") },
  handler: async (ctx, { patchId, deleteId }) => {
    await ctx.db.patch(patchId, { name: "patched-but-rolled-back" });
    await ctx.db.delete(deleteId);
    throw new Error("abort after modify");
  },
});

/** A query's args validator runs before the handler. */
export const needsNumber = query({
  args: { x: v.number() },
  handler: async (_ctx, { x }) => x * 2,
});

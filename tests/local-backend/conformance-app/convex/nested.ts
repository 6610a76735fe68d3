import { ConvexError, v } from "convex/values";
import { api, internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import {
  action,
  internalAction,
  internalMutation,
  internalQuery,
  mutation,
  query,
} from "./_generated/server";

export const childInsert = internalMutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => await ctx.db.insert("items", { name, n: 0 }),
});

export const childInsertThenThrow = internalMutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    await ctx.db.insert("items", { name, n: 0 });
    throw new Error("child failed");
  },
});

export const childThrowsConvexError = internalMutation({
  args: {},
  handler: async () => {
    throw new ConvexError({ code: "CHILD", level: 2 });
  },
});

export const countItems = internalQuery({
  args: {},
  handler: async (ctx) => (await ctx.db.query("items").collect()).length,
});

export const itemNames = internalQuery({
  args: {},
  handler: async (ctx) => (await ctx.db.query("items").collect()).map((d) => d.name),
});

/**
 * ctx.runMutation from a mutation runs a sub-transaction: a child that throws is rolled back on
 * its own while the parent carries on (and commits) when it catches the error.
 */
export const parentCatchesChild = mutation({
  args: {},
  handler: async (ctx): Promise<{ caught: boolean; childVisibleToParent: string | null }> => {
    await ctx.db.insert("items", { name: "parent", n: 0 });
    let caught = false;
    try {
      await ctx.runMutation(internal.nested.childInsertThenThrow, { name: "child-failed" });
    } catch {
      caught = true;
    }
    const childId: Id<"items"> = await ctx.runMutation(internal.nested.childInsert, {
      name: "child-ok",
    });
    const child = await ctx.db.get(childId);
    return { caught, childVisibleToParent: child?.name ?? null };
  },
});

/** The parent throws after a successful child: the child's writes go too. */
export const parentThrowsAfterChild = mutation({
  args: {},
  handler: async (ctx) => {
    await ctx.runMutation(internal.nested.childInsert, { name: "child-of-failed-parent" });
    throw new Error("parent failed after child");
  },
});

/** A query run from a mutation sees the mutation's uncommitted writes. */
export const mutationRunsQuery = mutation({
  args: {},
  handler: async (ctx): Promise<{ before: number; after: number }> => {
    const before: number = await ctx.runQuery(internal.nested.countItems, {});
    await ctx.db.insert("items", { name: "uncommitted", n: 0 });
    const after: number = await ctx.runQuery(internal.nested.countItems, {});
    return { before, after };
  },
});

export const queryRunsQuery = query({
  args: {},
  handler: async (ctx): Promise<string[]> => await ctx.runQuery(internal.nested.itemNames, {}),
});

export const subAction = internalAction({
  args: { x: v.number() },
  handler: async (_ctx, { x }) => x * 21,
});

/** An action composes queries, mutations and actions (public and internal). */
export const actionFlow = action({
  args: { name: v.string() },
  handler: async (ctx, { name }): Promise<any> => {
    const id = await ctx.runMutation(internal.nested.childInsert, { name });
    const doc = await ctx.runQuery(api.crud.getItem, { id });
    const viaPublicMutation = await ctx.runMutation(api.crud.insertItem, {
      name: `${name}-2`,
      n: 9,
    });
    const sub = await ctx.runAction(internal.nested.subAction, { x: 2 });
    const names = await ctx.runQuery(internal.nested.itemNames, {});
    return { id, doc, viaPublicMutation, sub, names };
  },
});

/** A ConvexError thrown by a mutation reaches the calling action with its data. */
export const actionCatchesConvexError = action({
  args: {},
  handler: async (ctx) => {
    try {
      await ctx.runMutation(internal.nested.childThrowsConvexError, {});
      return { caught: false };
    } catch (e: any) {
      return { caught: true, name: e?.name ?? null, data: e?.data ?? null };
    }
  },
});

/** An action is not a transaction: the mutation it ran stays committed when it throws later. */
export const actionThrowsAfterMutation = action({
  args: {},
  handler: async (ctx) => {
    await ctx.runMutation(internal.nested.childInsert, { name: "kept-by-action" });
    throw new Error("action failed after its mutation");
  },
});

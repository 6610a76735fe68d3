/**
 * Functions of the bench app. Written with the generic builders so no codegen is needed; the
 * bench calls them as "bench:<name>" through makeFunctionReference.
 */
import {
  type DataModelFromSchemaDefinition,
  internalMutationGeneric,
  type MutationBuilder,
  mutationGeneric,
  type QueryBuilder,
  queryGeneric,
} from "convex/server";
import { v } from "convex/values";
import type schema from "./schema";

type DataModel = DataModelFromSchemaDefinition<typeof schema>;
const query = queryGeneric as QueryBuilder<DataModel, "public">;
const mutation = mutationGeneric as MutationBuilder<DataModel, "public">;
const internalMutation = internalMutationGeneric as MutationBuilder<DataModel, "internal">;

/** Rows per page in the indexed-page benchmark. */
export const PAGE_SIZE = 50;

export const getCounter = query({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    const doc = await ctx.db
      .query("counters")
      .withIndex("by_name", (q) => q.eq("name", name))
      .unique();
    return doc?.value ?? null;
  },
});

/** The "small mutation": read one counter through its index and increment it. */
export const bump = mutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    const doc = await ctx.db
      .query("counters")
      .withIndex("by_name", (q) => q.eq("name", name))
      .unique();
    if (!doc) {
      await ctx.db.insert("counters", { name, value: 1 });
      return 1;
    }
    await ctx.db.patch(doc._id, { value: doc.value + 1 });
    return doc.value + 1;
  },
});

export const setCounter = mutation({
  args: { name: v.string(), value: v.number() },
  handler: async (ctx, { name, value }) => {
    const doc = await ctx.db
      .query("counters")
      .withIndex("by_name", (q) => q.eq("name", name))
      .unique();
    if (doc) await ctx.db.patch(doc._id, { value });
    else await ctx.db.insert("counters", { name, value });
    return value;
  },
});

/** Inserts items number `start` … `start + count - 1` (category = i % categories, rank = i). */
export const seedItems = internalMutation({
  args: { start: v.number(), count: v.number(), categories: v.number() },
  handler: async (ctx, { start, count, categories }) => {
    for (let i = start; i < start + count; i++) {
      await ctx.db.insert("items", {
        category: i % categories,
        rank: i,
        title: `Item ${i}`,
        price: (i * 37) % 10_000,
      });
    }
    return start + count;
  },
});

/** One page: the first PAGE_SIZE items of a category from a rank on, by index range. */
export const itemsPage = query({
  args: { category: v.number(), fromRank: v.number() },
  handler: async (ctx, { category, fromRank }) => {
    return await ctx.db
      .query("items")
      .withIndex("by_category_rank", (q) => q.eq("category", category).gte("rank", fromRank))
      .take(PAGE_SIZE);
  },
});

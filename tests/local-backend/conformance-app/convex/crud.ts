import { v } from "convex/values";
import { mutation, query } from "./_generated/server";

const order = v.optional(v.union(v.literal("asc"), v.literal("desc")));

export const insertItem = mutation({
  args: { name: v.string(), n: v.number(), tag: v.optional(v.string()), meta: v.optional(v.any()) },
  handler: async (ctx, args) => await ctx.db.insert("items", args),
});

/** Inserts several items in one transaction and returns their ids. */
export const insertMany = mutation({
  args: { names: v.array(v.string()) },
  handler: async (ctx, { names }) => {
    const ids = [];
    for (const [i, name] of names.entries()) ids.push(await ctx.db.insert("items", { name, n: i }));
    return ids;
  },
});

export const getItem = query({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => await ctx.db.get(id),
});

/** The table-scoped form `db.get(table, id)`. */
export const getItemInTable = query({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => await ctx.db.get("items", id),
});

/** Full documents in default table order (by _creationTime), optionally descending. */
export const listItems = query({
  args: { order },
  handler: async (ctx, args) => {
    const q = ctx.db.query("items");
    return await (args.order ? q.order(args.order) : q).collect();
  },
});

export const names = query({
  args: {},
  handler: async (ctx) => (await ctx.db.query("items").collect()).map((d) => d.name),
});

export const count = query({
  args: {},
  handler: async (ctx) => (await ctx.db.query("items").collect()).length,
});

export const patchItem = mutation({
  args: {
    id: v.id("items"),
    name: v.optional(v.string()),
    n: v.optional(v.number()),
    tag: v.optional(v.string()),
    meta: v.optional(v.any()),
  },
  handler: async (ctx, { id, ...fields }) => {
    await ctx.db.patch(id, fields);
    return await ctx.db.get(id);
  },
});

/** `db.patch(id, { field: undefined })` removes the field. */
export const clearField = mutation({
  args: { id: v.id("items"), field: v.union(v.literal("tag"), v.literal("meta")) },
  handler: async (ctx, { id, field }) => {
    await ctx.db.patch(id, { [field]: undefined });
    return await ctx.db.get(id);
  },
});

/** The table-scoped forms `db.patch(table, id, value)` / `db.replace(table, id, value)`. */
export const patchAndReplaceInTable = mutation({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => {
    await ctx.db.patch("items", id, { n: 100 });
    const afterPatch = await ctx.db.get(id);
    await ctx.db.replace("items", id, { name: "replaced-in-table", n: 200 });
    return { afterPatch, afterReplace: await ctx.db.get(id) };
  },
});

export const replaceItem = mutation({
  args: { id: v.id("items"), name: v.string(), n: v.number() },
  handler: async (ctx, { id, name, n }) => {
    await ctx.db.replace(id, { name, n });
    return await ctx.db.get(id);
  },
});

/** Deletes and reads back inside the same transaction (read-your-writes: null). */
export const deleteItem = mutation({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => {
    await ctx.db.delete(id);
    return await ctx.db.get(id);
  },
});

export const deleteTwice = mutation({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => {
    await ctx.db.delete(id);
    await ctx.db.delete(id);
  },
});

/** Patching a document that no longer exists throws. */
export const patchDeleted = mutation({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => {
    await ctx.db.patch(id, { n: 1 });
  },
});

/** Writes are visible to reads later in the same mutation. */
export const insertAndRead = mutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    const id = await ctx.db.insert("items", { name, n: 7 });
    const doc = await ctx.db.get(id);
    const all = await ctx.db.query("items").collect();
    const viaIndex = await ctx.db
      .query("items")
      .withIndex("by_name", (q) => q.eq("name", name))
      .unique();
    return { sameId: doc?._id === id, doc, count: all.length, viaIndexId: viaIndex?._id ?? null };
  },
});

/** Shape checks on the system fields of a stored document. */
export const systemFields = query({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => {
    const doc = await ctx.db.get(id);
    if (doc === null) return null;
    return {
      keys: Object.keys(doc).sort(),
      idType: typeof doc._id,
      idMatches: doc._id === id,
      creationTimeType: typeof doc._creationTime,
      // Milliseconds since the Unix epoch, so within a sane window of "now".
      creationTimePlausible: doc._creationTime > 1.6e12 && doc._creationTime < 1e14,
    };
  },
});

/** Creation times of documents inserted in one transaction are strictly increasing. */
export const creationTimesIncreasing = query({
  args: {},
  handler: async (ctx) => {
    const docs = await ctx.db.query("items").collect();
    return docs.every((d, i) => i === 0 || d._creationTime > docs[i - 1]._creationTime);
  },
});

export const normalize = query({
  args: { table: v.union(v.literal("items"), v.literal("refs")), id: v.string() },
  handler: async (ctx, { table, id }) => ctx.db.normalizeId(table, id),
});

export const insertRef = mutation({
  args: { label: v.string(), target: v.id("items") },
  handler: async (ctx, args) => await ctx.db.insert("refs", args),
});

export const getRef = query({
  args: { id: v.id("refs") },
  handler: async (ctx, { id }) => await ctx.db.get(id),
});

/** `db.system` reads of system tables (empty when nothing was scheduled or stored). */
export const systemTables = query({
  args: {},
  handler: async (ctx) => ({
    scheduled: await ctx.db.system.query("_scheduled_functions").collect(),
    storage: await ctx.db.system.query("_storage").collect(),
    normalizedGarbage: ctx.db.system.normalizeId("_storage", "not-an-id"),
  }),
});

/** `db.system.get` of a user-table id. */
export const systemGetUserDoc = query({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => await ctx.db.system.get(id as any),
});

/** A user reader cannot query a system table. */
export const userQueryOfSystemTable = query({
  args: {},
  handler: async (ctx) => await ctx.db.query("_storage" as any).collect(),
});

/** System tables are read-only. */
export const insertIntoSystemTable = mutation({
  args: {},
  handler: async (ctx) => await ctx.db.insert("_storage" as any, {} as any),
});

/** Read-modify-write: returns the new value of n (used to check serializability). */
export const increment = mutation({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => {
    const doc = await ctx.db.get(id);
    if (doc === null) throw new Error("no such item");
    await ctx.db.patch(id, { n: doc.n + 1 });
    return doc.n + 1;
  },
});

/** A mutation and a query that return nothing: callers receive null. */
export const returnsNothing = mutation({
  args: {},
  handler: async () => {},
});
export const queryReturnsNothing = query({
  args: {},
  handler: async () => undefined,
});

/** Fields set to undefined in an insert are simply absent. */
export const insertWithUndefined = mutation({
  args: {},
  handler: async (ctx) => {
    const id = await ctx.db.insert("items", { name: "u", n: 1, tag: undefined });
    const doc = await ctx.db.get(id);
    return doc === null ? null : Object.keys(doc).sort();
  },
});

import { v } from "convex/values";
import { action, mutation, query } from "./_generated/server";

/** Every validator kind; the handler echoes its arguments back (so every type round-trips). */
export const echo = mutation({
  args: {
    obj: v.object({ a: v.string(), b: v.optional(v.number()) }),
    union: v.union(v.string(), v.number()),
    lit: v.literal("x"),
    id: v.id("items"),
    arr: v.array(v.number()),
    rec: v.record(v.string(), v.boolean()),
    int: v.int64(),
    float: v.float64(),
    bytes: v.bytes(),
    anything: v.any(),
    opt: v.optional(v.string()),
    nul: v.null(),
    bool: v.boolean(),
  },
  handler: async (_ctx, args) => args,
});

/** A function with no declared args validator accepts anything. */
export const noValidator = query({
  handler: async (_ctx, args: Record<string, unknown>) => Object.keys(args).sort(),
});

export const goodReturn = query({
  args: {},
  returns: v.object({ a: v.number(), b: v.optional(v.string()) }),
  handler: async () => ({ a: 1 }),
});

export const badReturn = query({
  args: {},
  returns: v.number(),
  handler: async () => "not a number" as any,
});

/** Returns an object with a field the returns validator does not allow. */
export const extraFieldReturn = query({
  args: {},
  returns: v.object({ a: v.number() }),
  handler: async () => ({ a: 1, extra: true }) as any,
});

/** Writes, then returns a value its returns validator rejects. */
export const insertThenBadReturn = mutation({
  args: {},
  returns: v.number(),
  handler: async (ctx) => {
    await ctx.db.insert("items", { name: "bad-return", n: 1 });
    return "oops" as any;
  },
});

export const actionBadReturn = action({
  args: {},
  returns: v.string(),
  handler: async () => 5 as any,
});

// Schema validation on the `strict` table (document: name string, count number,
// kind "a" | "b" optional, tags string[] optional).

export const strictInsert = mutation({
  args: { doc: v.any() },
  handler: async (ctx, { doc }) => await ctx.db.insert("strict", doc),
});

export const strictPatch = mutation({
  args: { id: v.id("strict"), fields: v.any() },
  handler: async (ctx, { id, fields }) => {
    await ctx.db.patch(id, fields);
    return await ctx.db.get(id);
  },
});

export const strictReplace = mutation({
  args: { id: v.id("strict"), doc: v.any() },
  handler: async (ctx, { id, doc }) => {
    await ctx.db.replace(id, doc);
    return await ctx.db.get(id);
  },
});

/** A valid insert followed by an invalid one in the same mutation: both must be gone. */
export const strictValidThenInvalid = mutation({
  args: {},
  handler: async (ctx) => {
    await ctx.db.insert("strict", { name: "valid", count: 1 });
    await ctx.db.insert("strict", { name: "invalid", count: "one" } as any);
  },
});

export const strictList = query({
  args: {},
  handler: async (ctx) => await ctx.db.query("strict").collect(),
});

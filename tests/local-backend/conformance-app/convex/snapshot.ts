import { v } from "convex/values";
import { internal } from "./_generated/api";
import { internalMutation, internalQuery, mutation } from "./_generated/server";

export const names = internalQuery({
  args: {},
  handler: async (ctx): Promise<string[]> =>
    (await ctx.db.query("items").collect()).map((d) => d.name).sort(),
});

/**
 * `ctx.runQuery(..., { useStaleSnapshot: true })` (the snapshotQuery udf type) reads at the
 * mutation's start: committed data yes, the mutation's own pending writes (and those of its
 * nested mutations) no. A plain runQuery sees them.
 */
export const compare = mutation({
  args: {},
  handler: async (ctx) => {
    const existing = await ctx.db.query("items").first();
    await ctx.db.insert("items", { name: "pending", n: 1 });
    if (existing) await ctx.db.patch(existing._id, { name: `${existing.name}-patched` });
    await ctx.runMutation(internal.snapshot.insertNamed, { name: "pending-child" });
    const snapshot: string[] = await ctx.runQuery(internal.snapshot.names, {}, {
      useStaleSnapshot: true,
    } as any);
    const plain: string[] = await ctx.runQuery(internal.snapshot.names, {});
    // After the snapshot query the mutation still sees (and commits) its own writes.
    const after = (await ctx.db.query("items").collect()).map((d) => d.name).sort();
    return { snapshot, plain, after };
  },
});

export const insertNamed = internalMutation({
  args: { name: v.string() },
  handler: async (ctx, { name }) => {
    await ctx.db.insert("items", { name, n: 0 });
  },
});

/** Reads `count` items (a nested call's own documentsRead limit applies to it). */
export const readN = internalQuery({
  args: { count: v.number() },
  handler: async (ctx, { count }) => (await ctx.db.query("items").take(count)).length,
});

/** Inserts `count` items, then throws when asked to (its writes are rolled back). */
export const writeN = internalMutation({
  args: { count: v.number(), fail: v.optional(v.boolean()) },
  handler: async (ctx, { count, fail }) => {
    for (let i = 0; i < count; i++) await ctx.db.insert("items", { name: `w${i}`, n: i });
    if (fail) throw new Error("nested mutation failed on purpose");
    return count;
  },
});

/**
 * Nested calls with `transactionLimits`: each enforces its own budget (counted from the call),
 * and a rolled-back nested mutation's writes do not count against the caller's budget.
 */
export const nestedLimits = mutation({
  args: {
    readLimit: v.number(),
    read: v.number(),
    writeLimit: v.number(),
    write: v.number(),
  },
  handler: async (ctx, args) => {
    const outcome = async (f: () => Promise<unknown>) => {
      try {
        return { ok: await f() };
      } catch (e) {
        const m = String((e as Error).message);
        return {
          error: /Scanned too many/.test(m) ? "read" : /Wrote too many/.test(m) ? "write" : m,
        };
      }
    };
    const read = await outcome(() =>
      ctx.runQuery(internal.snapshot.readN, { count: args.read }, {
        transactionLimits: { documentsRead: args.readLimit },
      } as any),
    );
    const write = await outcome(() =>
      ctx.runMutation(internal.snapshot.writeN, { count: args.write }, {
        transactionLimits: { documentsWritten: args.writeLimit },
      } as any),
    );
    return { read, write };
  },
});

/** Two nested mutations of 3 writes each under a limit of 4 for the pair: the first throws. */
export const rolledBackWritesDoNotCount = mutation({
  args: {},
  handler: async (ctx): Promise<{ failed: string; wrapped: number; documentsWritten: number }> => {
    const failed: string = await ctx
      .runMutation(internal.snapshot.writeN, { count: 3, fail: true })
      .then(
        () => "no error",
        (e: Error) => (/on purpose/.test(e.message) ? "failed" : e.message),
      );
    const wrapped: number = await ctx.runMutation(internal.snapshot.wrapWrites, {}, {
      transactionLimits: { documentsWritten: 4 },
    } as any);
    const metrics: any = await (ctx.meta as any).getTransactionMetrics();
    return { failed, wrapped, documentsWritten: metrics.documentsWritten.used };
  },
});

export const wrapWrites = internalMutation({
  args: {},
  handler: async (ctx): Promise<number> => {
    await ctx.runMutation(internal.snapshot.writeN, { count: 3, fail: true }).catch(() => null);
    return await ctx.runMutation(internal.snapshot.writeN, { count: 3 });
  },
});

/**
 * getSnapshotTs in a mutation is strictly below the commit timestamp it writes with
 * (db.vars.commitTs), and a later transaction's snapshot includes that commit.
 */
export const snapshotBeforeCommit = mutation({
  args: {},
  handler: async (ctx) => {
    const snapshot = ctx.meta.getSnapshotTs();
    const id = await ctx.db.insert("items", {
      name: "stamped",
      n: 0,
      meta: { snapshot, commitTs: (ctx.db as any).vars.commitTs },
    });
    return id;
  },
});

export const checkStamp = internalQuery({
  args: { id: v.id("items") },
  handler: async (ctx, { id }) => {
    const doc = await ctx.db.get(id);
    const meta = doc?.meta as { snapshot: bigint; commitTs: bigint };
    const now = ctx.meta.getSnapshotTs();
    return {
      snapshotBelowCommit: meta.snapshot < meta.commitTs,
      commitVisibleLater: meta.commitTs <= now,
      commitIsInt64: typeof meta.commitTs === "bigint",
    };
  },
});

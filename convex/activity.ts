// The activity feed: the audit log, newest first, optionally one person's or one kind of
// record's, with who did it by name. AI actions arrive marked by their actor kind.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { storeQuery } from "./functions";
import { actorKind, auditChange } from "./model/validators";

const entry = v.object({
  _id: v.id("auditLog"),
  at: v.number(),
  actorKind,
  actorId: v.optional(v.id("users")),
  actorName: v.optional(v.string()),
  action: v.string(),
  targetTable: v.string(),
  targetId: v.string(),
  changes: v.array(auditChange),
});

export const list = storeQuery({
  args: {
    actorId: v.optional(v.id("users")),
    targetTable: v.optional(v.string()),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(entry),
  handler: async (ctx, { storeId, actorId, targetTable, paginationOpts }) => {
    const query =
      actorId !== undefined
        ? ctx.db
            .query("auditLog")
            .withIndex("by_store_actor_at", (q) => q.eq("storeId", storeId).eq("actorId", actorId))
        : targetTable !== undefined
          ? ctx.db
              .query("auditLog")
              .withIndex("by_store_table_at", (q) =>
                q.eq("storeId", storeId).eq("targetTable", targetTable),
              )
          : ctx.db.query("auditLog").withIndex("by_store_at", (q) => q.eq("storeId", storeId));
    // A person and a kind together: the person's index narrows, the kind filters the page.
    const narrowed =
      actorId !== undefined && targetTable !== undefined
        ? query.filter((q) => q.eq(q.field("targetTable"), targetTable))
        : query;
    const result = await narrowed.order("desc").paginate(paginationOpts);
    const names = new Map<string, string | undefined>();
    const page = [];
    for (const row of result.page) {
      if (row.actorId !== undefined && !names.has(row.actorId)) {
        const user = await ctx.db.get(row.actorId);
        names.set(row.actorId, user?.name ?? user?.email);
      }
      page.push({
        _id: row._id,
        at: row.at,
        actorKind: row.actorKind,
        actorId: row.actorId,
        actorName: row.actorId === undefined ? undefined : names.get(row.actorId),
        action: row.action,
        targetTable: row.targetTable,
        targetId: row.targetId,
        changes: row.changes,
      });
    }
    return { ...result, page };
  },
});

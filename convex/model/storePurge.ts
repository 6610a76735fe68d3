// Deleting a whole store: every row of every store-scoped table goes, in batches small enough
// for one transaction each, then the store itself. This is the one place allowed to delete rows
// of any aggregate (tests/convex/writers.test.ts): the store is not changing, it is leaving.
import type { Id, TableNames } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import schema from "../schema";

// Rows deleted per transaction: far below the per-mutation write limit.
export const PURGE_BATCH = 1_000;

/** Every table whose rows carry a storeId, with the index that finds them by store. */
export function storeScopedTables(): { table: TableNames; index: string }[] {
  const out: { table: TableNames; index: string }[] = [];
  for (const [table, definition] of Object.entries(schema.tables)) {
    const byStore = definition[" indexes"]().find((i) => i.fields[0] === "storeId");
    if (byStore) out.push({ table: table as TableNames, index: byStore.indexDescriptor });
  }
  return out;
}

/**
 * Deletes up to PURGE_BATCH rows of the store, starting at table `from`. Returns the table to
 * continue from, or null once every row and the store itself are gone.
 */
export async function purgeBatch(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  from: number,
): Promise<number | null> {
  const tables = storeScopedTables();
  let budget = PURGE_BATCH;
  for (let i = from; i < tables.length; i++) {
    const { table, index } = tables[i];
    // Generic over every table: the index name comes from the schema itself.
    const rows = await (ctx.db.query(table) as any)
      .withIndex(index, (q: any) => q.eq("storeId", storeId))
      .take(budget);
    for (const row of rows as { _id: Id<TableNames> }[]) await ctx.db.delete(row._id);
    budget -= rows.length;
    if (budget === 0) return i;
  }
  const store = await ctx.db.get(storeId);
  if (store !== null) await ctx.db.delete(storeId);
  return null;
}

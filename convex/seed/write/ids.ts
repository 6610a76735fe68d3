// Seeded rows refer to each other by slug and platform; these map them to the inserted ids.
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";

export async function productIdsBySlug(ctx: MutationCtx, storeId: Id<"stores">) {
  // Bounded: the demo catalogue has ~40 products.
  const products = await ctx.db
    .query("products")
    .withIndex("by_store_position", (q) => q.eq("storeId", storeId))
    .take(1_000);
  return new Map(products.map((p) => [p.slug, p._id]));
}

export async function integrationIdsByPlatform(ctx: MutationCtx, storeId: Id<"stores">) {
  const integrations = await ctx.db
    .query("integrations")
    .withIndex("by_store_platform", (q) => q.eq("storeId", storeId))
    .take(50);
  return new Map(integrations.map((i) => [i.platform, i._id]));
}

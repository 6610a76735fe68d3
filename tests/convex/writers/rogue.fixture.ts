// Deliberately breaks the single-writer rule, so writers.test.ts can show it catches it.
import type { Id } from "../../../convex/_generated/dataModel";
import type { MutationCtx } from "../../../convex/_generated/server";

export async function rogue(ctx: MutationCtx, orderId: Id<"orders">, stats: Id<"storeStats">) {
  await ctx.db.patch(orderId, { status: "shipped" });
  await ctx.db.patch(stats, { lifetimeOrders: 0 });
  const { db } = ctx;
  await db.insert("orderItems", {} as never);
}

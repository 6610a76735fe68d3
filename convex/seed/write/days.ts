// Writes generated days: orders through the order writer (which moves the store's counters),
// the channel rows hanging off them, raw events for recent days, and the daily roll-ups.
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { conflict } from "../../model/errors";
import { bumpDailyMetrics } from "../../model/metrics";
import { recordOrderHistory } from "../../model/orders";
import { buildDay, type SeedDay } from "../day";
import type { World } from "../world";
import { integrationIdsByPlatform, productIdsBySlug } from "./ids";

async function insertDay(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  day: SeedDay,
  ids: {
    products: Map<string, Id<"products">>;
    integrations: Map<string, Id<"integrations">>;
  },
  coupons: Map<string, number>,
) {
  // The order aggregate (orders, lines, fulfilments, returns, counters) goes through its writer.
  const orderIds = await recordOrderHistory(
    ctx,
    storeId,
    day.orders.map(({ items, channelOrder: _c, webhook: _w, device: _d, ...order }) => ({
      ...order,
      currency: "USD",
      items: items.map(({ slug, ...item }) => ({ ...item, productId: ids.products.get(slug)! })),
    })),
  );
  for (const [index, order] of day.orders.entries()) {
    const orderId = orderIds[index];
    if (order.channelOrder) {
      const { platform, ...rest } = order.channelOrder;
      const integrationId = ids.integrations.get(platform)!;
      await ctx.db.insert("channelOrders", { storeId, orderId, integrationId, ...rest });
    }
    if (order.webhook) {
      await ctx.db.insert("webhookEvents", {
        storeId,
        ...order.webhook,
        status: "processed",
        processedAt: order.webhook.receivedAt + 400,
      });
    }
    if (order.couponCode) {
      coupons.set(order.couponCode, (coupons.get(order.couponCode) ?? 0) + 1);
    }
  }
  for (const { productSlug, orderIndex, ...event } of day.events) {
    await ctx.db.insert("analyticsEvents", {
      storeId,
      ...event,
      productId: productSlug ? ids.products.get(productSlug) : undefined,
      orderId: orderIndex === undefined ? undefined : orderIds[orderIndex],
    });
  }
  const { date, topProductSlug, conversionBps: _c, ...counts } = day.metrics;
  await bumpDailyMetrics(
    ctx,
    storeId,
    date,
    counts,
    topProductSlug ? ids.products.get(topProductSlug) : undefined,
  );
  for (const [slug, metrics] of day.products) {
    await ctx.db.insert("productDailyMetrics", {
      storeId,
      date,
      productId: ids.products.get(slug)!,
      ...metrics,
    });
  }
  // A refund may land on a day a later chunk has not written yet; bumping creates the row.
  for (const refund of day.refunds) {
    await bumpDailyMetrics(ctx, storeId, refund.date, { refundsCents: refund.cents });
  }
}

/** Writes days [from, to) of the world; chunks must run oldest first, each exactly once. */
export async function writeDays(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  world: World,
  from: number,
  to: number,
): Promise<void> {
  const firstDay = await ctx.db
    .query("dailyMetrics")
    .withIndex("by_store_date", (q) => q.eq("storeId", storeId).eq("date", world.dates[from]))
    .unique();
  // A refund may have created the row early, but never with traffic: traffic means a rerun.
  if (firstDay !== null && firstDay.visitors + firstDay.orders > 0) {
    throw conflict(`Demo data for ${world.dates[from]} was already seeded.`);
  }
  const ids = {
    products: await productIdsBySlug(ctx, storeId),
    integrations: await integrationIdsByPlatform(ctx, storeId),
  };

  const coupons = new Map<string, number>();
  for (let index = from; index < to; index++) {
    await insertDay(ctx, storeId, buildDay(world, index), ids, coupons);
  }
  for (const [code, used] of coupons) {
    const coupon = await ctx.db
      .query("coupons")
      .withIndex("by_store_code", (q) => q.eq("storeId", storeId).eq("code", code))
      .unique();
    if (coupon) await ctx.db.patch(coupon._id, { redemptions: coupon.redemptions + used });
  }
}

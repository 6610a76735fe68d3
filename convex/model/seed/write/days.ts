// Writes generated days: orders and everything hanging off them, raw events for recent days,
// and the daily roll-ups, then moves the store's counters on.
import type { Id } from "../../../_generated/dataModel";
import type { MutationCtx } from "../../../_generated/server";
import { conflict } from "../../errors";
import { bumpDailyMetrics } from "../../metrics";
import { applyStatsDelta, orderSearchText, type StatsDelta } from "../../orders";
import { getStoreStatsX } from "../../storeStats";
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
  counters: { nextOrderNumber: number; coupons: Map<string, number> },
) {
  const orderIds: Id<"orders">[] = [];
  for (const order of day.orders) {
    const { items, fulfillment, return: ret, channelOrder, webhook, device: _, ...fields } = order;
    const number = counters.nextOrderNumber++;
    const orderId = await ctx.db.insert("orders", {
      storeId,
      ...fields,
      number,
      currency: "USD",
      searchText: orderSearchText({ number, customer: order.customer }),
    });
    orderIds.push(orderId);
    for (const { slug, ...item } of items) {
      const productId = ids.products.get(slug)!;
      await ctx.db.insert("orderItems", {
        storeId,
        orderId,
        productId,
        ...item,
        placedAt: order.placedAt,
      });
    }
    if (fulfillment) await ctx.db.insert("fulfillments", { storeId, orderId, ...fulfillment });
    if (ret) await ctx.db.insert("returns", { storeId, orderId, ...ret });
    if (channelOrder) {
      const { platform, ...rest } = channelOrder;
      const integrationId = ids.integrations.get(platform)!;
      await ctx.db.insert("channelOrders", { storeId, orderId, integrationId, ...rest });
    }
    if (webhook) {
      await ctx.db.insert("webhookEvents", {
        storeId,
        ...webhook,
        status: "processed",
        processedAt: webhook.receivedAt + 400,
      });
    }
    if (order.couponCode) {
      counters.coupons.set(order.couponCode, (counters.coupons.get(order.couponCode) ?? 0) + 1);
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

function _statsDeltaFor(day: SeedDay): StatsDelta {
  const ordersByStatus: StatsDelta["ordersByStatus"] = {};
  for (const order of day.orders) {
    ordersByStatus[order.status] = (ordersByStatus[order.status] ?? 0) + 1;
  }
  return {
    ordersByStatus,
    lifetimeRevenueCents: day.metrics.revenueCents,
    lifetimeOrders: day.metrics.orders,
  };
}

function statsDeltaFor(day: SeedDay): StatsDelta {
  const ordersByStatus: StatsDelta["ordersByStatus"] = {};
  for (const order of day.orders) {
    ordersByStatus[order.status] = (ordersByStatus[order.status] ?? 0) + 1;
  }
  return {
    ordersByStatus,
    lifetimeRevenueCents: day.metrics.revenueCents,
    lifetimeOrders: day.metrics.orders,
  };
}

/** Writes days [from, to) of the world; chunks must run oldest first, each exactly once. */
export async function writeDays(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  world: World,
  from: number,
  to: number,
): Promise<void> {
  const stats = await getStoreStatsX(ctx, storeId);
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

  const counters = { nextOrderNumber: stats.nextOrderNumber, coupons: new Map<string, number>() };
  let totals = { ...stats };
  for (let index = from; index < to; index++) {
    const day = buildDay(world, index);
    await insertDay(ctx, storeId, day, ids, counters);
    totals = { ...totals, ...applyStatsDelta(totals, statsDeltaFor(day)) };
  }
  await ctx.db.patch(stats._id, {
    nextOrderNumber: counters.nextOrderNumber,
    ordersByStatus: totals.ordersByStatus,
    lifetimeRevenueCents: totals.lifetimeRevenueCents,
    lifetimeOrders: totals.lifetimeOrders,
  });
  for (const [code, used] of counters.coupons) {
    const coupon = await ctx.db
      .query("coupons")
      .withIndex("by_store_code", (q) => q.eq("storeId", storeId).eq("code", code))
      .unique();
    if (coupon) await ctx.db.patch(coupon._id, { redemptions: coupon.redemptions + used });
  }
}

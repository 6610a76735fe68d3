// One complete seeded day: the orders placed by `now`, the sessions behind them, and the
// roll-ups computed from exactly those, so stored events and daily metrics always agree.
import { dateKey } from "../model/dates";
import { ratioBps } from "../model/money";
import { countsAsSale } from "../model/orderRules";
import { buildDayOrders, type SeedOrder } from "./orders";
import { buildDayTraffic, type SeedEvent } from "./traffic";
import type { World } from "./world";

export type ProductDay = {
  revenueCents: number;
  units: number;
  productViews: number;
  addToCarts: number;
  checkoutStarts: number;
  purchases: number;
};

export type DayMetrics = {
  date: string;
  revenueCents: number;
  orders: number;
  refundsCents: number;
  visitors: number;
  pageViews: number;
  productViews: number;
  addToCarts: number;
  checkoutStarts: number;
  purchases: number;
  conversionBps: number;
  topProductSlug?: string;
};

export type SeedDay = {
  date: string;
  orders: SeedOrder[];
  // Empty for days older than the raw-event window.
  events: SeedEvent[];
  metrics: DayMetrics;
  products: Map<string, ProductDay>;
  // Refunds land on the day the money went back, which is usually a later day.
  refunds: { date: string; cents: number }[];
};

function emptyProductDay(): ProductDay {
  return {
    revenueCents: 0,
    units: 0,
    productViews: 0,
    addToCarts: 0,
    checkoutStarts: 0,
    purchases: 0,
  };
}

export function buildDay(world: World, dayIndex: number): SeedDay {
  const date = world.dates[dayIndex];
  const allOrders = buildDayOrders(world, date, dayIndex);
  const sessions = buildDayTraffic(world, date, allOrders).filter((s) => s.startedAt <= world.now);
  // Orders are time-sorted, so keeping a prefix keeps purchase events' indexes valid.
  const orders = allOrders.filter((order) => order.placedAt <= world.now);
  const events = sessions.flatMap((s) => s.events).filter((e) => e.at <= world.now);

  const products = new Map<string, ProductDay>();
  const productDay = (slug: string) => {
    let day = products.get(slug);
    if (!day) products.set(slug, (day = emptyProductDay()));
    return day;
  };

  let revenueCents = 0;
  let saleCount = 0;
  const refunds: SeedDay["refunds"] = [];
  for (const order of orders) {
    if (order.return?.status === "refunded" && order.return.resolvedAt !== undefined) {
      refunds.push({ date: dateKey(order.return.resolvedAt), cents: order.return.refundCents });
    }
    if (!countsAsSale(order.status)) continue;
    revenueCents += order.totalCents;
    saleCount += 1;
    for (const item of order.items) {
      const day = productDay(item.slug);
      day.revenueCents += item.totalCents;
      day.units += item.quantity;
    }
  }

  const counts = { page_view: 0, product_view: 0, add_to_cart: 0, checkout_start: 0, purchase: 0 };
  for (const event of events) {
    counts[event.type] += 1;
    if (event.type === "product_view") productDay(event.productSlug!).productViews += 1;
    if (event.type === "add_to_cart") productDay(event.productSlug!).addToCarts += 1;
    if (event.type === "purchase") {
      for (const item of orders[event.orderIndex!].items) productDay(item.slug).purchases += 1;
    }
  }
  for (const session of sessions) {
    const checkedOut = session.events.some((e) => e.type === "checkout_start" && e.at <= world.now);
    if (checkedOut) for (const slug of session.checkoutSlugs) productDay(slug).checkoutStarts += 1;
  }

  let topProductSlug: string | undefined;
  for (const [slug, day] of products) {
    if (
      day.revenueCents > 0 &&
      (!topProductSlug || day.revenueCents > products.get(topProductSlug)!.revenueCents)
    ) {
      topProductSlug = slug;
    }
  }

  return {
    date,
    orders,
    events: world.eventDates.has(date) ? events : [],
    metrics: {
      date,
      revenueCents,
      orders: saleCount,
      refundsCents: 0,
      visitors: sessions.length,
      pageViews: counts.page_view,
      productViews: counts.product_view,
      addToCarts: counts.add_to_cart,
      checkoutStarts: counts.checkout_start,
      purchases: counts.purchase,
      conversionBps: ratioBps(counts.purchase, sessions.length),
      topProductSlug,
    },
    products,
    refunds,
  };
}

/** Documents a day will write, so the seeding action can keep each mutation small. */
export function estimateWrites(day: SeedDay): number {
  let writes = 1 + day.products.size + day.events.length + day.refunds.length;
  for (const order of day.orders) {
    writes += 1 + order.items.length;
    if (order.fulfillment) writes += 1;
    if (order.return) writes += 1;
    if (order.channelOrder) writes += 1;
    if (order.webhook) writes += 1;
  }
  return writes;
}

/** Groups consecutive day indexes so each group writes at most `budget` documents. */
export function chunkDays(world: World, budget: number): { from: number; to: number }[] {
  const chunks: { from: number; to: number }[] = [];
  let from = 0;
  let writes = 0;
  for (let i = 0; i < world.dates.length; i++) {
    const dayWrites = estimateWrites(buildDay(world, i));
    if (i > from && writes + dayWrites > budget) {
      chunks.push({ from, to: i });
      from = i;
      writes = 0;
    }
    writes += dayWrites;
  }
  if (from < world.dates.length) chunks.push({ from, to: world.dates.length });
  return chunks;
}

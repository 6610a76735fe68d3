// One day of storefront sessions: a converting session behind every storefront order, plus
// browsers who leave at each funnel step, so page views ≫ product views > add-to-cart >
// checkout > purchase, with a conversion rate around 3%.
import type { AnalyticsEventType, Device, TrafficSource } from "../model/validators";
import { DEVICES, type SeedOrder, TRAFFIC_SOURCES, timeInDay } from "./orders";
import type { SeedProduct } from "./products";
import { Rng } from "./random";
import type { World } from "./world";

export type SeedEvent = {
  type: AnalyticsEventType;
  sessionId: string;
  source: TrafficSource;
  device: Device;
  country: string;
  productSlug?: string;
  // Index into the day's orders, for purchase events.
  orderIndex?: number;
  at: number;
};

export type SeedSession = {
  id: string;
  startedAt: number;
  events: SeedEvent[];
  // Products in the cart when checkout started (checkout events themselves carry no product).
  checkoutSlugs: string[];
};

const COUNTRIES = [
  ["US", 62],
  ["CA", 10],
  ["GB", 12],
  ["AU", 8],
  ["DE", 8],
] as const;

class SessionBuilder {
  readonly events: SeedEvent[] = [];
  readonly checkoutSlugs: string[] = [];
  private at: number;

  constructor(
    private readonly rng: Rng,
    readonly id: string,
    public startedAt: number,
    private readonly who: { source: TrafficSource; device: Device; country: string },
  ) {
    this.at = startedAt;
  }

  add(type: AnalyticsEventType, extra: { productSlug?: string; orderIndex?: number } = {}) {
    this.events.push({ type, sessionId: this.id, ...this.who, ...extra, at: this.at });
    this.at += this.rng.int(15, 120) * 1_000;
  }

  /** Moves the whole session so its last event so far happened just before `at`. */
  endJustBefore(at: number) {
    const last = this.events[this.events.length - 1].at;
    const shift = at - 30_000 - last;
    for (const event of this.events) event.at += shift;
    this.startedAt += shift;
    this.at = at;
  }

  build(): SeedSession {
    return {
      id: this.id,
      startedAt: this.startedAt,
      events: this.events,
      checkoutSlugs: this.checkoutSlugs,
    };
  }
}

function browse(rng: Rng, session: SessionBuilder, viewable: SeedProduct[]) {
  const weights = viewable.map((p) => [p, p.popularity] as const);
  session.add("page_view");
  while (rng.chance(0.4)) session.add("page_view");
  if (!rng.chance(0.35)) return;
  const viewed = Array.from({ length: rng.int(1, 2) }, () => rng.weighted(weights));
  for (const product of viewed) session.add("product_view", { productSlug: product.slug });
  if (!rng.chance(0.22)) return;
  const carted = rng.pick(viewed);
  session.add("add_to_cart", { productSlug: carted.slug });
  if (!rng.chance(0.35)) return;
  session.checkoutSlugs.push(carted.slug);
  session.add("checkout_start");
}

/**
 * All sessions for `date`, whole day. `orders` is the day's full, time-sorted order list;
 * purchase events point into it by index.
 */
export function buildDayTraffic(world: World, date: string, orders: SeedOrder[]): SeedSession[] {
  const rng = new Rng(world.seed, "traffic", date);
  const viewable = world.products.filter((p) => p.status === "active");
  const dayStartMs = Date.parse(`${date}T00:00:00Z`);
  const sessions: SeedSession[] = [];
  let n = 0;
  const nextId = () => `${date}-${String(n++).padStart(4, "0")}`;

  orders.forEach((order, orderIndex) => {
    if (order.channel !== "storefront") return;
    const session = new SessionBuilder(rng, nextId(), order.placedAt, {
      source: order.source ?? "direct",
      device: order.device,
      country: order.shippingAddress.country,
    });
    session.add("page_view");
    if (rng.chance(0.6)) session.add("page_view");
    for (const item of order.items) session.add("product_view", { productSlug: item.slug });
    for (const item of order.items) session.add("add_to_cart", { productSlug: item.slug });
    session.checkoutSlugs.push(...order.items.map((item) => item.slug));
    session.add("checkout_start");
    // The purchase event is the order itself, so the session is placed to end there.
    session.endJustBefore(order.placedAt);
    session.add("purchase", { orderIndex });
    sessions.push(session.build());
  });

  // Conversion drifts day to day between 2% and 4.2%.
  const converting = sessions.length;
  const rate = Math.min(0.042, Math.max(0.02, 0.031 + rng.normal() * 0.004));
  const browsers = Math.max(0, Math.round(converting / rate) - converting);
  for (let i = 0; i < browsers; i++) {
    const session = new SessionBuilder(rng, nextId(), timeInDay(rng, dayStartMs), {
      source: rng.weighted(TRAFFIC_SOURCES),
      device: rng.weighted(DEVICES),
      country: rng.weighted(COUNTRIES),
    });
    browse(rng, session, viewable);
    sessions.push(session.build());
  }
  return sessions;
}

// One day of orders: how many, who bought what, through which channel, and how far each
// order has got by `now` (status, fulfilment, returns) — all from the day's own PRNG stream.
import { DAY_MS } from "../model/dates";
import { applyBps } from "../model/money";
import { computeTotals } from "../model/orderRules";
import type {
  Address,
  Customer,
  Device,
  OrderStatus,
  SalesChannel,
  TrafficSource,
  WebhookProvider,
} from "../model/validators";
import { expectedOrders, HOUR_WEIGHTS, MAX_ORDERS_PER_DAY, MIN_ORDERS_PER_DAY } from "./calendar";
import { pickCustomer } from "./people";
import type { SeedProduct } from "./products";
import { Rng } from "./random";
import { planOrder, resolveAt, type SeedFulfillment, type SeedReturn } from "./lifecycle";
import { DEMO_SETTINGS, usableCoupons, type World } from "./world";

const HOUR_MS = 3_600_000;

export type SeedOrderItem = {
  slug: string;
  sku: string;
  title: string;
  quantity: number;
  unitPriceCents: number;
  unitCostCents: number;
  totalCents: number;
};

export type SeedChannelOrder = {
  platform: "shopify" | "tiktok_shop";
  externalOrderId: string;
  channelFeeCents: number;
  rawJson: string;
};

export type SeedWebhook = {
  provider: WebhookProvider;
  externalEventId: string;
  topic: string;
  payloadJson: string;
  receivedAt: number;
};

export type SeedOrder = {
  status: OrderStatus;
  channel: SalesChannel;
  source?: TrafficSource;
  device: Device;
  customer: Customer;
  shippingAddress: Address;
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  couponCode?: string;
  paymentRef?: string;
  placedAt: number;
  updatedAt: number;
  items: SeedOrderItem[];
  fulfillment?: SeedFulfillment;
  return?: SeedReturn;
  channelOrder?: SeedChannelOrder;
  webhook?: SeedWebhook;
};

export const TRAFFIC_SOURCES: readonly (readonly [TrafficSource, number])[] = [
  ["google", 30],
  ["tiktok", 22],
  ["instagram", 15],
  ["facebook", 12],
  ["direct", 13],
  ["email", 5],
  ["referral", 3],
];

export const DEVICES: readonly (readonly [Device, number])[] = [
  ["mobile", 62],
  ["desktop", 32],
  ["tablet", 6],
];

/** How many orders the whole day gets (before trimming today's to what happened by now). */
export function orderCountForDay(rng: Rng, date: string, progress: number): number {
  const expected = expectedOrders(date, progress);
  const noisy = Math.round(expected + rng.normal() * Math.sqrt(expected) * 0.6);
  return Math.min(MAX_ORDERS_PER_DAY, Math.max(MIN_ORDERS_PER_DAY, noisy));
}

export function timeInDay(rng: Rng, dayStartMs: number): number {
  const hour = rng.weighted(HOUR_WEIGHTS);
  return dayStartMs + hour * HOUR_MS + rng.int(0, HOUR_MS - 1);
}

function pickItems(rng: Rng, sellable: SeedProduct[]): SeedOrderItem[] {
  const count = rng.weighted([
    [1, 65],
    [2, 25],
    [3, 10],
  ] as const);
  const weights = sellable.map(
    (p) => [p, p.status === "archived" ? p.popularity * 0.3 : p.popularity] as const,
  );
  const chosen = new Map<string, SeedProduct>();
  for (let attempt = 0; chosen.size < count && attempt < 10; attempt++) {
    const product = rng.weighted(weights);
    chosen.set(product.slug, product);
  }
  return [...chosen.values()].map((product) => {
    const variant = rng.pick(product.variants);
    const quantity = rng.chance(0.15) ? 2 : 1;
    return {
      slug: product.slug,
      sku: variant.sku,
      title: variant.title === "Default" ? product.title : `${product.title} — ${variant.title}`,
      quantity,
      unitPriceCents: variant.priceCents,
      unitCostCents: product.supplierCostCents,
      totalCents: variant.priceCents * quantity,
    };
  });
}

function channelOrder(
  rng: Rng,
  channel: SalesChannel,
  totalCents: number,
  currency: string,
): SeedChannelOrder | undefined {
  if (channel !== "shopify" && channel !== "tiktok_shop") return undefined;
  const externalOrderId = channel === "shopify" ? rng.digits(13) : rng.digits(18);
  const channelFeeCents =
    channel === "shopify" ? applyBps(totalCents, 290) + 30 : applyBps(totalCents, 600);
  return {
    platform: channel,
    externalOrderId,
    channelFeeCents,
    rawJson: JSON.stringify({ id: externalOrderId, total_cents: totalCents, currency }),
  };
}

// Recent orders arrive with the webhook that announced them, as live ones would.
function webhookFor(
  rng: Rng,
  order: Pick<SeedOrder, "channel" | "paymentRef" | "placedAt" | "totalCents" | "channelOrder">,
): SeedWebhook | undefined {
  const receivedAt = order.placedAt + rng.int(1, 5) * 1_000;
  if (order.channel === "storefront") {
    const id = `evt_${rng.token(24)}`;
    return {
      provider: "stripe",
      externalEventId: id,
      topic: "payment_intent.succeeded",
      payloadJson: JSON.stringify({
        id,
        type: "payment_intent.succeeded",
        data: { object: { id: order.paymentRef, amount: order.totalCents } },
      }),
      receivedAt,
    };
  }
  if (!order.channelOrder) return undefined;
  return {
    provider: order.channelOrder.platform,
    externalEventId: `${rng.token(8)}-${rng.token(4)}-${rng.token(12)}`,
    topic: order.channelOrder.platform === "shopify" ? "orders/create" : "ORDER_STATUS_CHANGE",
    payloadJson: order.channelOrder.rawJson,
    receivedAt,
  };
}

/**
 * The whole day's orders, sorted by time — including, for today, those "after now", which the
 * day builder trims, so that today's orders do not depend on the hour of seeding. Drafts are
 * never sold; archived products sold before they were retired.
 */
export function buildDayOrders(world: World, date: string, dayIndex: number): SeedOrder[] {
  const rng = new Rng(world.seed, "orders", date);
  const progress = world.dates.length > 1 ? dayIndex / (world.dates.length - 1) : 1;
  const count = orderCountForDay(rng, date, progress);
  const dayStartMs = Date.parse(`${date}T00:00:00Z`);
  const sellable = world.products.filter((p) => p.status !== "draft");
  const bySlug = new Map(world.products.map((p) => [p.slug, p]));
  const recentSince = world.now - 2 * DAY_MS;
  const orders: SeedOrder[] = [];

  for (let i = 0; i < count; i++) {
    const placedAt = timeInDay(rng, dayStartMs);
    const customer = pickCustomer(rng, world.customers);
    const channel = rng.weighted<SalesChannel>([
      ["storefront", 75],
      ["shopify", 15],
      ["tiktok_shop", 10],
    ]);
    const items = pickItems(rng, sellable);
    const subtotal = items.reduce((sum, item) => sum + item.totalCents, 0);
    const candidates = usableCoupons(world, placedAt, subtotal);
    // Shoppers hunt for codes far more during sale windows.
    const couponRate = candidates.some((c) => c.code === "BFCM25") ? 0.4 : 0.14;
    const coupon =
      candidates.length > 0 && rng.chance(couponRate) ? rng.pick(candidates) : undefined;
    const totals = computeTotals({
      lines: items,
      discount: coupon?.discount,
      flatShippingCents: DEMO_SETTINGS.flatShippingCents,
      freeShippingThresholdCents: DEMO_SETTINGS.freeShippingThresholdCents,
      taxBps: customer.address.country === "US" ? 700 : 0,
    });
    const plan = planOrder(rng, placedAt, items, bySlug);
    const life = resolveAt(plan, world.now, totals.totalCents - totals.shippingCents);
    const source = rng.weighted(TRAFFIC_SOURCES);
    const device = rng.weighted(DEVICES);
    const paymentRef = `pi_${rng.token(24)}`;
    const channelOrderRow = channelOrder(rng, channel, totals.totalCents, "USD");
    const order: SeedOrder = {
      status: life.status,
      channel,
      source: channel === "storefront" ? source : undefined,
      device,
      customer: { name: customer.name, email: customer.email },
      shippingAddress: customer.address,
      ...totals,
      couponCode: coupon?.code,
      paymentRef: channel === "storefront" ? paymentRef : undefined,
      placedAt,
      updatedAt: life.updatedAt,
      items,
      fulfillment: "fulfillment" in life ? life.fulfillment : undefined,
      return: "ret" in life ? life.ret : undefined,
      channelOrder: channelOrderRow,
    };
    const webhook = webhookFor(rng, order);
    if (placedAt >= recentSince) order.webhook = webhook;
    orders.push(order);
  }
  return orders.sort((a, b) => a.placedAt - b.placedAt);
}

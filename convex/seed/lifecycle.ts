// What happens to an order after checkout, drawn once per order: supplier order, shipping,
// delivery, maybe a cancellation or a return — then read off at `now` to give its status.
import { DAY_MS } from "../model/dates";
import type { FulfillmentStatus, ReturnStatus, Supplier } from "../model/validators";
import type { SeedOrderItem } from "./orders";
import type { SeedProduct } from "./products";
import type { Rng } from "./random";

const HOUR_MS = 3_600_000;

export type SeedFulfillment = {
  supplier: Supplier;
  supplierOrderId?: string;
  status: FulfillmentStatus;
  carrier?: string;
  trackingNumber?: string;
  trackingUrl?: string;
  costCents: number;
  orderedAt?: number;
  shippedAt?: number;
  deliveredAt?: number;
  updatedAt: number;
};

export type SeedReturn = {
  reason: string;
  status: ReturnStatus;
  refundCents: number;
  requestedAt: number;
  resolvedAt?: number;
};

const RETURN_REASONS = [
  "Arrived damaged",
  "Not as pictured",
  "Wrong size",
  "Changed my mind",
  "Arrived too late for the occasion",
];

const SUPPLIER_SHIPPING_CENTS: Record<Supplier, number> = { aliexpress: 250, cj: 420, manual: 560 };

function supplierOf(product: SeedProduct | undefined): Supplier {
  if (!product || product.importSource === "manual") return "manual";
  return product.importSource === "cj" ? "cj" : "aliexpress";
}

function tracking(rng: Rng, supplier: Supplier) {
  if (supplier === "manual") {
    const trackingNumber = `9400${rng.digits(18)}`;
    return {
      carrier: "USPS",
      trackingNumber,
      trackingUrl: `https://tools.usps.com/go/TrackConfirmAction?tLabels=${trackingNumber}`,
    };
  }
  const trackingNumber = supplier === "cj" ? `CJPKL${rng.digits(10)}` : `LP00${rng.digits(12)}`;
  return {
    carrier: supplier === "cj" ? "CJPacket" : "AliExpress Standard Shipping",
    trackingNumber,
    trackingUrl: `https://t.17track.net/en#nums=${trackingNumber}`,
  };
}

// Everything random about an order's future is drawn up front, whatever `now` is, so the
// same seed gives the same orders whether the store is seeded today or next week.
export type Plan = {
  placedAt: number;
  orderedAt: number;
  shippedAt: number;
  deliveredAt: number;
  cancelledAt?: number;
  supplier: Supplier;
  supplierOrderId?: string;
  supplierOrderPlaced: boolean;
  tracking: { carrier: string; trackingNumber: string; trackingUrl: string };
  costCents: number;
  returnPlan?: {
    reason: string;
    requestedAt: number;
    resolvedAt: number;
    refunded: boolean;
    approvedEarly: boolean;
  };
};

export function planOrder(
  rng: Rng,
  placedAt: number,
  items: SeedOrderItem[],
  products: Map<string, SeedProduct>,
): Plan {
  const orderedAt = placedAt + rng.int(2, 30) * HOUR_MS;
  const shippedAt = placedAt + rng.int(32, 84) * HOUR_MS;
  const deliveredAt = shippedAt + rng.int(3, 9) * DAY_MS;
  const cancels = rng.chance(0.03);
  const cancelledAt = placedAt + rng.int(1, 20) * HOUR_MS;
  const supplier = supplierOf(products.get(items[0].slug));
  const supplierOrderId = rng.digits(supplier === "cj" ? 14 : 16);
  const supplierOrderPlaced = rng.chance(0.6);
  const track = tracking(rng, supplier);
  const returns = rng.chance(0.04);
  const requestedAt = deliveredAt + rng.int(1, 10) * DAY_MS + rng.int(0, 23) * HOUR_MS;
  const resolvedAt = requestedAt + rng.int(1, 5) * DAY_MS;
  const refunded = rng.chance(0.7);
  const approvedEarly = rng.chance(0.5);
  const reason = rng.pick(RETURN_REASONS);
  return {
    placedAt,
    orderedAt,
    shippedAt,
    deliveredAt,
    cancelledAt: cancels ? cancelledAt : undefined,
    supplier,
    supplierOrderId: supplier === "manual" ? undefined : supplierOrderId,
    supplierOrderPlaced,
    tracking: track,
    costCents:
      items.reduce((sum, item) => sum + item.unitCostCents * item.quantity, 0) +
      SUPPLIER_SHIPPING_CENTS[supplier],
    returnPlan: returns ? { reason, requestedAt, resolvedAt, refunded, approvedEarly } : undefined,
  };
}

/** Where a planned order stands at `now`: status, fulfilment and any return. */
export function resolveAt(plan: Plan, now: number, refundableCents: number) {
  if (plan.cancelledAt !== undefined && plan.cancelledAt <= now) {
    // Cancelled before the supplier was asked; nothing to fulfil.
    return { status: "cancelled" as const, updatedAt: plan.cancelledAt };
  }
  const { supplier, supplierOrderId, costCents, orderedAt, shippedAt, deliveredAt } = plan;
  if (deliveredAt <= now) {
    const fulfillment: SeedFulfillment = {
      supplier,
      supplierOrderId,
      status: "delivered",
      ...plan.tracking,
      costCents,
      orderedAt,
      shippedAt,
      deliveredAt,
      updatedAt: deliveredAt,
    };
    const ret = returnAt(plan, now, refundableCents);
    return {
      status: ret?.status === "refunded" ? ("refunded" as const) : ("delivered" as const),
      updatedAt: ret?.resolvedAt ?? deliveredAt,
      fulfillment,
      ret,
    };
  }
  if (shippedAt <= now) {
    const fulfillment: SeedFulfillment = {
      supplier,
      supplierOrderId,
      status: "shipped",
      ...plan.tracking,
      costCents,
      orderedAt,
      shippedAt,
      updatedAt: shippedAt,
    };
    return { status: "shipped" as const, updatedAt: shippedAt, fulfillment };
  }
  if (orderedAt <= now) {
    // Processing: the supplier order is placed for most; the rest wait for a click.
    const fulfillment: SeedFulfillment = plan.supplierOrderPlaced
      ? { supplier, supplierOrderId, status: "ordered", costCents, orderedAt, updatedAt: orderedAt }
      : { supplier, status: "pending", costCents, updatedAt: orderedAt };
    return { status: "processing" as const, updatedAt: orderedAt, fulfillment };
  }
  return { status: "new" as const, updatedAt: plan.placedAt };
}

function returnAt(plan: Plan, now: number, refundableCents: number): SeedReturn | undefined {
  const r = plan.returnPlan;
  if (!r || r.requestedAt > now) return undefined;
  if (r.resolvedAt <= now) {
    return {
      reason: r.reason,
      status: r.refunded ? "refunded" : "denied",
      refundCents: r.refunded ? refundableCents : 0,
      requestedAt: r.requestedAt,
      resolvedAt: r.resolvedAt,
    };
  }
  const status = r.requestedAt + DAY_MS <= now && r.approvedEarly ? "approved" : "requested";
  return { reason: r.reason, status, refundCents: refundableCents, requestedAt: r.requestedAt };
}

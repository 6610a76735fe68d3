// Order rules (pure, no database): the status machine, totals, and how an order counts towards store stats.
import type { Doc } from "../_generated/dataModel";
import { appError } from "./errors";
import { applyBps, assertCents } from "./money";
import type { CouponDiscount, OrderStatus } from "./validators";

// The whole order life cycle as data. Cancelling is for orders not yet shipped; once the
// parcel has left, money goes back through a refund.
export const ORDER_TRANSITIONS: Record<OrderStatus, readonly OrderStatus[]> = {
  new: ["processing", "cancelled"],
  processing: ["shipped", "cancelled"],
  shipped: ["delivered", "refunded"],
  delivered: ["refunded"],
  cancelled: [],
  refunded: [],
};

// Order numbers start here so a store's first order does not look like its first.
export const FIRST_ORDER_NUMBER = 1001;

export function canTransition(from: OrderStatus, to: OrderStatus): boolean {
  return ORDER_TRANSITIONS[from].includes(to);
}

export function validateTransition(from: OrderStatus, to: OrderStatus): void {
  if (!canTransition(from, to)) {
    const allowed = ORDER_TRANSITIONS[from];
    throw appError(
      "INVALID_TRANSITION",
      allowed.length === 0
        ? `A ${from} order cannot change status.`
        : `A ${from} order can only become ${allowed.join(" or ")}, not ${to}.`,
    );
  }
}

/** Moves that give money back (or never take it): these need the "orders.refund" right. */
export function movesMoney(to: OrderStatus): boolean {
  return to === "cancelled" || to === "refunded";
}

/** Orders in these states count as sales; the rest were reversed. */
export function countsAsSale(status: OrderStatus): boolean {
  return status !== "cancelled" && status !== "refunded";
}

export type StatsDelta = {
  ordersByStatus: Partial<Record<OrderStatus, number>>;
  lifetimeRevenueCents: number;
  lifetimeOrders: number;
};

/** Validates a move and says what it changes: the order patch and the store-stats delta. */
export function applyTransition(
  order: Pick<Doc<"orders">, "status" | "totalCents">,
  to: OrderStatus,
  now: number,
): { patch: { status: OrderStatus; updatedAt: number }; stats: StatsDelta } {
  validateTransition(order.status, to);
  const reversed = countsAsSale(order.status) && !countsAsSale(to);
  return {
    patch: { status: to, updatedAt: now },
    stats: {
      ordersByStatus: { [order.status]: -1, [to]: 1 },
      lifetimeRevenueCents: reversed ? -order.totalCents : 0,
      lifetimeOrders: reversed ? -1 : 0,
    },
  };
}

export function applyStatsDelta(
  stats: Pick<Doc<"storeStats">, "ordersByStatus" | "lifetimeRevenueCents" | "lifetimeOrders">,
  delta: StatsDelta,
) {
  const ordersByStatus = { ...stats.ordersByStatus };
  for (const [status, change] of Object.entries(delta.ordersByStatus) as [OrderStatus, number][]) {
    ordersByStatus[status] += change;
  }
  return {
    ordersByStatus,
    lifetimeRevenueCents: stats.lifetimeRevenueCents + delta.lifetimeRevenueCents,
    lifetimeOrders: stats.lifetimeOrders + delta.lifetimeOrders,
  };
}

export type LineInput = { unitPriceCents: number; quantity: number };

export type OrderTotals = {
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
};

/**
 * Order arithmetic in integer cents: discount on the subtotal, shipping (free when the coupon
 * says so or the subtotal reaches the threshold), then tax on the discounted goods.
 */
export function computeTotals(input: {
  lines: LineInput[];
  discount?: CouponDiscount;
  flatShippingCents: number;
  freeShippingThresholdCents?: number;
  taxBps: number;
}): OrderTotals {
  const subtotalCents = input.lines.reduce(
    (sum, line) => sum + assertCents(line.unitPriceCents, "unitPriceCents") * line.quantity,
    0,
  );
  let discountCents = 0;
  let freeShipping =
    input.freeShippingThresholdCents !== undefined &&
    subtotalCents >= input.freeShippingThresholdCents;
  if (input.discount?.kind === "percent") {
    discountCents = applyBps(subtotalCents, input.discount.percentBps);
  } else if (input.discount?.kind === "fixed") {
    discountCents = Math.min(subtotalCents, input.discount.amountCents);
  } else if (input.discount?.kind === "free_shipping") {
    freeShipping = true;
  }
  const shippingCents = freeShipping ? 0 : input.flatShippingCents;
  const taxCents = applyBps(subtotalCents - discountCents, input.taxBps);
  return {
    subtotalCents,
    discountCents,
    shippingCents,
    taxCents,
    totalCents: subtotalCents - discountCents + shippingCents + taxCents,
  };
}

/** The text the order search index reads: name, email and "#number". */
export function orderSearchText(order: {
  number: number;
  customer: { name: string; email: string };
}): string {
  return `${order.customer.name} ${order.customer.email} #${order.number}`.toLowerCase();
}

// ---- The board (issue #12): what a move needs beyond the status machine. ----

/** What a move to a status must bring along; absent means the status machine is enough. */
export const MOVE_REQUIREMENTS: Partial<Record<OrderStatus, "tracking">> = {
  // A parcel is "shipped" only when the customer can follow it.
  shipped: "tracking",
};

export type MoveCheck = {
  from: OrderStatus;
  to: OrderStatus;
  /** A tracking number came with the move, or the order's fulfilment already has one. */
  hasTracking: boolean;
};

/**
 * Moves the board allows that pass through a status on the way, each step recorded: a New order
 * given its tracking number ships straight away, so a seller who packed it by hand needs one
 * drag, not two.
 */
export const MOVES_VIA: Partial<Record<OrderStatus, Partial<Record<OrderStatus, OrderStatus>>>> = {
  new: { shipped: "processing" },
};

/**
 * Why a move is refused, in words for the person who dragged the card; null when allowed.
 * Same-column drops are not moves and are refused as such so nothing is written.
 */
export function moveRefusal({ from, to, hasTracking }: MoveCheck): string | null {
  if (from === to) return `The order is already ${from}.`;
  if (MOVES_VIA[from]?.[to] === undefined && !canTransition(from, to)) {
    const allowed = ORDER_TRANSITIONS[from];
    return allowed.length === 0
      ? `A ${from} order cannot change status.`
      : `A ${from} order can only become ${allowed.join(" or ")}, not ${to}.`;
  }
  if (MOVE_REQUIREMENTS[to] === "tracking" && !hasTracking) {
    return "An order is shipped only with a tracking number: add one to move it to shipped.";
  }
  return null;
}

/** Throws INVALID_TRANSITION with moveRefusal's words. */
export function validateMove(check: MoveCheck): void {
  const refusal = moveRefusal(check);
  if (refusal !== null) throw appError("INVALID_TRANSITION", refusal);
}

/**
 * A tracking number as carriers print it: letters and digits (spaces and dashes dropped),
 * upper-cased, 8 to 40 characters. Returns the cleaned number or a reason it is not one.
 */
export function cleanTrackingNumber(
  raw: string,
): { ok: true; value: string } | { ok: false; reason: string } {
  const value = raw.replace(/[\s-]+/g, "").toUpperCase();
  if (value.length === 0) return { ok: false, reason: "The tracking number is empty." };
  if (!/^[A-Z0-9]+$/.test(value)) {
    return { ok: false, reason: `"${raw.trim()}" has characters a tracking number never has.` };
  }
  if (value.length < 8 || value.length > 40) {
    return {
      ok: false,
      reason: `"${raw.trim()}" is ${value.length} characters; tracking numbers have 8 to 40.`,
    };
  }
  return { ok: true, value };
}

/** A carrier name as typed (trimmed, at most 40 characters), or undefined when blank. */
export function cleanCarrier(raw: string | undefined): string | undefined {
  const value = raw?.trim() ?? "";
  return value === "" ? undefined : value.slice(0, 40);
}

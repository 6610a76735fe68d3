// Returns and /track rules (pure, plus the /track throttle's own table). The return rows
// themselves are written by model/orders.ts, the one writer of the order aggregate.
import type { Doc } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import type { Id } from "../_generated/dataModel";
import { appError, invalid } from "./errors";
import type { ReturnStatus } from "./validators";

// requested → approved → refunded, or requested → denied. Approval is the decision; "refunded"
// is recorded once the money is back (Stripe answered, or the offline test payment).
export const RETURN_TRANSITIONS: Record<ReturnStatus, readonly ReturnStatus[]> = {
  requested: ["approved", "denied"],
  approved: ["refunded"],
  refunded: [],
  denied: [],
};

export function validateReturnMove(from: ReturnStatus, to: ReturnStatus): void {
  if (RETURN_TRANSITIONS[from].includes(to)) return;
  // A second click (or a teammate's) on a decision already taken: said as such.
  if (from === to || (from === "refunded" && to === "approved")) {
    throw appError("CONFLICT", `This return is already ${from}.`);
  }
  throw appError("INVALID_TRANSITION", `A ${from} return cannot become ${to}.`);
}

/** Returns are for parcels that left: an order not yet shipped is cancelled instead. */
export function canRequestReturn(status: Doc<"orders">["status"]): boolean {
  return status === "shipped" || status === "delivered";
}

export const MAX_REASON = 1_000;

export function cleanReason(reason: string): string {
  const text = reason.trim();
  if (text === "") throw invalid("Say why the order is coming back.");
  if (text.length > MAX_REASON) throw invalid(`Keep the reason under ${MAX_REASON} characters.`);
  return text;
}

export type ReturnLine = { sku: string; quantity: number };

/**
 * The refund for the lines coming back (whole order when none are named): their price, with
 * shipping, tax and discount refunded only on a whole-order return.
 */
export function refundFor(
  order: Pick<Doc<"orders">, "totalCents">,
  items: Pick<Doc<"orderItems">, "sku" | "quantity" | "unitPriceCents">[],
  lines: ReturnLine[] | undefined,
): number {
  if (lines === undefined || lines.length === 0) return order.totalCents;
  let cents = 0;
  for (const line of lines) {
    const item = items.find((candidate) => candidate.sku === line.sku);
    if (item === undefined) throw invalid(`This order has no item ${line.sku}.`);
    if (!Number.isInteger(line.quantity) || line.quantity <= 0 || line.quantity > item.quantity) {
      throw invalid(`Return between 1 and ${item.quantity} of ${line.sku}.`);
    }
    cents += item.unitPriceCents * line.quantity;
  }
  return Math.min(cents, order.totalCents);
}

/** Order number as typed ("#1042", " 1042 ") → 1042, or null. */
export function parseOrderNumber(text: string): number | null {
  const digits = text.trim().replace(/^#/, "");
  return /^\d{1,9}$/.test(digits) ? Number(digits) : null;
}

export const NO_MATCH = "No order matches that number and email.";

// ── /track throttle: MAX failures per key within WINDOW, then locked for LOCK. ──
export const TRACK_MAX_FAILURES = 5;
export const TRACK_WINDOW_MS = 15 * 60_000;
export const TRACK_LOCK_MS = 15 * 60_000;

async function throttleRow(ctx: MutationCtx, storeId: Id<"stores">, key: string) {
  return await ctx.db
    .query("trackThrottle")
    .withIndex("by_store_key", (q) => q.eq("storeId", storeId).eq("key", key))
    .unique();
}

/** Throws RATE_LIMITED when any key is locked. */
export async function assertNotThrottled(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  keys: string[],
  now: number,
): Promise<void> {
  for (const key of keys) {
    const row = await throttleRow(ctx, storeId, key);
    if (row?.lockedUntil && row.lockedUntil > now) {
      const minutes = Math.max(1, Math.ceil((row.lockedUntil - now) / 60_000));
      throw appError(
        "RATE_LIMITED",
        `Too many tries. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}.`,
      );
    }
  }
}

export async function recordTrackFailure(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  keys: string[],
  now: number,
): Promise<void> {
  for (const key of keys) {
    const row = await throttleRow(ctx, storeId, key);
    const fresh = row === null || now - row.windowStartsAt > TRACK_WINDOW_MS;
    const failures = fresh ? 1 : row.failures + 1;
    const next = {
      storeId,
      key,
      failures,
      windowStartsAt: fresh ? now : row.windowStartsAt,
      lockedUntil: failures >= TRACK_MAX_FAILURES ? now + TRACK_LOCK_MS : undefined,
    };
    if (row) await ctx.db.replace(row._id, next);
    else await ctx.db.insert("trackThrottle", next);
  }
}

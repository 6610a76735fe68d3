// When a coupon may be used. Codes are matched case-insensitively by storing them upper-cased.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { conflict } from "./errors";
import { applyBps } from "./money";
import type { CouponDiscount } from "./validators";

export function normalizeCouponCode(code: string): string {
  return code.trim().toUpperCase();
}

export type CouponTerms = {
  active: boolean;
  discount: CouponDiscount;
  minSubtotalCents?: number;
  startsAt?: number;
  endsAt?: number;
  maxRedemptions?: number;
  redemptions: number;
};

/** Whether the coupon can be applied at `at` to a cart worth `subtotalCents`. */
export function couponApplies(coupon: CouponTerms, at: number, subtotalCents: number): boolean {
  if (!coupon.active) return false;
  if (coupon.startsAt !== undefined && at < coupon.startsAt) return false;
  if (coupon.endsAt !== undefined && at >= coupon.endsAt) return false;
  if (coupon.minSubtotalCents !== undefined && subtotalCents < coupon.minSubtotalCents) {
    return false;
  }
  if (coupon.maxRedemptions !== undefined && coupon.redemptions >= coupon.maxRedemptions) {
    return false;
  }
  return true;
}

const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/** "3 Dec" (UTC): how a shopper reads a coupon's dates. */
export function shortDate(ms: number): string {
  const day = new Date(ms);
  return `${day.getUTCDate()} ${MONTHS[day.getUTCMonth()]}`;
}

/** "$40.00": store currency, two decimals (the formatting the storefront also uses). */
export function shopperMoney(cents: number, currency: string): string {
  try {
    return new Intl.NumberFormat("en-US", { style: "currency", currency }).format(cents / 100);
  } catch {
    return `${(cents / 100).toFixed(2)} ${currency}`;
  }
}

export type CouponPrice =
  | { ok: true; discountCents: number; freeShipping: boolean; label: string }
  | { ok: false; reason: string };

/**
 * What a coupon takes off a cart worth `subtotalCents` with `shippingCents` shipping at `now`,
 * or the reason (in a shopper's words) it cannot be used. The discount never exceeds the
 * subtotal; free shipping is reported separately so the caller zeroes the shipping line.
 */
export function priceCoupon(
  coupon: CouponTerms & { code: string },
  subtotalCents: number,
  shippingCents: number,
  now: number,
  currency = "USD",
): CouponPrice {
  if (!coupon.active) return { ok: false, reason: "This code is no longer active." };
  if (coupon.startsAt !== undefined && now < coupon.startsAt) {
    return { ok: false, reason: `This code starts on ${shortDate(coupon.startsAt)}.` };
  }
  if (coupon.endsAt !== undefined && now >= coupon.endsAt) {
    return { ok: false, reason: `This code expired on ${shortDate(coupon.endsAt)}.` };
  }
  if (coupon.maxRedemptions !== undefined && coupon.redemptions >= coupon.maxRedemptions) {
    return { ok: false, reason: "This code has been used up." };
  }
  if (coupon.minSubtotalCents !== undefined && subtotalCents < coupon.minSubtotalCents) {
    return {
      ok: false,
      reason: `Spend ${shopperMoney(coupon.minSubtotalCents, currency)} to use this code.`,
    };
  }
  const { discount } = coupon;
  if (discount.kind === "free_shipping") {
    return { ok: true, discountCents: 0, freeShipping: shippingCents > 0, label: "Free shipping" };
  }
  if (discount.kind === "percent") {
    const cents = Math.min(subtotalCents, applyBps(subtotalCents, discount.percentBps));
    const percent = discount.percentBps / 100;
    return { ok: true, discountCents: cents, freeShipping: false, label: `${percent}% off` };
  }
  return {
    ok: true,
    discountCents: Math.min(subtotalCents, discount.amountCents),
    freeShipping: false,
    label: `${shopperMoney(discount.amountCents, currency)} off`,
  };
}

export async function getCouponByCode(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  code: string,
): Promise<Doc<"coupons"> | null> {
  const normalized = normalizeCouponCode(code);
  if (normalized === "") return null;
  return await ctx.db
    .query("coupons")
    .withIndex("by_store_code", (q) => q.eq("storeId", storeId).eq("code", normalized))
    .first();
}

/**
 * Takes one use of a code, in the caller's transaction. Checkout calls this when it holds the
 * cart (the same mutation that holds the stock), so `maxRedemptions` holds however many
 * shoppers pay at once: serializable transactions cannot both see the last use. Throws
 * CONFLICT with the shopper-readable reason when the code cannot be used.
 */
export async function redeemCoupon(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  code: string,
  subtotalCents: number,
  shippingCents: number,
  now: number,
  currency: string,
): Promise<{ coupon: Doc<"coupons">; price: Extract<CouponPrice, { ok: true }> }> {
  const coupon = await getCouponByCode(ctx, storeId, code);
  if (coupon === null) throw conflict("This code does not exist. Check the spelling.");
  const price = priceCoupon(coupon, subtotalCents, shippingCents, now, currency);
  if (!price.ok) throw conflict(price.reason);
  await ctx.db.patch(coupon._id, { redemptions: coupon.redemptions + 1 });
  return { coupon, price };
}

/** Gives back a use held by a checkout that expired or failed without an order. */
export async function releaseCoupon(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  code: string,
): Promise<void> {
  const coupon = await getCouponByCode(ctx, storeId, code);
  if (coupon === null || coupon.redemptions === 0) return;
  await ctx.db.patch(coupon._id, { redemptions: coupon.redemptions - 1 });
}

/** Counts a use without the limit check: for a payment that already happened at the discount. */
export async function countCouponUse(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  code: string,
): Promise<void> {
  const coupon = await getCouponByCode(ctx, storeId, code);
  if (coupon !== null) await ctx.db.patch(coupon._id, { redemptions: coupon.redemptions + 1 });
}

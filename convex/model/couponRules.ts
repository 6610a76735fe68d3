// What a coupon the team types may say, and how the dashboard names its state. Redemption at
// checkout lives in coupons.ts (couponApplies); these rules guard what is saved.
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { normalizeCouponCode } from "./coupons";
import { invalid } from "./errors";
import { literals } from "convex-helpers/validators";
import { type CouponDiscount, couponDiscount } from "./validators";

export const MAX_FIXED_DISCOUNT_CENTS = 100_000; // $1,000 off is already a lot
export const MAX_MIN_SUBTOTAL_CENTS = 10_000_000; // $100,000
export const MAX_REDEMPTIONS = 1_000_000;

export const couponInput = v.object({
  code: v.string(),
  discount: couponDiscount,
  minSubtotalCents: v.optional(v.number()),
  startsAt: v.optional(v.number()),
  endsAt: v.optional(v.number()),
  maxRedemptions: v.optional(v.number()),
});
export type CouponInput = typeof couponInput.type;

export const couponStatus = literals("active", "scheduled", "expired", "used_up", "inactive");
export type CouponStatus = typeof couponStatus.type;

function wholeNumber(value: number, field: string, min: number, max: number): number {
  if (!Number.isSafeInteger(value) || value < min || value > max) {
    throw invalid(
      `${field} must be a whole number from ${min.toLocaleString("en-US")} to ${max.toLocaleString("en-US")}.`,
    );
  }
  return value;
}

function parseDiscount(discount: CouponDiscount): CouponDiscount {
  switch (discount.kind) {
    case "percent":
      if (
        !Number.isSafeInteger(discount.percentBps) ||
        discount.percentBps < 100 ||
        discount.percentBps > 10_000
      ) {
        throw invalid("A percent discount must be between 1% and 100%.");
      }
      return discount;
    case "fixed":
      if (
        !Number.isSafeInteger(discount.amountCents) ||
        discount.amountCents < 1 ||
        discount.amountCents > MAX_FIXED_DISCOUNT_CENTS
      ) {
        throw invalid("A fixed discount must be between $0.01 and $1,000.00.");
      }
      return discount;
    case "free_shipping":
      return discount;
  }
}

/** The coupon as it will be saved (code upper-cased), or a refusal that says why. */
export function parseCoupon(input: CouponInput): CouponInput {
  const code = normalizeCouponCode(input.code);
  if (!/^[A-Z0-9][A-Z0-9_-]{2,31}$/.test(code)) {
    throw invalid("A code needs 3 to 32 letters, digits, dashes or underscores (e.g. SPRING20).");
  }
  const out: CouponInput = { code, discount: parseDiscount(input.discount) };
  if (input.minSubtotalCents !== undefined) {
    out.minSubtotalCents = wholeNumber(
      input.minSubtotalCents,
      "The minimum order (in cents)",
      0,
      MAX_MIN_SUBTOTAL_CENTS,
    );
  }
  if (input.maxRedemptions !== undefined) {
    out.maxRedemptions = wholeNumber(input.maxRedemptions, "The usage limit", 1, MAX_REDEMPTIONS);
  }
  for (const field of ["startsAt", "endsAt"] as const) {
    const at = input[field];
    if (at === undefined) continue;
    if (!Number.isSafeInteger(at) || at < Date.UTC(2000, 0, 1) || at > Date.UTC(2100, 0, 1)) {
      throw invalid(`The ${field === "startsAt" ? "start" : "expiry"} date is not a real date.`);
    }
    out[field] = at;
  }
  if (out.startsAt !== undefined && out.endsAt !== undefined && out.endsAt <= out.startsAt) {
    throw invalid("The expiry must be after the start.");
  }
  return out;
}

/** An edit may not set the usage limit below what shoppers have already redeemed. */
export function assertLimitCoversUse(
  maxRedemptions: number | undefined,
  redemptions: number,
): void {
  if (maxRedemptions !== undefined && maxRedemptions < redemptions) {
    throw invalid(
      `This coupon was already used ${redemptions} times; the limit can't be lower than that.`,
    );
  }
}

/** How the list names a coupon's state at `now`. */
export function couponStatusAt(
  coupon: Pick<Doc<"coupons">, "active" | "startsAt" | "endsAt" | "maxRedemptions" | "redemptions">,
  now: number,
): CouponStatus {
  if (!coupon.active) return "inactive";
  if (coupon.endsAt !== undefined && now >= coupon.endsAt) return "expired";
  if (coupon.maxRedemptions !== undefined && coupon.redemptions >= coupon.maxRedemptions)
    return "used_up";
  if (coupon.startsAt !== undefined && now < coupon.startsAt) return "scheduled";
  return "active";
}

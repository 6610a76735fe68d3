// When a coupon may be used. Codes are matched case-insensitively by storing them upper-cased.
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

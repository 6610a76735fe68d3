// Everything about the demo store that does not depend on the day: catalogue, shoppers,
// coupons, store settings and the list of days to generate. Rebuilt identically from
// (seed, now) by every seeding mutation, so chunks agree without passing data around.
import { type CouponTerms, couponApplies } from "../model/coupons";
import { dateKey, dayRange, parseDateKey } from "../model/dates";
import { buildCustomerPool, type DemoCustomer } from "./people";
import { buildProducts, type SeedProduct } from "./products";
import { Rng } from "./random";

export const DEMO_SLUG = "demo";
export const DEMO_OWNER_EMAIL = "owner@demo.store";
export const DEFAULT_SEED = 42;
export const DEFAULT_DAYS = 183;
export const DEFAULT_EVENT_DAYS = 30;

export const DEMO_SETTINGS = {
  timezone: "America/New_York",
  lowStockThreshold: 10,
  targetMarginBps: 6_000,
  freeShippingThresholdCents: 5_000,
  flatShippingCents: 499,
  // What a parcel really costs the store (consolidated supplier shipping); pricing's floor uses it.
  shippingCostCents: 250,
};

export type SeedCoupon = CouponTerms & { code: string };

export type World = {
  seed: number;
  now: number;
  today: string;
  // Oldest first; the last one is today.
  dates: string[];
  // Raw events are generated for every day (the roll-ups need them) but stored only for these.
  eventDates: Set<string>;
  products: SeedProduct[];
  customers: DemoCustomer[];
  coupons: SeedCoupon[];
};

/** The most recent occurrence of a yearly [from, to) window that has already started. */
function recentWindow(
  today: string,
  from: string,
  to: string,
): { startsAt: number; endsAt: number } {
  let year = Number(today.slice(0, 4));
  if (`${year}-${from}` > today) year -= 1;
  const endYear = to < from ? year + 1 : year;
  return {
    startsAt: parseDateKey(`${year}-${from}`),
    endsAt: parseDateKey(`${endYear}-${to}`),
  };
}

export function buildCoupons(today: string): SeedCoupon[] {
  return [
    {
      code: "WELCOME10",
      active: true,
      discount: { kind: "percent", percentBps: 1_000 },
      redemptions: 0,
    },
    {
      code: "FREESHIP",
      active: true,
      discount: { kind: "free_shipping" },
      minSubtotalCents: 3_000,
      redemptions: 0,
    },
    {
      code: "BFCM25",
      active: true,
      discount: { kind: "percent", percentBps: 2_500 },
      ...recentWindow(today, "11-24", "12-03"),
      redemptions: 0,
    },
    {
      code: "SUMMER15",
      active: true,
      discount: { kind: "percent", percentBps: 1_500 },
      ...recentWindow(today, "07-01", "09-01"),
      redemptions: 0,
    },
    // Paused by the merchant: present in the list, never applied.
    {
      code: "SAVE5",
      active: false,
      discount: { kind: "fixed", amountCents: 500 },
      minSubtotalCents: 3_000,
      redemptions: 0,
    },
  ];
}

export function buildWorld(input: {
  seed: number;
  now: number;
  days: number;
  eventDays: number;
}): World {
  const today = dateKey(input.now);
  const dates = dayRange(today, input.days);
  return {
    seed: input.seed,
    now: input.now,
    today,
    dates,
    eventDates: new Set(dates.slice(-input.eventDays)),
    products: buildProducts(input.seed),
    customers: buildCustomerPool(new Rng(input.seed, "customers"), 900),
    coupons: buildCoupons(today),
  };
}

/** Coupons a shopper could have used at `at` on `subtotalCents` (redemption caps ignored). */
export function usableCoupons(world: World, at: number, subtotalCents: number): SeedCoupon[] {
  return world.coupons.filter((coupon) =>
    couponApplies({ ...coupon, redemptions: 0 }, at, subtotalCents),
  );
}

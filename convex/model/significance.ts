// A/B price test maths: conversion per arm and a two-proportion z-test against the control.
// A winner is named only when the difference is significant; otherwise the read-out says how
// many more views per arm a verdict would take.

// 95% two-sided, split across the challengers (Bonferroni), so four arms are not four lottery
// tickets; 80% power for the "views still needed" estimate.
export const CONFIDENCE_NEEDED = 0.95;
const Z_POWER = 0.8416;
// Below this the normal approximation behind the z-test is not trustworthy.
export const MIN_ORDERS_PER_ARM = 5;
// When the arms convert identically so far, size the test for a 10% relative lift.
const DEFAULT_LIFT = 0.1;

export type ArmCounts = { label: string; views: number; orders: number; revenueCents: number };

/** Standard normal CDF (Abramowitz & Stegun 7.1.26 erf, |error| < 1.5e-7). */
export function normalCdf(z: number): number {
  const x = Math.abs(z) / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * x);
  const poly =
    t *
    (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
  const erf = 1 - poly * Math.exp(-x * x);
  return z >= 0 ? (1 + erf) / 2 : (1 - erf) / 2;
}

/** Inverse of normalCdf for p in (0, 1), by bisection (exact enough for sample sizes). */
export function normalQuantile(p: number): number {
  let lo = -10;
  let hi = 10;
  for (let i = 0; i < 100; i++) {
    const mid = (lo + hi) / 2;
    if (normalCdf(mid) < p) lo = mid;
    else hi = mid;
  }
  return (lo + hi) / 2;
}

export function conversion(arm: Pick<ArmCounts, "views" | "orders">): number {
  return arm.views === 0 ? 0 : arm.orders / arm.views;
}

/** Two-proportion z-test of b against a: z, two-sided p-value, confidence = 1 − p. */
export function twoProportionZTest(
  a: Pick<ArmCounts, "views" | "orders">,
  b: Pick<ArmCounts, "views" | "orders">,
): { z: number; pValue: number; confidence: number } {
  const pooled = (a.orders + b.orders) / (a.views + b.views);
  const se = Math.sqrt(pooled * (1 - pooled) * (1 / a.views + 1 / b.views));
  if (!Number.isFinite(se) || se === 0) return { z: 0, pValue: 1, confidence: 0 };
  const z = (conversion(b) - conversion(a)) / se;
  const pValue = 2 * (1 - normalCdf(Math.abs(z)));
  return { z, pValue, confidence: 1 - pValue };
}

/** Views per arm for a test of base rate p1 against p2 to reach significance `alpha`. */
export function viewsPerArmNeeded(p1: number, p2: number, alpha: number): number {
  const zAlpha = normalQuantile(1 - alpha / 2);
  const variance = p1 * (1 - p1) + p2 * (1 - p2);
  return Math.ceil(((zAlpha + Z_POWER) ** 2 * variance) / (p1 - p2) ** 2);
}

export type ArmResult = {
  label: string;
  views: number;
  orders: number;
  conversion: number;
  revenuePerVisitorCents: number;
  // Against the control; null for the control itself.
  liftVsControl: number | null;
  confidence: number | null;
};

export type Verdict =
  | { kind: "winner"; arm: number; message: string }
  | { kind: "no_winner"; moreViewsPerArm: number; message: string }
  | { kind: "too_little_data"; message: string };

const pct = (x: number) => `${Math.round(x * 100)}%`;

/**
 * Arm 0 is the control. Each challenger is tested against it; the best significant one wins
 * (or the control, when it significantly beats every challenger).
 */
export function analyseTest(arms: ArmCounts[]): { arms: ArmResult[]; verdict: Verdict } {
  const control = arms[0];
  const alpha = (1 - CONFIDENCE_NEEDED) / Math.max(1, arms.length - 1);
  const results: ArmResult[] = arms.map((arm, index) => {
    const test = index === 0 ? null : twoProportionZTest(control, arm);
    const base = conversion(control);
    return {
      label: arm.label,
      views: arm.views,
      orders: arm.orders,
      conversion: conversion(arm),
      revenuePerVisitorCents: arm.views === 0 ? 0 : arm.revenueCents / arm.views,
      liftVsControl: index === 0 || base === 0 ? null : conversion(arm) / base - 1,
      confidence: test?.confidence ?? null,
    };
  });

  const thin = arms.find(
    (arm) => arm.orders < MIN_ORDERS_PER_ARM || arm.views - arm.orders < MIN_ORDERS_PER_ARM,
  );
  if (thin !== undefined) {
    return {
      arms: results,
      verdict: {
        kind: "too_little_data",
        message: `Too little data for a verdict: every arm needs at least ${MIN_ORDERS_PER_ARM} orders (${thin.label} has ${thin.orders} from ${thin.views} views).`,
      },
    };
  }

  const significant = results
    .map((arm, index) => ({ arm, index }))
    .filter(({ arm, index }) => index > 0 && (arm.confidence ?? 0) >= 1 - alpha);
  const better = significant
    .filter(({ arm }) => (arm.liftVsControl ?? 0) > 0)
    .sort((x, y) => y.arm.conversion - x.arm.conversion)[0];
  if (better !== undefined) {
    const { arm, index } = better;
    return {
      arms: results,
      verdict: {
        kind: "winner",
        arm: index,
        message: `${arm.label} converts ${pct(arm.liftVsControl!)} better than ${control.label}, ${pct(arm.confidence!)} confidence.`,
      },
    };
  }
  if (arms.length > 1 && significant.length === arms.length - 1) {
    const weakest = significant.reduce((x, y) =>
      (x.arm.confidence ?? 0) < (y.arm.confidence ?? 0) ? x : y,
    );
    return {
      arms: results,
      verdict: {
        kind: "winner",
        arm: 0,
        message: `${control.label} converts better than every other arm, at least ${pct(weakest.arm.confidence!)} confidence.`,
      },
    };
  }

  // Views each arm would need to tell the closest challenger from the control.
  const p1 = conversion(control);
  const needed = Math.max(
    ...results.slice(1).map((arm) => {
      const p2 = arm.conversion === p1 ? p1 * (1 + DEFAULT_LIFT) : arm.conversion;
      return viewsPerArmNeeded(p1, p2, alpha);
    }),
  );
  const fewest = Math.min(...arms.map((arm) => arm.views));
  const more = Math.max(needed - fewest, 1);
  if (needed <= fewest) {
    return {
      arms: results,
      verdict: {
        kind: "no_winner",
        moreViewsPerArm: 0,
        message: "No winner: the arms convert about the same after enough views to tell.",
      },
    };
  }
  return {
    arms: results,
    verdict: {
      kind: "no_winner",
      moreViewsPerArm: more,
      message: `No winner yet: need ~${more.toLocaleString("en-US")} more views per arm.`,
    },
  };
}

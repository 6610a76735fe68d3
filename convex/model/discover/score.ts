// A trend's score, 0–100, from five factors computed from data (no AI): how fast its views
// grow, how engaged viewers are, how crowded the market is, what margin it leaves after the
// store's costs and fees, and whether this week is above its own past weeks. Pure, so the feed,
// the research drawer and the tests agree on one number and its reasons.
import { PAYMENT_FEE, priceFloorCents, profitCents } from "../pricing";
import type { AiRecommendation, TrendVelocity } from "../validators";

export type FactorKey = "velocity" | "engagement" | "saturation" | "margin" | "seasonality";

export type Factor = {
  key: FactorKey;
  label: string;
  /** 0–100: higher is better for the store. */
  value: number;
  /** Share of the score, 0–1; zero when the factor has no data to say anything. */
  weight: number;
  detail: string;
};

export type Snapshot = { takenAt: number; views: number; likes: number; shares: number };
export type WeekViews = { week: string; views: number };

export type ScoreInput = {
  /** Oldest first; the last is the latest observation. */
  snapshots: Snapshot[];
  weekly: WeekViews[];
  competitorCount: number;
  estimatedPriceCents?: number;
  supplierCostCents?: number;
  shippingCostCents: number;
  firstSeenAt: number;
  now: number;
};

export type Scored = {
  score: number;
  velocityPct: number;
  marginBps: number | undefined;
  velocity: TrendVelocity;
  label: "Rising fast" | "Established" | "Declining";
  recommendation: AiRecommendation;
  reasons: string[];
  factors: Factor[];
};

const WEIGHTS: Record<FactorKey, number> = {
  velocity: 0.35,
  engagement: 0.2,
  saturation: 0.15,
  margin: 0.2,
  seasonality: 0.1,
};
// How many recent snapshots velocity compares.
export const VELOCITY_WINDOW = 6;
// Seasonality needs this many distinct weeks of history.
export const MIN_WEEKS = 3;
const RISING_PCT = 15;
const DECLINING_PCT = -10;
const YOUNG_DAYS = 30;
const DAY = 86_400_000;

const clamp = (n: number) => Math.max(0, Math.min(100, Math.round(n)));
const pct = (n: number) => `${n > 0 ? "+" : ""}${Math.round(n)}%`;

/** Growth of views from the oldest to the newest of the last snapshots, in percent. */
export function velocityPercent(snapshots: Snapshot[]): number {
  const window = snapshots.slice(-VELOCITY_WINDOW);
  if (window.length < 2) return 0;
  const first = window[0].views;
  const last = window[window.length - 1].views;
  if (first <= 0) return last > 0 ? 100 : 0;
  return ((last - first) / first) * 100;
}

/** ISO-like week key (UTC) for grouping snapshots: "2026-W48". */
export function weekKey(at: number): string {
  const date = new Date(at);
  const day = (date.getUTCDay() + 6) % 7; // Monday = 0
  const thursday = new Date(
    Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate() - day + 3),
  );
  const yearStart = Date.UTC(thursday.getUTCFullYear(), 0, 1);
  const week = 1 + Math.floor((thursday.getTime() - yearStart) / (7 * DAY));
  return `${thursday.getUTCFullYear()}-W${String(week).padStart(2, "0")}`;
}

/** Adds a snapshot's views to the weekly peaks (kept to the last 12 weeks). */
export function addToWeekly(weekly: WeekViews[], at: number, views: number): WeekViews[] {
  const week = weekKey(at);
  const out = weekly.map((w) => (w.week === week ? { week, views: Math.max(w.views, views) } : w));
  if (!out.some((w) => w.week === week)) out.push({ week, views });
  return out.sort((a, b) => a.week.localeCompare(b.week)).slice(-12);
}

function velocityFactor(velocityPct: number): Factor {
  return {
    key: "velocity",
    label: "Velocity",
    value: clamp(50 + velocityPct),
    weight: WEIGHTS.velocity,
    detail: `views ${pct(velocityPct)} over the last snapshots`,
  };
}

function engagementFactor(latest: Snapshot | undefined): Factor {
  const rate = latest && latest.views > 0 ? (latest.likes + latest.shares) / latest.views : 0;
  return {
    key: "engagement",
    label: "Engagement",
    // 15% likes+shares per view is exceptional on TikTok; scale to it.
    value: clamp((rate / 0.15) * 100),
    weight: latest ? WEIGHTS.engagement : 0,
    detail: latest
      ? `${(rate * 100).toFixed(1)}% of viewers like or share it`
      : "no views recorded yet",
  };
}

function saturationFactor(competitorCount: number): Factor {
  return {
    key: "saturation",
    label: "Competition",
    // 200 stores selling it is as crowded as it gets for a small store.
    value: clamp(100 - (Math.min(competitorCount, 200) / 200) * 100),
    weight: WEIGHTS.saturation,
    detail:
      competitorCount === 0
        ? "no other stores seen selling it"
        : `${competitorCount} other store${competitorCount === 1 ? "" : "s"} already sell it`,
  };
}

function marginFactor(input: ScoreInput): { factor: Factor; marginBps: number | undefined } {
  const { estimatedPriceCents: price, supplierCostCents: cost, shippingCostCents } = input;
  if (price === undefined || cost === undefined || price <= 0) {
    return {
      marginBps: undefined,
      factor: {
        key: "margin",
        label: "Margin",
        value: 50,
        weight: 0,
        detail: "no price or supplier cost known yet",
      },
    };
  }
  const costs = { supplierCostCents: cost, shippingCostCents };
  const floor = priceFloorCents(costs);
  const profit = profitCents(price, costs);
  const marginBps = Math.round((profit * 10_000) / price);
  const fee = `${PAYMENT_FEE.bps / 100}% + ${PAYMENT_FEE.fixedCents}¢`;
  return {
    marginBps,
    factor: {
      key: "margin",
      label: "Margin",
      // A 60% margin after cost, shipping and fees is as good as dropshipping gets.
      value: price < floor ? 0 : clamp((marginBps / 6_000) * 100),
      weight: WEIGHTS.margin,
      detail:
        price < floor
          ? `selling at $${(price / 100).toFixed(2)} is below the break-even $${(floor / 100).toFixed(2)}`
          : `${(marginBps / 100).toFixed(0)}% margin after cost, shipping and fees (${fee})`,
    },
  };
}

function seasonalityFactor(weekly: WeekViews[]): Factor {
  if (weekly.length < MIN_WEEKS) {
    return {
      key: "seasonality",
      label: "Seasonality",
      value: 50,
      weight: 0,
      detail: `not enough history (${weekly.length} week${weekly.length === 1 ? "" : "s"} of snapshots; needs ${MIN_WEEKS})`,
    };
  }
  const latest = weekly[weekly.length - 1].views;
  const past = weekly.slice(0, -1);
  const mean = past.reduce((sum, w) => sum + w.views, 0) / past.length;
  const ratio = mean > 0 ? latest / mean : 1;
  return {
    key: "seasonality",
    label: "Seasonality",
    value: clamp(50 + (ratio - 1) * 100),
    weight: WEIGHTS.seasonality,
    detail: `this week is ${pct((ratio - 1) * 100)} against its past ${past.length} weeks`,
  };
}

export function scoreTrend(input: ScoreInput): Scored {
  const velocityPct = velocityPercent(input.snapshots);
  const latest = input.snapshots[input.snapshots.length - 1];
  const margin = marginFactor(input);
  const factors = [
    velocityFactor(velocityPct),
    engagementFactor(latest),
    saturationFactor(input.competitorCount),
    margin.factor,
    seasonalityFactor(input.weekly),
  ];
  const totalWeight = factors.reduce((sum, f) => sum + f.weight, 0);
  const score = clamp(factors.reduce((sum, f) => sum + f.value * f.weight, 0) / totalWeight);
  // Show each factor's share of the score as used (weights without data go to the rest).
  for (const f of factors) f.weight = Math.round((f.weight / totalWeight) * 100) / 100;

  const ageDays = Math.max(0, (input.now - input.firstSeenAt) / DAY);
  const velocity: TrendVelocity =
    velocityPct <= DECLINING_PCT
      ? "declining"
      : velocityPct >= RISING_PCT && ageDays <= YOUNG_DAYS
        ? "rising"
        : "established";
  const label =
    velocity === "rising" ? "Rising fast" : velocity === "declining" ? "Declining" : "Established";

  const { recommendation, reasons } = recommend(score, velocity, factors, margin.marginBps);
  return {
    score,
    velocityPct,
    marginBps: margin.marginBps,
    velocity,
    label,
    recommendation,
    reasons,
    factors,
  };
}

function recommend(
  score: number,
  velocity: TrendVelocity,
  factors: Factor[],
  marginBps: number | undefined,
): { recommendation: AiRecommendation; reasons: string[] } {
  const byKey = Object.fromEntries(factors.map((f) => [f.key, f])) as Record<FactorKey, Factor>;
  const reasons: string[] = [];
  const belowFloor = byKey.margin.weight > 0 && byKey.margin.value === 0;
  if (belowFloor) reasons.push(`Loses money: ${byKey.margin.detail}.`);
  if (velocity === "declining") reasons.push(`Interest is fading: ${byKey.velocity.detail}.`);
  if (velocity === "rising") reasons.push(`Rising fast: ${byKey.velocity.detail}.`);
  if (byKey.saturation.value < 30) reasons.push(`Crowded: ${byKey.saturation.detail}.`);
  else if (byKey.saturation.value >= 70)
    reasons.push(`Little competition: ${byKey.saturation.detail}.`);
  if (!belowFloor && marginBps !== undefined) {
    reasons.push(
      `${byKey.margin.value >= 50 ? "Healthy" : "Thin"} margin: ${byKey.margin.detail}.`,
    );
  }
  if (byKey.engagement.value >= 60) reasons.push(`Engaged audience: ${byKey.engagement.detail}.`);
  if (byKey.seasonality.weight === 0) reasons.push(`Seasonality: ${byKey.seasonality.detail}.`);

  let recommendation: AiRecommendation;
  if (belowFloor || velocity === "declining" || score < 40) recommendation = "skip";
  else if (score >= 65 && (marginBps === undefined || byKey.margin.value >= 40))
    recommendation = "import";
  else recommendation = "watch";
  reasons.unshift(
    recommendation === "import"
      ? `Import: scores ${score}/100.`
      : recommendation === "skip"
        ? `Skip: scores ${score}/100.`
        : `Watch: scores ${score}/100; not yet strong enough to import.`,
  );
  return { recommendation, reasons };
}

// How busy a given day is: weekly rhythm × growth over the period × holiday peaks.

// Sunday first, as Date.getUTCDay() counts. Shoppers buy most on Sunday and Monday evenings.
const WEEKDAY = [1.15, 1.1, 0.95, 0.9, 0.92, 0.98, 1.05];

// Month/day windows (inclusive) and how much busier they are.
const PEAKS: { from: [number, number]; to: [number, number]; factor: number }[] = [
  { from: [11, 24], to: [12, 2], factor: 1.8 }, // Black Friday to Cyber Monday week
  { from: [12, 3], to: [12, 20], factor: 1.35 }, // gift shipping season
  { from: [2, 7], to: [2, 14], factor: 1.2 }, // Valentine's
  { from: [5, 1], to: [5, 10], factor: 1.2 }, // Mother's Day
  { from: [7, 8], to: [7, 12], factor: 1.25 }, // mid-July marketplace sales
];

export function holidayFactor(dateKey: string): number {
  const month = Number(dateKey.slice(5, 7));
  const day = Number(dateKey.slice(8, 10));
  const md = month * 100 + day;
  for (const peak of PEAKS) {
    if (md >= peak.from[0] * 100 + peak.from[1] && md <= peak.to[0] * 100 + peak.to[1]) {
      return peak.factor;
    }
  }
  return 1;
}

export function weekdayFactor(dateKey: string): number {
  return WEEKDAY[new Date(`${dateKey}T00:00:00Z`).getUTCDay()];
}

export const MIN_ORDERS_PER_DAY = 8;
export const MAX_ORDERS_PER_DAY = 30;

/**
 * Expected orders for a whole day. `progress` runs 0 → 1 over the seeded period: the store
 * grows by two thirds from its first day to today.
 */
export function expectedOrders(dateKey: string, progress: number): number {
  const growth = 0.75 + 0.5 * progress;
  return 12 * growth * weekdayFactor(dateKey) * holidayFactor(dateKey);
}

// Relative order volume per UTC hour: quiet nights, lunch bump, evening peak.
export const HOUR_WEIGHTS: readonly (readonly [number, number])[] = [
  1, 0.6, 0.4, 0.3, 0.3, 0.4, 0.8, 1.4, 2, 2.4, 2.6, 2.8, 3.2, 3, 2.7, 2.6, 2.8, 3.2, 3.8, 4.4, 4.8,
  4.4, 3.2, 1.8,
].map((weight, hour) => [hour, weight] as const);

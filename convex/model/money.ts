// Money is integer cents and rates are integer basis points everywhere. The schema can only
// say "number", so every write path that takes money from outside goes through these.
import { invalid } from "./errors";

export function assertCents(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(`${field} must be a whole, non-negative number of cents.`);
  }
  return value;
}

export function assertCount(value: number, field: string): number {
  if (!Number.isSafeInteger(value) || value < 0) {
    throw invalid(`${field} must be a whole, non-negative number.`);
  }
  return value;
}

/** Round half away from zero, so a computed share of cents is always an integer. */
export function roundCents(value: number): number {
  return Math.sign(value) * Math.round(Math.abs(value));
}

/** part / whole as basis points (1% = 100); 0 when whole is 0. */
export function ratioBps(part: number, whole: number): number {
  if (whole === 0) return 0;
  return Math.round((part * 10_000) / whole);
}

/** amount × bps / 10 000, rounded to whole cents. */
export function applyBps(amountCents: number, bps: number): number {
  return roundCents((amountCents * bps) / 10_000);
}

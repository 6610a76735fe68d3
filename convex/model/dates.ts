// Calendar arithmetic on UTC "YYYY-MM-DD" keys, the form daily metrics are stored under.
export const DAY_MS = 86_400_000;

export function dateKey(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

export function parseDateKey(key: string): number {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(key)) throw new RangeError(`Not a YYYY-MM-DD date: ${key}`);
  return Date.parse(`${key}T00:00:00.000Z`);
}

export function addDays(key: string, days: number): string {
  return dateKey(parseDateKey(key) + days * DAY_MS);
}

/** The `count` day keys ending with (and including) `lastKey`, oldest first. */
export function dayRange(lastKey: string, count: number): string[] {
  return Array.from({ length: count }, (_, i) => addDays(lastKey, i - count + 1));
}

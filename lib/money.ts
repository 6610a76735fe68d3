/** Money is stored as integer cents everywhere; this is the one place that formats it. */
const formatters = new Map<string, Intl.NumberFormat>();

function formatter(currency: string, compact: boolean): Intl.NumberFormat {
  const key = `${currency}|${compact}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(undefined, {
      style: "currency",
      currency,
      ...(compact ? { notation: "compact", maximumFractionDigits: 1 } : {}),
    });
    formatters.set(key, f);
  }
  return f;
}

export function formatMoney(
  cents: number,
  currency = "USD",
  options: { compact?: boolean } = {},
): string {
  return formatter(currency.toUpperCase(), options.compact ?? false).format(cents / 100);
}

/** Basis points (1/100 of a percent) as a percentage: 245 → "2.45%". */
export function formatBasisPoints(bp: number): string {
  return `${(bp / 100).toLocaleString(undefined, { maximumFractionDigits: 2 })}%`;
}

const numberFormat = new Intl.NumberFormat();
export function formatCount(n: number): string {
  return numberFormat.format(n);
}

/** Minor units per major unit for a currency (100 for USD, 1 for JPY). */
export function minorUnits(currency = "USD"): number {
  const digits =
    formatter(currency.toUpperCase(), false).resolvedOptions().maximumFractionDigits ?? 2;
  return 10 ** digits;
}

/** "12.5" / "1,299.99" typed by a person → integer cents, or null when it is not an amount. */
export function parseMoneyInput(text: string, currency = "USD"): number | null {
  const cleaned = text.replace(/[\s,]/g, "").replace(/^[^\d.]+/, "");
  if (!/^\d+(\.\d+)?$/.test(cleaned)) return null;
  const units = minorUnits(currency);
  const [whole, frac = ""] = cleaned.split(".");
  if (frac.length > Math.log10(units)) return null;
  return Number(whole) * units + Number(frac.padEnd(Math.log10(units), "0") || 0);
}

/** Cents → the plain number a person edits ("12.50"). */
export function centsToInput(cents: number, currency = "USD"): string {
  const units = minorUnits(currency);
  return units === 1 ? String(cents) : (cents / units).toFixed(Math.log10(units));
}

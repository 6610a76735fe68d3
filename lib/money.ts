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

/**
 * "12.5" / "1,299.99" / "$12" typed by a person → integer cents, or why it is not an amount.
 * A minus sign is refused, never dropped: "-5" must not become 5.00.
 */
export function readMoneyInput(
  text: string,
  currency = "USD",
  options: { maxCents?: number } = {},
): { cents: number } | { problem: string } {
  const shown = text.trim();
  if (shown === "") return { problem: "Type an amount such as 12.50." };
  const cleaned = shown.replace(/[\s,]/g, "");
  if (/^[^\d.]*-/.test(cleaned)) return { problem: `“${shown}” is negative; a price cannot be.` };
  const digits = cleaned.replace(/^[^\d.]+/, "");
  if (!/^\d+(\.\d+)?$/.test(digits) && !/^\.\d+$/.test(digits)) {
    return { problem: `“${shown}” is not an amount. Type one such as 12.50.` };
  }
  const units = minorUnits(currency);
  const places = Math.log10(units);
  const [whole, frac = ""] = digits.split(".");
  if (frac.length > places) {
    return { problem: `“${shown}” has more than ${places} decimal places.` };
  }
  const cents = Number(whole || "0") * units + Number(frac.padEnd(places, "0") || 0);
  if (
    !Number.isSafeInteger(cents) ||
    (options.maxCents !== undefined && cents > options.maxCents)
  ) {
    const cap =
      options.maxCents === undefined
        ? ""
        : ` The most is ${formatMoney(options.maxCents, currency)}.`;
    return { problem: `“${shown}” is too large for a price.${cap}` };
  }
  return { cents };
}

/** readMoneyInput's amount, or null when the text is not one. */
export function parseMoneyInput(text: string, currency = "USD"): number | null {
  const read = readMoneyInput(text, currency);
  return "cents" in read ? read.cents : null;
}

/** Cents → the plain number a person edits ("12.50"). */
export function centsToInput(cents: number, currency = "USD"): string {
  const units = minorUnits(currency);
  return units === 1 ? String(cents) : (cents / units).toFixed(Math.log10(units));
}

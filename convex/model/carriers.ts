// Tracking number → carrier → tracking link. The US/EU carriers (USPS, UPS, FedEx, DHL, Amazon,
// OnTrac, UPU S10 postal numbers) come from ts-tracking-number, which checks each format's check
// digit from the maintained tracking_number_data set; the Chinese dropshipping carriers it lacks
// (4PX, YunExpress, Cainiao) are our own patterns, and an S10 number ending in CN is China Post.
import { getTracking } from "ts-tracking-number";
import { invalid } from "./errors";
import { cleanCarrier, cleanTrackingNumber } from "./orderRules";

export const CARRIERS = {
  usps: { name: "USPS", url: "https://tools.usps.com/go/TrackConfirmAction?tLabels=%s" },
  ups: { name: "UPS", url: "https://www.ups.com/track?tracknum=%s" },
  fedex: { name: "FedEx", url: "https://www.fedex.com/fedextrack/?trknbr=%s" },
  dhl: {
    name: "DHL",
    url: "https://www.dhl.com/global-en/home/tracking/tracking-express.html?submit=1&tracking-id=%s",
  },
  amazon: { name: "Amazon", url: "https://track.amazon.com/tracking/%s" },
  ontrac: { name: "OnTrac", url: "https://www.ontrac.com/tracking/?number=%s" },
  china_post: { name: "China Post", url: "https://t.17track.net/en#nums=%s" },
  postal: { name: "Postal service", url: "https://t.17track.net/en#nums=%s" },
  "4px": { name: "4PX", url: "https://track.4px.com/#/result/0/%s" },
  yunexpress: { name: "YunExpress", url: "https://www.yuntrack.com/parcelTracking?id=%s" },
  cainiao: { name: "Cainiao", url: "https://global.cainiao.com/detail.htm?mailNoList=%s" },
  other: { name: "Other carrier", url: "https://t.17track.net/en#nums=%s" },
} as const;

export type CarrierCode = keyof typeof CARRIERS;
export const CARRIER_CODES = Object.keys(CARRIERS) as CarrierCode[];

// Ours, for carriers the library does not know. Anchored, upper-cased, spaces removed.
const OWN_PATTERNS: Array<[CarrierCode, RegExp]> = [
  ["4px", /^4PX\d{10,16}CN$/],
  ["yunexpress", /^YT\d{16}$/],
  ["cainiao", /^(LP\d{14}|CAINIAO\d{9,12}|CNG\d{11})$/],
];

const LIBRARY_COURIERS: Record<string, CarrierCode> = {
  usps: "usps",
  ups: "ups",
  fedex: "fedex",
  dhl: "dhl",
  amazon: "amazon",
  ontrac: "ontrac",
  s10: "postal",
};

/** "1z 999…" → "1Z999…": what a carrier's site expects. */
export function normalizeTracking(raw: string): string {
  return raw.replace(/[\s-]/g, "").toUpperCase();
}

/** The carrier a number belongs to, or null when no known format (with its check digit) fits. */
export function detectCarrier(raw: string): CarrierCode | null {
  const number = normalizeTracking(raw);
  if (number === "") return null;
  for (const [code, pattern] of OWN_PATTERNS) if (pattern.test(number)) return code;
  const found = getTracking(number);
  if (found === undefined) return null;
  const code = LIBRARY_COURIERS[found.courier.code] ?? null;
  if (code === "postal" && number.endsWith("CN")) return "china_post";
  return code;
}

export function trackingUrl(carrier: CarrierCode, raw: string): string {
  return CARRIERS[carrier].url.replace("%s", encodeURIComponent(normalizeTracking(raw)));
}

export type ResolvedTracking = {
  carrier: CarrierCode;
  carrierName: string;
  trackingNumber: string;
  trackingUrl: string;
};

/** A carrier as the team gave it: a code ("ups"), a name in any case ("China Post"), or null. */
function knownCarrier(chosen: string): CarrierCode | null {
  const wanted = chosen.trim().toLowerCase();
  for (const code of CARRIER_CODES) {
    if (code === wanted || CARRIERS[code].name.toLowerCase() === wanted) return code;
  }
  return null;
}

/**
 * What gets stored for a tracking number: the carrier chosen by hand (one we know, by code or
 * name; any other name is kept as typed, with a universal tracking link), else the detected
 * one. A number no format matches is accepted only with a hand-picked carrier, so a typo is
 * caught. The board, CSV bulk ship and the order page all resolve numbers here.
 */
export function resolveTracking(raw: string, chosen?: string): ResolvedTracking {
  const cleaned = cleanTrackingNumber(raw);
  if (!cleaned.ok) throw invalid(cleaned.reason);
  const trackingNumber = cleaned.value;
  const typed = cleanCarrier(chosen);
  if (typed !== undefined) {
    const code = knownCarrier(typed) ?? "other";
    return {
      carrier: code,
      carrierName: code === "other" ? typed : CARRIERS[code].name,
      trackingNumber,
      trackingUrl: trackingUrl(code, trackingNumber),
    };
  }
  const carrier = detectCarrier(trackingNumber);
  if (carrier === null) {
    throw invalid(
      `${trackingNumber} does not match any carrier's format. Check the number, or choose the carrier by hand.`,
    );
  }
  return {
    carrier,
    carrierName: CARRIERS[carrier].name,
    trackingNumber,
    trackingUrl: trackingUrl(carrier, trackingNumber),
  };
}

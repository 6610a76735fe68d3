// What the team may save as store settings: colours, links, contact, shipping and policies.
// Each parser returns the value to store or throws a refusal that names the field and why.
import { invalid } from "./errors";
import { MAX_TARGET_MARGIN_BPS } from "./pricing";
import { parseEmail } from "./team";

export const POLICY_MAX_CHARS = 10_000;
export const MAX_SHIPPING_CENTS = 100_000; // $1,000 for one parcel is a typo, not a rate
export const MAX_THRESHOLD_CENTS = 10_000_000;
export const IMAGE_MAX_BYTES = { logo: 2_000_000, favicon: 500_000 } as const;

export function parseColor(value: string, label: string): string {
  const color = value.trim();
  if (!/^#[0-9a-fA-F]{6}$/.test(color)) {
    throw invalid(`${label} must be a colour like #1F3A5F.`);
  }
  return color.toUpperCase();
}

// Which hosts each network's profile lives on.
export const SOCIAL_HOSTS = {
  instagram: ["instagram.com"],
  tiktok: ["tiktok.com"],
  facebook: ["facebook.com", "fb.com"],
  x: ["x.com", "twitter.com"],
  youtube: ["youtube.com", "youtu.be"],
} as const;
export type SocialNetwork = keyof typeof SOCIAL_HOSTS;

function parseUrl(text: string, what: string): URL {
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw invalid(`${what} must be a full web address starting with https://.`);
  }
  if (url.protocol !== "https:" && url.protocol !== "http:") {
    throw invalid(`${what} must be a web address starting with https://.`);
  }
  return url;
}

/** A profile link on its own network ("" clears it), or a refusal. */
export function parseSocialLink(network: SocialNetwork, value: string): string | undefined {
  const text = value.trim();
  if (text === "") return undefined;
  if (text.length > 300) throw invalid(`The ${network} link is too long.`);
  const url = parseUrl(text, `The ${network} link`);
  const host = url.hostname.replace(/^www\./, "").toLowerCase();
  if (!SOCIAL_HOSTS[network].some((allowed) => host === allowed || host.endsWith(`.${allowed}`))) {
    throw invalid(`The ${network} link must point to ${SOCIAL_HOSTS[network].join(" or ")}.`);
  }
  return url.toString();
}

/** A logo or favicon address: an https URL or a path on this site ("/demo/logo.svg"). */
export function parseImageUrl(value: string, what: string): string | undefined {
  const text = value.trim();
  if (text === "") return undefined;
  if (text.length > 2_000) throw invalid(`${what} address is too long.`);
  if (text.startsWith("/") && !text.startsWith("//")) return text;
  return parseUrl(text, what).toString();
}

/**
 * The image format of a file, read from its first bytes (what the browser claimed is not
 * trusted), or null when it is not a PNG, JPEG, GIF, WebP, ICO or SVG image.
 */
export function sniffImage(head: Uint8Array): string | null {
  const starts = (...bytes: number[]) => bytes.every((b, i) => head[i] === b);
  if (starts(0x89, 0x50, 0x4e, 0x47)) return "PNG";
  if (starts(0xff, 0xd8, 0xff)) return "JPEG";
  if (starts(0x47, 0x49, 0x46, 0x38)) return "GIF";
  if (starts(0x52, 0x49, 0x46, 0x46) && String.fromCharCode(...head.slice(8, 12)) === "WEBP") {
    return "WebP";
  }
  if (starts(0x00, 0x00, 0x01, 0x00)) return "ICO";
  const text = new TextDecoder()
    .decode(head.slice(0, 1_024))
    .replace(/^\uFEFF/, "")
    .trimStart();
  if (/^(<\?xml[^>]*>\s*)?(<!--[\s\S]*?-->\s*)*(<!DOCTYPE svg[^>]*>\s*)?<svg[\s>]/i.test(text)) {
    return "SVG";
  }
  return null;
}

/** Why a file can't be the store's logo or favicon, or null when it can. */
export function imageProblem(
  file: { head: Uint8Array; size: number } | null,
  kind: keyof typeof IMAGE_MAX_BYTES,
): string | null {
  if (file === null) return "The upload was not found; try uploading again.";
  if (sniffImage(file.head) === null) {
    return `A ${kind} must be a PNG, JPEG, WebP, GIF, SVG or ICO image; this file is not one.`;
  }
  if (file.size > IMAGE_MAX_BYTES[kind]) {
    return `A ${kind} must be at most ${IMAGE_MAX_BYTES[kind] / 1_000_000} MB (this one is ${(file.size / 1_000_000).toFixed(1)} MB).`;
  }
  return null;
}

export function parseContact(input: { email: string; phone: string; address: string }) {
  const phone = input.phone.trim();
  if (phone !== "" && !/^\+?[0-9 ().-]{5,30}$/.test(phone)) {
    throw invalid("A phone number may hold digits, spaces, + ( ) - and . (5 to 30 of them).");
  }
  const address = input.address.trim();
  if (address.length > 300) throw invalid("An address needs at most 300 characters.");
  return {
    email: parseEmail(input.email),
    phone: phone === "" ? undefined : phone,
    address: address === "" ? undefined : address,
  };
}

function cents(value: number, label: string, max: number): number {
  if (!Number.isSafeInteger(value) || value < 0 || value > max) {
    throw invalid(`${label} must be between $0.00 and $${(max / 100).toLocaleString("en-US")}.`);
  }
  return value;
}

export function parseShipping(input: {
  flatShippingCents: number;
  freeShippingThresholdCents?: number;
  shippingCostCents?: number;
  targetMarginBps: number;
}) {
  if (
    !Number.isSafeInteger(input.targetMarginBps) ||
    input.targetMarginBps < 0 ||
    input.targetMarginBps > MAX_TARGET_MARGIN_BPS
  ) {
    throw invalid(`The target margin must be between 0% and ${MAX_TARGET_MARGIN_BPS / 100}%.`);
  }
  return {
    flatShippingCents: cents(input.flatShippingCents, "The flat shipping rate", MAX_SHIPPING_CENTS),
    freeShippingThresholdCents:
      input.freeShippingThresholdCents === undefined
        ? undefined
        : cents(
            input.freeShippingThresholdCents,
            "The free-shipping threshold",
            MAX_THRESHOLD_CENTS,
          ),
    shippingCostCents:
      input.shippingCostCents === undefined
        ? undefined
        : cents(input.shippingCostCents, "Your shipping cost per unit", MAX_SHIPPING_CENTS),
    targetMarginBps: input.targetMarginBps,
  };
}

export const POLICY_KINDS = ["shipping", "returns", "privacy", "terms"] as const;

export function parsePolicy(kind: (typeof POLICY_KINDS)[number], text: string): string {
  const body = text.trim();
  if (body.length > POLICY_MAX_CHARS) {
    throw invalid(
      `The ${kind} policy has ${body.length.toLocaleString("en-US")} characters; the limit is ${POLICY_MAX_CHARS.toLocaleString("en-US")}.`,
    );
  }
  return body;
}

// Checkout rules: what a shopper's input must look like, what a cart costs (always priced here,
// never by the browser), and the secrets that name a checkout and its receipt.
import { sha256 } from "@noble/hashes/sha2.js";
import type { Doc, Id } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { getCouponByCode, normalizeCouponCode, priceCoupon } from "./coupons";
import { invalid } from "./errors";
import { type ArmChoice, armFor, armVariantPrice } from "./priceTests";
import type { Address, CheckoutLine, CheckoutMode } from "./validators";

export const MAX_LINES = 50;
export const MAX_QUANTITY = 99;
/** How long a checkout holds its stock and coupon use before they go back on sale. */
export const HOLD_MS = 30 * 60 * 1000;
/** Stripe sessions expire at HOLD_MS; our hold outlives them a little so a payment made in the
 * last second still finds its units (the session's `expired` event releases it sooner). */
export const STRIPE_HOLD_MS = HOLD_MS + 5 * 60 * 1000;

export type CartItemInput = { productId: Id<"products">; sku: string; quantity: number };

// ── Input rules ─────────────────────────────────────────────────────────────

const VISITOR_ID = /^[A-Za-z0-9_-]{8,64}$/;

export function assertVisitorId(visitorId: string): string {
  if (!VISITOR_ID.test(visitorId)) {
    throw invalid("The visitor id must be 8 to 64 letters, digits, '-' or '_'.");
  }
  return visitorId;
}

/** One line per (product, variant), quantities summed; refuses what no cart could hold. */
export function normalizeItems(items: CartItemInput[]): CartItemInput[] {
  if (items.length === 0) throw invalid("Your cart is empty.");
  if (items.length > MAX_LINES) throw invalid(`A cart holds at most ${MAX_LINES} lines.`);
  const merged = new Map<string, CartItemInput>();
  for (const item of items) {
    if (item.sku.length === 0 || item.sku.length > 100) throw invalid("A cart line has no SKU.");
    if (!Number.isInteger(item.quantity) || item.quantity < 1) {
      throw invalid("A quantity must be a whole number of at least 1.");
    }
    const key = `${item.productId}|${item.sku}`;
    const quantity = (merged.get(key)?.quantity ?? 0) + item.quantity;
    if (quantity > MAX_QUANTITY) {
      throw invalid(`You can buy at most ${MAX_QUANTITY} of one item at a time.`);
    }
    merged.set(key, { ...item, quantity });
  }
  return [...merged.values()];
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export function normalizeEmail(email: string): string {
  const trimmed = email.trim().toLowerCase();
  if (trimmed.length === 0) throw invalid("Enter your email address for the receipt.");
  if (trimmed.length > 254 || !EMAIL.test(trimmed)) {
    throw invalid("That email address does not look right (name@example.com).");
  }
  return trimmed;
}

function field(value: string | undefined, label: string, max: number, required: boolean) {
  const trimmed = (value ?? "").trim();
  if (required && trimmed.length === 0) throw invalid(`Enter the ${label}.`);
  if (trimmed.length > max) throw invalid(`The ${label} is too long (at most ${max} characters).`);
  return trimmed.length === 0 ? undefined : trimmed;
}

export function normalizeAddress(address: Address): Address {
  const country = (address.country ?? "").trim().toUpperCase();
  if (!/^[A-Z]{2}$/.test(country)) {
    throw invalid("Choose the country as a two-letter code (e.g. US, GB, DE).");
  }
  return {
    name: field(address.name, "recipient's name", 100, true)!,
    line1: field(address.line1, "street address", 200, true)!,
    line2: field(address.line2, "second address line", 200, false),
    city: field(address.city, "city", 100, true)!,
    region: field(address.region, "state or region", 100, false),
    postalCode: field(address.postalCode, "postal code", 20, true)!,
    country,
    phone: field(address.phone, "phone number", 40, false),
  };
}

/** The offline test cards, spaces and dashes allowed. */
export function offlineCardOutcome(cardNumber: string): "paid" | "declined" | "unknown" {
  const digits = cardNumber.replace(/[\s-]/g, "");
  if (digits === "4242424242424242") return "paid";
  if (digits === "4000000000000002") return "declined";
  return "unknown";
}

/** "j***@example.com": enough for the shopper to recognise, not enough to harvest. */
export function maskEmail(email: string): string {
  const at = email.indexOf("@");
  if (at <= 0) return "***";
  return `${email[0]}***${email.slice(at)}`;
}

// ── Secrets ─────────────────────────────────────────────────────────────────
// The browser's checkout handle is a 32-byte random secret made in an action; the receipt token
// is derived from it (so whoever started the checkout can always show its receipt), and only
// hashes of both are stored. Hashing is synchronous so queries and mutations can do it.

const SECRET = /^[A-Za-z0-9_-]{43}$/;

export function isCheckoutSecret(text: string): boolean {
  return SECRET.test(text);
}

function base64url(bytes: Uint8Array): string {
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export function sha256Hex(text: string): string {
  return [...sha256(new TextEncoder().encode(text))]
    .map((b) => b.toString(16).padStart(2, "0"))
    .join("");
}

export function receiptTokenFor(checkoutSecret: string): string {
  return base64url(sha256(new TextEncoder().encode(`receipt:${checkoutSecret}`)));
}

export function checkoutHashes(checkoutSecret: string) {
  return {
    keyHash: sha256Hex(checkoutSecret),
    receiptHash: sha256Hex(receiptTokenFor(checkoutSecret)),
  };
}

// ── Pricing ─────────────────────────────────────────────────────────────────

export type QuoteLine = {
  productId: Id<"products">;
  sku: string;
  title: string;
  variantTitle: string;
  imageUrl?: string;
  unitPriceCents: number;
  quantity: number;
  available: number;
  lineTotalCents: number;
  problem?: string;
  /** Whether the problem is only stock (SOLD_OUT) rather than a product gone. */
  stockProblem?: boolean;
  arm?: ArmChoice;
};

export type Quote = {
  currency: string;
  paymentMode: CheckoutMode;
  lines: QuoteLine[];
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  coupon?: { code: string; label: string };
  couponProblem?: string;
};

export function paymentMode(): CheckoutMode {
  return process.env.STRIPE_SECRET_KEY ? "stripe" : "offline";
}

/**
 * Units this visitor's own open checkouts hold, by "productId|sku": they are the shopper's,
 * so a quote counts them as available (a new checkout releases them before taking stock).
 */
async function ownHolds(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  visitorId: string,
): Promise<Map<string, number>> {
  const open = await ctx.db
    .query("checkouts")
    .withIndex("by_store_visitor_status", (q) =>
      q.eq("storeId", storeId).eq("visitorId", visitorId).eq("status", "open"),
    )
    .take(20);
  const held = new Map<string, number>();
  for (const checkout of open) {
    for (const line of checkout.lines) {
      const key = `${line.productId}|${line.sku}`;
      held.set(key, (held.get(key) ?? 0) + line.quantity);
    }
  }
  return held;
}

async function priceLine(
  ctx: QueryCtx,
  store: Doc<"stores">,
  item: CartItemInput,
  visitorId: string,
  held: Map<string, number>,
): Promise<QuoteLine> {
  const base = { productId: item.productId, sku: item.sku, quantity: item.quantity };
  const product = await ctx.db.get(item.productId);
  if (product === null || product.storeId !== store._id || product.status !== "active") {
    return {
      ...base,
      title: product?.storeId === store._id ? product.title : "Unavailable item",
      variantTitle: "",
      unitPriceCents: 0,
      available: 0,
      lineTotalCents: 0,
      problem: "This product is no longer available. Remove it to continue.",
    };
  }
  const variant = product.variants.find((candidate) => candidate.sku === item.sku);
  if (variant === undefined) {
    return {
      ...base,
      title: product.title,
      variantTitle: "",
      imageUrl: product.images[0]?.url,
      unitPriceCents: 0,
      available: 0,
      lineTotalCents: 0,
      problem: "This option is no longer sold. Pick another one.",
    };
  }
  const arm = await armFor(ctx, store._id, product._id, visitorId);
  const unitPriceCents = armVariantPrice(variant, product.priceCents, arm);
  const available = variant.stock + (held.get(`${item.productId}|${item.sku}`) ?? 0);
  const line: QuoteLine = {
    ...base,
    title: product.title,
    variantTitle: variant.title,
    imageUrl: variant.imageUrl ?? product.images[0]?.url,
    unitPriceCents,
    available,
    lineTotalCents: unitPriceCents * item.quantity,
    ...(arm === null ? {} : { arm }),
  };
  if (available === 0) {
    return { ...line, lineTotalCents: 0, problem: "Sold out.", stockProblem: true };
  }
  if (available < item.quantity) {
    return {
      ...line,
      lineTotalCents: 0,
      problem: `Only ${available} left. Lower the quantity to continue.`,
      stockProblem: true,
    };
  }
  return line;
}

/**
 * Prices a cart for a visitor: each line at the variant's price (or the visitor's A/B arm),
 * lines that cannot be bought carry a `problem` and count for nothing, then the coupon,
 * shipping (flat, free above the store's threshold or with a free-shipping code) and tax.
 */
export async function priceCart(
  ctx: QueryCtx,
  store: Doc<"stores">,
  input: { visitorId: string; items: CartItemInput[]; couponCode?: string; now: number },
): Promise<Quote> {
  const lines: QuoteLine[] = [];
  const held = await ownHolds(ctx, store._id, input.visitorId);
  for (const item of normalizeItems(input.items)) {
    lines.push(await priceLine(ctx, store, item, input.visitorId, held));
  }
  const subtotalCents = lines.reduce((sum, line) => sum + line.lineTotalCents, 0);
  const { freeShippingThresholdCents, flatShippingCents } = store.settings;
  let shippingCents =
    subtotalCents === 0 ||
    (freeShippingThresholdCents !== undefined && subtotalCents >= freeShippingThresholdCents)
      ? 0
      : flatShippingCents;

  let discountCents = 0;
  let coupon: Quote["coupon"];
  let couponProblem: string | undefined;
  const code = normalizeCouponCode(input.couponCode ?? "");
  if (code !== "") {
    // No real code is this long; a pasted paragraph is answered like any unknown code.
    const row = code.length > 64 ? null : await getCouponByCode(ctx, store._id, code);
    if (row === null) {
      couponProblem = "This code does not exist. Check the spelling.";
    } else {
      const price = priceCoupon(row, subtotalCents, shippingCents, input.now, store.currency);
      if (!price.ok) {
        couponProblem = price.reason;
      } else {
        discountCents = price.discountCents;
        if (price.freeShipping) shippingCents = 0;
        coupon = { code: row.code, label: price.label };
      }
    }
  }
  // No tax engine yet: prices are shown tax-inclusive, and the line is kept for when one lands.
  const taxCents = 0;
  return {
    currency: store.currency,
    paymentMode: paymentMode(),
    lines,
    subtotalCents,
    discountCents,
    shippingCents,
    taxCents,
    totalCents: subtotalCents - discountCents + shippingCents + taxCents,
    ...(coupon ? { coupon } : {}),
    ...(couponProblem ? { couponProblem } : {}),
  };
}

/** The quote as the storefront sees it (internal fields dropped). */
export function publicQuote(quote: Quote) {
  return {
    ...quote,
    lines: quote.lines.map(({ stockProblem: _, arm: __, ...line }) => line),
  };
}

/** The lines a checkout keeps: what was priced, and which arm priced it. */
export function checkoutLines(quote: Quote): CheckoutLine[] {
  return quote.lines.map((line) => ({
    productId: line.productId,
    sku: line.sku,
    title: line.title,
    variantTitle: line.variantTitle,
    quantity: line.quantity,
    unitPriceCents: line.unitPriceCents,
    ...(line.arm ? { priceTestId: line.arm.testId, arm: line.arm.arm } : {}),
  }));
}

// Reading a supplier's product page: the pieces both parsers use (JSON-LD, Open Graph tags,
// JSON assigned in an inline script, money). Pure string work: no DOM in a Convex runtime.
import { invalid } from "../errors";

export type ParsedVariant = {
  // The supplier's own id or SKU for this variant (kept in our SKU so orders can be matched).
  supplierSku: string;
  name: string;
  options: Record<string, string>;
  costCents: number;
  stock?: number;
  imageUrl?: string;
};

export type ParsedProduct = {
  title: string;
  description: string;
  category?: string;
  images: string[];
  currency: string;
  variants: ParsedVariant[];
  // The lowest variant cost: what one unit costs us at least.
  supplierPriceCents: number;
  // Which structured data the product came from ("runParams", "JSON-LD", "Open Graph"…).
  readFrom: string;
};

const ENTITIES: Record<string, string> = {
  amp: "&",
  lt: "<",
  gt: ">",
  quot: '"',
  apos: "'",
  nbsp: " ",
  "#39": "'",
};

export function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+|#39);/gi, (whole, name: string) => {
    const lower = name.toLowerCase();
    if (lower.startsWith("#x")) return String.fromCodePoint(Number.parseInt(lower.slice(2), 16));
    if (lower.startsWith("#")) return String.fromCodePoint(Number(lower.slice(1)));
    return ENTITIES[lower] ?? whole;
  });
}

/** Plain text from a bit of HTML: tags dropped, block ends as line breaks, spaces tidied. */
export function htmlToText(html: string): string {
  return decodeEntities(
    html
      .replace(/<(script|style)[^>]*>[\s\S]*?<\/\1>/gi, "")
      .replace(/<br\s*\/?>/gi, "\n")
      .replace(/<\/(p|div|li|h[1-6]|tr)>/gi, "\n")
      .replace(/<[^>]+>/g, ""),
  )
    .split("\n")
    .map((line) => line.replace(/\s+/g, " ").trim())
    .filter(Boolean)
    .join("\n");
}

/** `content` of <meta property|name="…">, e.g. og:title. */
export function metaContent(html: string, key: string): string | undefined {
  for (const tag of html.match(/<meta\b[^>]*>/gi) ?? []) {
    const name = /\b(?:property|name)\s*=\s*["']([^"']+)["']/i.exec(tag)?.[1];
    if (name?.toLowerCase() !== key.toLowerCase()) continue;
    const content = /\bcontent\s*=\s*"([^"]*)"|\bcontent\s*=\s*'([^']*)'/i.exec(tag);
    const value = content?.[1] ?? content?.[2];
    if (value !== undefined) return decodeEntities(value).trim();
  }
  return undefined;
}

/** Every parsed <script type="application/ld+json"> block (broken ones skipped). */
export function jsonLdBlocks(html: string): unknown[] {
  const blocks: unknown[] = [];
  const re = /<script\b[^>]*type\s*=\s*["']application\/ld\+json["'][^>]*>([\s\S]*?)<\/script>/gi;
  for (const match of html.matchAll(re)) {
    try {
      blocks.push(JSON.parse(match[1]));
    } catch {
      // A malformed block is the page's problem; other data may still be there.
    }
  }
  return blocks;
}

type Json = Record<string, unknown>;
export const isObject = (value: unknown): value is Json =>
  typeof value === "object" && value !== null && !Array.isArray(value);

/** The first JSON-LD node whose @type is Product (inside @graph or arrays too). */
export function jsonLdProduct(html: string): Json | undefined {
  const queue: unknown[] = jsonLdBlocks(html);
  while (queue.length > 0) {
    const node = queue.shift();
    if (Array.isArray(node)) queue.push(...node);
    else if (isObject(node)) {
      const type = node["@type"];
      if (type === "Product" || (Array.isArray(type) && type.includes("Product"))) return node;
      if (Array.isArray(node["@graph"])) queue.push(...node["@graph"]);
    }
  }
  return undefined;
}

/**
 * The JSON object literal that starts right after `marker` in the page (`window.runParams = `),
 * found by matching braces outside strings. Undefined when absent or not valid JSON.
 */
export function jsonAfter(html: string, marker: RegExp): Json | undefined {
  const found = marker.exec(html);
  if (found === null) return undefined;
  const start = html.indexOf("{", found.index + found[0].length - 1);
  if (start < 0) return undefined;
  let depth = 0;
  let quote: string | null = null;
  for (let i = start; i < html.length; i++) {
    const c = html[i];
    if (quote !== null) {
      if (c === "\\") i++;
      else if (c === quote) quote = null;
    } else if (c === '"' || c === "'") quote = c;
    else if (c === "{") depth++;
    else if (c === "}" && --depth === 0) {
      try {
        const value: unknown = JSON.parse(html.slice(start, i + 1));
        return isObject(value) ? value : undefined;
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

/** A <script id="…"> element's JSON body (Next.js' __NEXT_DATA__ and the like). */
export function scriptJsonById(html: string, id: string): Json | undefined {
  const re = new RegExp(`<script\\b[^>]*id\\s*=\\s*["']${id}["'][^>]*>([\\s\\S]*?)</script>`, "i");
  const body = re.exec(html)?.[1];
  if (body === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(body);
    return isObject(value) ? value : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Integer cents from a price as pages write it: 12.5, "12.50", "US $1,234.56", "1.234,56 €".
 * Undefined when there is no amount in it.
 */
export function toCents(value: unknown): number | undefined {
  if (typeof value === "number") {
    return Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : undefined;
  }
  if (typeof value !== "string") return undefined;
  const amount = /\d[\d.,\s]*/.exec(value)?.[0].replace(/\s/g, "");
  if (amount === undefined) return undefined;
  const lastDot = amount.lastIndexOf(".");
  const lastComma = amount.lastIndexOf(",");
  const decimalMark = lastComma > lastDot && amount.length - lastComma <= 3 ? "," : ".";
  const digits =
    decimalMark === "," ? amount.replace(/\./g, "").replace(",", ".") : amount.replace(/,/g, "");
  const [whole, fraction = ""] = digits.split(".");
  if (!/^\d+$/.test(whole) || !/^\d*$/.test(fraction)) return undefined;
  // Exact decimal arithmetic: 19.99 → 1999, never 1998.9999.
  const cents = Number(whole) * 100 + Number((fraction + "00").slice(0, 2));
  return Number.isSafeInteger(cents) ? cents : undefined;
}

/** An image address as stored: protocol-relative "//ae01…" made https. */
export function absoluteUrl(src: unknown, base: string): string | undefined {
  if (typeof src !== "string" || src.trim() === "") return undefined;
  try {
    const url = new URL(src.trim().startsWith("//") ? `https:${src.trim()}` : src.trim(), base);
    return url.protocol === "https:" || url.protocol === "http:" ? url.toString() : undefined;
  } catch {
    return undefined;
  }
}

export const asString = (value: unknown): string | undefined =>
  typeof value === "string" && value.trim() !== "" ? value.trim() : undefined;

export function unique<T>(items: (T | undefined)[]): T[] {
  return [...new Set(items.filter((item): item is T => item !== undefined))];
}

/** JSON-LD Product offers → one variant per offer (or one default), costs in cents. */
export function variantsFromJsonLd(product: Json, base: string): ParsedVariant[] {
  const offers = product.offers;
  const list = Array.isArray(offers) ? offers : isObject(offers) ? [offers] : [];
  const expanded = list.flatMap((offer) =>
    isObject(offer) && Array.isArray(offer.offers) ? offer.offers : [offer],
  );
  const variants: ParsedVariant[] = [];
  expanded.forEach((offer, i) => {
    if (!isObject(offer)) return;
    const cents = toCents(offer.price ?? offer.lowPrice);
    if (cents === undefined) return;
    variants.push({
      supplierSku: asString(offer.sku) ?? String(i + 1),
      name: asString(offer.name) ?? (expanded.length === 1 ? "Default" : `Option ${i + 1}`),
      options: {},
      costCents: cents,
      imageUrl: absoluteUrl(offer.image, base),
    });
  });
  return variants;
}

export function currencyOfJsonLd(product: Json): string | undefined {
  const offers = product.offers;
  const first = Array.isArray(offers) ? offers[0] : offers;
  return isObject(first) ? asString(first.priceCurrency) : undefined;
}

/** Finishes a parse: at least a title and one priced variant, or INVALID saying what is missing. */
export function completeProduct(
  found: Omit<ParsedProduct, "supplierPriceCents"> | undefined,
  supplierName: string,
): ParsedProduct {
  if (found === undefined || found.title === "") {
    throw invalid(
      `No product data found on that ${supplierName} page (no product JSON, JSON-LD or Open Graph title). It may be a search, store or sign-in page; open the product itself and copy its address.`,
    );
  }
  const variants = found.variants.filter((variant) => variant.costCents > 0);
  if (variants.length === 0) {
    throw invalid(
      `That ${supplierName} page has no price we could read for "${found.title}". Check the product is still for sale.`,
    );
  }
  return {
    ...found,
    variants,
    supplierPriceCents: Math.min(...variants.map((variant) => variant.costCents)),
  };
}

// What the product editor may save: every field checked here, before anything is written, so a
// refused save says why and changes nothing. Pure: unit-tested without a database.
import { v } from "convex/values";
import { assertBelowWas, assertPrice, assertPublishable, slugify } from "./catalog";
import { invalid } from "./errors";
import { productImage, productStatus, productVariant, type ProductVariant } from "./validators";

export const MAX_STOCK = 1_000_000;
export const LIMITS = {
  title: 200,
  description: 20_000,
  slug: 80,
  category: 80,
  tags: 30,
  tag: 40,
  images: 20,
  alt: 200,
  variants: 100,
  sku: 64,
  optionName: 40,
  optionValue: 60,
  url: 2_000,
  seoTitle: 70,
  seoDescription: 320,
} as const;
/** What search engines show in full; the editor's counters turn amber past these. */
export const SEO_ADVISED = { title: 60, description: 160 } as const;

/** Everything the editor sends; derived fields (listing price, stock, margin) are computed. */
export const productInput = v.object({
  title: v.string(),
  slug: v.string(),
  description: v.string(),
  status: productStatus,
  category: v.string(),
  tags: v.array(v.string()),
  images: v.array(productImage),
  variants: v.array(productVariant),
  supplierUrl: v.optional(v.string()),
  supplierCostCents: v.optional(v.number()),
  seo: v.optional(v.object({ title: v.string(), description: v.string() })),
  saleEndsAt: v.optional(v.number()),
});
export type ProductInput = typeof productInput.type;

export function isHttpUrl(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.includes(".");
  } catch {
    return false;
  }
}

function text(value: string, label: string, max: number, { required = false } = {}): string {
  const trimmed = value.trim();
  if (required && trimmed.length === 0) throw invalid(`${label} cannot be empty.`);
  if (trimmed.length > max) {
    throw invalid(
      `${label} can have at most ${max.toLocaleString("en")} characters (it has ${trimmed.length.toLocaleString("en")}).`,
    );
  }
  return trimmed;
}

function variantRules(variant: ProductVariant, imageUrls: Set<string>, index: number) {
  const name = `Variant ${index + 1}`;
  const sku = text(variant.sku, `${name}'s SKU`, LIMITS.sku, { required: true });
  const title = text(variant.title, `${name}'s name`, LIMITS.title) || "Default";
  const options: Record<string, string> = {};
  for (const [key, value] of Object.entries(variant.options)) {
    const option = text(key, `${name}'s option name`, LIMITS.optionName, { required: true });
    options[option] = text(value, `${name}'s ${option}`, LIMITS.optionValue, { required: true });
  }
  const priceCents = assertPrice(variant.priceCents, `${name}'s price`);
  const compareAtCents =
    variant.compareAtCents === undefined
      ? undefined
      : assertPrice(variant.compareAtCents, `${name}'s 'was' price`);
  assertBelowWas(priceCents, compareAtCents, sku);
  if (!Number.isSafeInteger(variant.stock) || variant.stock < 0 || variant.stock > MAX_STOCK) {
    throw invalid(
      `${name}'s stock must be a whole number from 0 to ${MAX_STOCK.toLocaleString("en")}.`,
    );
  }
  if (variant.imageUrl !== undefined && !imageUrls.has(variant.imageUrl)) {
    throw invalid(`${name}'s picture must be one of this product's images.`);
  }
  return { ...variant, sku, title, options, priceCents, compareAtCents };
}

/**
 * The editor's input, checked and tidied (trimmed text, slug in URL form). Throws INVALID with
 * the first problem found. Uniqueness of the slug in the store is the writer's check.
 */
export function checkProductInput(input: ProductInput, now: number): ProductInput {
  const title = text(input.title, "The title", LIMITS.title, { required: true });
  const description = text(input.description, "The description", LIMITS.description);
  const slug = slugify(input.slug.trim() === "" ? title : input.slug);
  if (slug.length === 0) throw invalid("The URL slug needs a letter or a digit.");
  if (slug.length > LIMITS.slug)
    throw invalid(`The URL slug can have at most ${LIMITS.slug} characters.`);
  const category = text(input.category, "The category", LIMITS.category, { required: true });
  if (input.tags.length > LIMITS.tags)
    throw invalid(`A product can have at most ${LIMITS.tags} tags.`);
  const tags = [
    ...new Set(input.tags.map((tag) => text(tag, "A tag", LIMITS.tag)).filter(Boolean)),
  ];

  if (input.images.length > LIMITS.images) {
    throw invalid(`A product can have at most ${LIMITS.images} images.`);
  }
  const images = input.images.map((image) => ({
    ...image,
    alt: text(image.alt, "An image's description", LIMITS.alt),
    url: text(image.url, "An image's address", LIMITS.url, { required: true }),
  }));
  const imageUrls = new Set(images.map((image) => image.url));

  if (input.variants.length === 0) throw invalid("A product needs at least one variant.");
  if (input.variants.length > LIMITS.variants) {
    throw invalid(`A product can have at most ${LIMITS.variants} variants.`);
  }
  const variants = input.variants.map((variant, i) => variantRules(variant, imageUrls, i));
  const seen = new Map<string, number>();
  variants.forEach((variant, i) => {
    const key = variant.sku.toUpperCase();
    const first = seen.get(key);
    if (first !== undefined) {
      throw invalid(
        `Duplicate SKU "${variant.sku}": variants ${first + 1} and ${i + 1} share it. Each variant needs its own SKU.`,
      );
    }
    seen.set(key, i);
  });

  let supplierUrl: string | undefined;
  if (input.supplierUrl !== undefined && input.supplierUrl.trim() !== "") {
    supplierUrl = text(input.supplierUrl, "The supplier URL", LIMITS.url);
    if (!isHttpUrl(supplierUrl)) {
      throw invalid(
        `The supplier URL must be a web address such as https://supplier.example/item (got "${supplierUrl.slice(0, 60)}").`,
      );
    }
  }
  const supplierCostCents =
    input.supplierCostCents === undefined
      ? undefined
      : assertPrice(input.supplierCostCents, "The supplier cost");
  const seo =
    input.seo === undefined
      ? undefined
      : {
          title: text(input.seo.title, "The SEO title", LIMITS.seoTitle),
          description: text(input.seo.description, "The SEO description", LIMITS.seoDescription),
        };
  if (input.saleEndsAt !== undefined) {
    if (!Number.isFinite(input.saleEndsAt) || input.saleEndsAt <= 0) {
      throw invalid("The sale end must be a date.");
    }
    if (input.saleEndsAt <= now && input.status === "active") {
      throw invalid("The sale end date is in the past. Pick a future date or clear it.");
    }
  }
  const checked: ProductInput = {
    ...input,
    title,
    slug,
    description,
    category,
    tags,
    images,
    variants,
    supplierUrl,
    supplierCostCents,
    seo,
  };
  if (checked.status === "active") assertPublishable(checked);
  return checked;
}

/** The "was" price listings show: the cheapest variant's, so it sits next to the "from" price. */
export function listingCompareAt(variants: ProductVariant[]): number | undefined {
  const cheapest = variants.reduce((a, b) => (b.priceCents < a.priceCents ? b : a));
  return cheapest.compareAtCents;
}

// Card payment fees when the store has no setting of its own (Stripe's standard US rate).
export const DEFAULT_PAYMENT_FEES = { bps: 290, fixedCents: 30 } as const;

/** Profit per unit after supplier cost and payment fees, and its share of the price. */
export function unitEconomics(
  priceCents: number,
  costCents: number | undefined,
  fees: { bps: number; fixedCents: number } = DEFAULT_PAYMENT_FEES,
): { feesCents: number; profitCents: number | undefined; marginBps: number | undefined } {
  const feesCents =
    priceCents > 0 ? Math.round((priceCents * fees.bps) / 10_000) + fees.fixedCents : 0;
  if (costCents === undefined) return { feesCents, profitCents: undefined, marginBps: undefined };
  const profitCents = priceCents - costCents - feesCents;
  return {
    feesCents,
    profitCents,
    marginBps: priceCents > 0 ? Math.round((profitCents * 10_000) / priceCents) : undefined,
  };
}

// Catalogue rules: pricing and margin, what a quick edit may change, and what shoppers see.
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { invalid } from "./errors";
import { assertCount, ratioBps } from "./money";
import {
  type AuditChange,
  type ProductStatus,
  type ProductVariant,
  productImage,
  productStatus,
  productVariant,
} from "./validators";

/**
 * Gross margin in basis points: (price − cost) / price. Negative when sold below cost,
 * undefined when there is no price to divide by or the cost is unknown.
 */
export function marginBps(priceCents: number, costCents: number | undefined): number | undefined {
  if (costCents === undefined || priceCents <= 0) return undefined;
  return ratioBps(priceCents - costCents, priceCents);
}

/** Retail price that yields `targetBps` margin on `costCents`, rounded up to end in 99 cents. */
export function suggestPriceCents(costCents: number, targetBps: number): number {
  if (targetBps >= 10_000) throw invalid("A margin must be below 100%.");
  const raw = Math.ceil((costCents * 10_000) / (10_000 - targetBps));
  return Math.max(99, Math.ceil((raw + 1) / 100) * 100 - 1);
}

/** The listing price: the cheapest variant's price. */
export function fromPriceCents(variants: ProductVariant[]): number {
  if (variants.length === 0) throw invalid("A product needs at least one variant.");
  return Math.min(...variants.map((variant) => variant.priceCents));
}

export function totalStock(variants: ProductVariant[]): number {
  return variants.reduce((sum, variant) => sum + variant.stock, 0);
}

/** $1,000,000.00: no single unit in this shop sells for more; a typo with extra zeros is refused. */
export const MAX_PRICE_CENTS = 100_000_000;
export const SALE_ABOVE_WAS = "The sale price must be below the 'was' price";

/** A price in cents a person may set: whole, above zero, at most MAX_PRICE_CENTS. */
export function assertPrice(cents: number, what = "A price"): number {
  if (!Number.isSafeInteger(cents)) throw invalid(`${what} must be a whole number of cents.`);
  if (cents < 0) throw invalid(`${what} cannot be negative.`);
  if (cents > MAX_PRICE_CENTS) {
    throw invalid(`${what} cannot be above $1,000,000.00 per unit. Check for extra zeros.`);
  }
  return cents;
}

/** A "was" price must be above the price it is crossed out next to, or the sale is a lie. */
export function assertBelowWas(priceCents: number, compareAtCents: number | undefined, who = "") {
  if (compareAtCents !== undefined && priceCents >= compareAtCents) {
    throw invalid(
      `${SALE_ABOVE_WAS}${who ? ` (${who})` : ""}: ${(priceCents / 100).toFixed(2)} is not below ${(compareAtCents / 100).toFixed(2)}. Lower the price or clear the 'was' price.`,
    );
  }
}

export function slugify(text: string): string {
  return text
    .toLowerCase()
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
}

export const quickEditPatch = v.object({
  title: v.optional(v.string()),
  priceCents: v.optional(v.number()),
  stock: v.optional(v.number()),
  status: v.optional(productStatus),
  // Clears every variant's "was" price, so a new price above it is not a fake sale.
  clearCompareAt: v.optional(v.boolean()),
});
export type QuickEditPatch = typeof quickEditPatch.type;

type ProductPatch = Partial<
  Pick<
    Doc<"products">,
    | "title"
    | "priceCents"
    | "compareAtCents"
    | "stock"
    | "status"
    | "variants"
    | "marginBps"
    | "updatedAt"
  >
>;

/**
 * Turns a dashboard quick edit into a document patch plus the audit trail of what changed.
 * Quick edit is the flat tool: a price applies to every variant; stock can be set for a
 * single-variant product, or zeroed ("sold out") for any product. Per-variant edits belong
 * to the full editor.
 */
export function applyQuickEdit(
  product: Doc<"products">,
  edit: QuickEditPatch,
  now: number,
): { patch: ProductPatch; changes: AuditChange[] } {
  const patch: ProductPatch = {};
  const changes: AuditChange[] = [];
  let variants = product.variants;

  if (edit.title !== undefined) {
    const title = edit.title.trim();
    if (title.length === 0 || title.length > 200) {
      throw invalid("A title needs 1 to 200 characters.");
    }
    if (title !== product.title) {
      patch.title = title;
      changes.push({ field: "title", from: product.title, to: title });
    }
  }

  if (edit.clearCompareAt === true && variants.some((x) => x.compareAtCents !== undefined)) {
    variants = variants.map(({ compareAtCents: _was, ...variant }) => variant);
    patch.compareAtCents = undefined;
    changes.push({ field: "compareAtCents", from: product.compareAtCents ?? null, to: null });
  }

  if (edit.priceCents !== undefined) {
    const price = assertPrice(edit.priceCents, "A price");
    if (price === 0) throw invalid("A price must be above zero.");
    for (const variant of variants) assertBelowWas(price, variant.compareAtCents, variant.sku);
    if (price !== product.priceCents || variants.some((x) => x.priceCents !== price)) {
      variants = variants.map((variant) => ({ ...variant, priceCents: price }));
      patch.priceCents = price;
      patch.marginBps = marginBps(price, product.supplierCostCents);
      changes.push({ field: "priceCents", from: product.priceCents, to: price });
    }
  }

  if (edit.stock !== undefined) {
    const stock = assertCount(edit.stock, "stock");
    if (stock !== 0 && variants.length > 1) {
      throw invalid("This product has several variants; set their stock in the product editor.");
    }
    if (stock !== product.stock) {
      variants = variants.map((variant) => ({ ...variant, stock }));
      patch.stock = stock;
      changes.push({ field: "stock", from: product.stock, to: stock });
    }
  }

  if (edit.status !== undefined && edit.status !== product.status) {
    if (edit.status === "active") assertPublishable({ ...product, variants });
    patch.status = edit.status;
    changes.push({ field: "status", from: product.status, to: edit.status });
  }

  if (variants !== product.variants) patch.variants = variants;
  if (changes.length > 0) patch.updatedAt = now;
  return { patch, changes };
}

/**
 * A product as a member without "costs.view" sees it: no supplier cost or margin (a margin
 * and a price give the cost away). Staff see what their work needs.
 */
export function withoutCosts(product: Doc<"products">): Doc<"products"> {
  const { supplierCostCents: _cost, marginBps: _margin, ...rest } = product;
  return rest;
}

/** What a product needs before shoppers may see it. */
export function assertPublishable(product: Pick<Doc<"products">, "variants" | "title" | "slug">) {
  if (product.variants.length === 0) throw invalid("Add a variant before publishing.");
  if (product.variants.some((variant) => variant.priceCents <= 0)) {
    throw invalid("Every variant needs a price before publishing.");
  }
  if (product.slug.length === 0) throw invalid("A product needs a URL slug before publishing.");
}

export function isVisibleOnStorefront(status: ProductStatus): boolean {
  return status === "active";
}

// What shoppers may see of a product: no supplier, cost, margin or AI verdict.
export const publicProduct = v.object({
  _id: v.id("products"),
  slug: v.string(),
  title: v.string(),
  description: v.string(),
  category: v.string(),
  tags: v.array(v.string()),
  images: v.array(productImage),
  variants: v.array(productVariant),
  priceCents: v.number(),
  compareAtCents: v.optional(v.number()),
  saleEndsAt: v.optional(v.number()),
  stock: v.number(),
  seo: v.optional(v.object({ title: v.string(), description: v.string() })),
});
export type PublicProduct = typeof publicProduct.type;

export function toPublicProduct(product: Doc<"products">): PublicProduct {
  return {
    _id: product._id,
    slug: product.slug,
    title: product.title,
    description: product.description,
    category: product.category,
    tags: product.tags,
    images: product.images,
    variants: product.variants,
    priceCents: product.priceCents,
    compareAtCents: product.compareAtCents,
    saleEndsAt: product.saleEndsAt,
    stock: product.stock,
    seo: product.seo,
  };
}

/** Room on the featured shelf: enough for a landing page, small enough to reorder by hand. */
export const MAX_FEATURED = 24;
export const FEATURED_STEP = 1_000;

/**
 * A fractional sort key strictly between two neighbours (either may be missing: the ends of the
 * list), so a drag patches one row. Null when the two are too close for a float to split; the
 * writer then renumbers the (bounded) shelf.
 */
export function keyBetween(before: number | undefined, after: number | undefined): number | null {
  if (before === undefined && after === undefined) return FEATURED_STEP;
  if (before === undefined) return after! - FEATURED_STEP;
  if (after === undefined) return before + FEATURED_STEP;
  const mid = (before + after) / 2;
  return mid > before && mid < after ? mid : null;
}

// Catalogue rules: pricing and margin, what a quick edit may change, and what shoppers see.
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import { invalid } from "./errors";
import { assertCents, assertCount, ratioBps } from "./money";
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
});
export type QuickEditPatch = typeof quickEditPatch.type;

type ProductPatch = Partial<
  Pick<
    Doc<"products">,
    "title" | "priceCents" | "stock" | "status" | "variants" | "marginBps" | "updatedAt"
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

  if (edit.priceCents !== undefined) {
    const price = assertCents(edit.priceCents, "priceCents");
    if (price === 0) throw invalid("A price must be above zero.");
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

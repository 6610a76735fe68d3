// The one writer of `products`, and so of stock. Every change to a product goes through here,
// so the derived fields (listing price, total stock, margin) and the audit trail never drift;
// tests/convex/writers.test.ts fails if another module writes the table.
import type { WithoutSystemFields } from "convex/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { getInStoreX } from "./access";
import { type Actor, recordAudit } from "./audit";
import {
  applyQuickEdit,
  assertPublishable,
  fromPriceCents,
  marginBps,
  type QuickEditPatch,
  totalStock,
} from "./catalog";
import { appError, invalid } from "./errors";
import { assertCount } from "./money";

type ProductDoc = WithoutSystemFields<Doc<"products">>;

/** A new product as its author sees it: the derived fields are computed here. */
export type ProductInput = Omit<
  ProductDoc,
  "storeId" | "priceCents" | "stock" | "marginBps" | "updatedAt"
>;

/** Listing price, total stock and margin, from the variants and the supplier cost. */
function derived(fields: Pick<ProductDoc, "variants" | "supplierCostCents">) {
  const priceCents = fromPriceCents(fields.variants);
  return {
    priceCents,
    stock: totalStock(fields.variants),
    marginBps: marginBps(priceCents, fields.supplierCostCents),
  };
}

/**
 * Adds a product. `audit: false` is for bulk loads (the demo seed), which record one audit
 * row for the whole load instead of one per product.
 */
export async function insertProduct(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  input: ProductInput,
  options: { now: number; audit?: boolean },
): Promise<Id<"products">> {
  if (input.status === "active") assertPublishable(input);
  for (const variant of input.variants) assertCount(variant.stock, "stock");
  const productId = await ctx.db.insert("products", {
    ...input,
    ...derived(input),
    storeId,
    updatedAt: options.now,
  });
  if (options.audit !== false) {
    await recordAudit(ctx, {
      storeId,
      actor,
      action: "product.create",
      targetTable: "products",
      targetId: productId,
      changes: [{ field: "title", from: null, to: input.title }],
      at: options.now,
    });
  }
  return productId;
}

/** The grid's quick edit (title, price, stock, status), audited field by field. */
export async function quickEditProduct(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  productId: Id<"products">,
  edit: QuickEditPatch,
  now: number,
): Promise<Doc<"products">> {
  const current = await getInStoreX(ctx, storeId, productId, "Product");
  const { patch, changes } = applyQuickEdit(current, edit, now);
  if (changes.length === 0) return current;
  await ctx.db.patch(productId, patch);
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "product.update",
    targetTable: "products",
    targetId: productId,
    changes,
    at: now,
  });
  return (await ctx.db.get(productId))!;
}

/** Records which trend a product was imported from (Discover). */
export async function linkProductToTrend(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  productId: Id<"products">,
  trendId: Id<"trends">,
): Promise<void> {
  await getInStoreX(ctx, storeId, productId, "Product");
  await ctx.db.patch(productId, { trendId });
}

export type StockLine = { productId: Id<"products">; sku: string; quantity: number };

/**
 * Takes sold units out of stock, all lines or none (a throw rolls the transaction back).
 * Serializable transactions make this the oversell guard: two checkouts of the last unit
 * cannot both see it.
 */
export async function takeStock(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  lines: StockLine[],
  now: number,
): Promise<void> {
  await moveStock(ctx, storeId, lines, -1, now);
}

/**
 * Puts held units back (a checkout that expired unpaid). A product or variant deleted since is
 * skipped: there is nothing to put the units back into.
 */
export async function returnStock(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  lines: StockLine[],
  now: number,
): Promise<void> {
  for (const line of lines) {
    const product = await ctx.db.get(line.productId);
    if (product === null || product.storeId !== storeId) continue;
    if (!product.variants.some((variant) => variant.sku === line.sku)) continue;
    await moveStock(ctx, storeId, [line], 1, now);
  }
}

async function moveStock(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  lines: StockLine[],
  sign: 1 | -1,
  now: number,
): Promise<void> {
  // Lines of one product are applied together so its total is patched once.
  const byProduct = new Map<Id<"products">, StockLine[]>();
  for (const line of lines) {
    if (!Number.isInteger(line.quantity) || line.quantity <= 0) {
      throw invalid("A quantity must be a whole number above zero.");
    }
    byProduct.set(line.productId, [...(byProduct.get(line.productId) ?? []), line]);
  }
  for (const [productId, productLines] of byProduct) {
    const product = await getInStoreX(ctx, storeId, productId, "Product");
    const variants = product.variants.map((variant) => ({ ...variant }));
    for (const line of productLines) {
      const variant = variants.find((candidate) => candidate.sku === line.sku);
      if (variant === undefined) throw invalid(`${product.title} has no variant ${line.sku}.`);
      const next = variant.stock + sign * line.quantity;
      if (next < 0) {
        throw appError(
          "SOLD_OUT",
          variant.stock === 0
            ? `${product.title} (${variant.title}) is sold out.`
            : `Only ${variant.stock} of ${product.title} (${variant.title}) left.`,
        );
      }
      variant.stock = next;
    }
    await ctx.db.patch(productId, { variants, stock: totalStock(variants), updatedAt: now });
  }
}

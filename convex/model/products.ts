// The one writer of `products`, and so of stock. Every change to a product goes through here,
// so the derived fields (listing price, total stock, margin) and the audit trail never drift;
// tests/convex/writers.test.ts fails if another module writes the table.
import type { WithoutSystemFields } from "convex/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { getInStoreX } from "./access";
import { type Actor, recordAudit } from "./audit";
import {
  applyQuickEdit,
  assertPublishable,
  FEATURED_STEP,
  fromPriceCents,
  keyBetween,
  MAX_FEATURED,
  marginBps,
  type QuickEditPatch,
  totalStock,
} from "./catalog";
import type { BulkChange, BulkRow } from "./catalogBulk";
import { appError, conflict, invalid } from "./errors";
import { assertCount } from "./money";
import {
  checkProductInput,
  type ProductInput as EditorInput,
  listingCompareAt,
} from "./productRules";
import type { AuditAi, AuditChange, ImportSource } from "./validators";

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
  return await writeUpdate(ctx, storeId, actor, current, patch, changes, now);
}

/**
 * Writes a team edit (quick edit or editor save): a strictly newer version, so an editor
 * holding the old one always sees the conflict, and the audit row of what changed.
 */
async function writeUpdate(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  current: Doc<"products">,
  patch: Partial<ProductDoc>,
  changes: AuditChange[],
  now: number,
): Promise<Doc<"products">> {
  const productId = current._id;
  await ctx.db.patch(productId, { ...patch, updatedAt: Math.max(now, current.updatedAt + 1) });
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
  _now: number,
): Promise<void> {
  await moveStock(ctx, storeId, lines, -1);
}

/**
 * Puts held units back (a checkout that expired unpaid). A product or variant deleted since is
 * skipped: there is nothing to put the units back into.
 */
export async function returnStock(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  lines: StockLine[],
  _now: number,
): Promise<void> {
  for (const line of lines) {
    const product = await ctx.db.get(line.productId);
    if (product === null || product.storeId !== storeId) continue;
    if (!product.variants.some((variant) => variant.sku === line.sku)) continue;
    await moveStock(ctx, storeId, [line], 1);
  }
}

/** Puts returned units back on the shelf (an approved return with restock). */
export async function restock(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  lines: StockLine[],
  now: number,
): Promise<void> {
  await returnStock(ctx, storeId, lines, now);
}

async function moveStock(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  lines: StockLine[],
  sign: 1 | -1,
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
    // Stock moves (sales, holds, restocks) leave `updatedAt` alone: it is the editor's version
    // of what the team wrote, and a sale during an edit must not turn the save into a conflict.
    // saveProduct merges the units sold meanwhile instead (see mergeStock).
    await ctx.db.patch(productId, { variants, stock: totalStock(variants) });
  }
}

// ── The product editor ──────────────────────────────────────────────────────

/** Throws INVALID when another product of the store already has this slug. */
async function assertSlugFree(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  slug: string,
  self: Id<"products"> | null,
) {
  const taken = await ctx.db
    .query("products")
    .withIndex("by_store_slug", (q) => q.eq("storeId", storeId).eq("slug", slug))
    .first();
  if (taken !== null && taken._id !== self) {
    throw invalid(
      `Another product ("${taken.title}") already uses the address /p/${slug}. Pick another slug.`,
    );
  }
}

/**
 * Uploaded images get their URL from storage, never from the browser; an id that is not a
 * stored file is refused. Bundled and supplier images (no storageId) keep their URL.
 */
async function resolveImages(ctx: MutationCtx, input: EditorInput): Promise<EditorInput> {
  const rewrites = new Map<string, string>();
  const images = [];
  for (const image of input.images) {
    if (image.storageId === undefined) {
      images.push(image);
      continue;
    }
    const url = await ctx.storage.getUrl(image.storageId);
    if (url === null) throw invalid("An uploaded image is gone from storage. Upload it again.");
    rewrites.set(image.url, url);
    images.push({ ...image, url });
  }
  const variants = input.variants.map((variant) =>
    variant.imageUrl !== undefined && rewrites.has(variant.imageUrl)
      ? { ...variant, imageUrl: rewrites.get(variant.imageUrl) }
      : variant,
  );
  return { ...input, images, variants };
}

function editorFields(input: EditorInput) {
  return {
    ...input,
    ...derived(input),
    compareAtCents: listingCompareAt(input.variants),
  };
}

/**
 * "Add product": checked like a save, placed at the end of the grid. Imports (Discover) pass
 * their supplier as `importSource`.
 */
export async function createProduct(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  raw: EditorInput,
  now: number,
  importSource: ImportSource = "manual",
): Promise<Id<"products">> {
  const input = await resolveImages(ctx, checkProductInput(raw, now));
  await assertSlugFree(ctx, storeId, input.slug, null);
  const last = await ctx.db
    .query("products")
    .withIndex("by_store_position", (q) => q.eq("storeId", storeId))
    .order("desc")
    .first();
  const productId = await ctx.db.insert("products", {
    ...editorFields(input),
    storeId,
    position: (last?.position ?? 0) + FEATURED_STEP,
    importSource,
    updatedAt: now,
  });
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "product.create",
    targetTable: "products",
    targetId: productId,
    changes: [{ field: "title", from: null, to: input.title }],
    at: now,
  });
  return productId;
}

/** The fields an editor save can change, audited one by one (structured ones as "changed"). */
const EDITED_FIELDS = [
  "title",
  "slug",
  "description",
  "status",
  "category",
  "tags",
  "images",
  "variants",
  "supplierUrl",
  "supplierCostCents",
  "seo",
  "saleEndsAt",
] as const;

/**
 * The editor's save. `baseUpdatedAt` is the version the editor loaded: if the product changed
 * since (another member's save, a quick edit, a sale), nothing is written and CONFLICT says so,
 * so no one's work is overwritten silently.
 */
export async function saveProduct(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  productId: Id<"products">,
  baseUpdatedAt: number,
  raw: EditorInput,
  now: number,
  baseStock: StockCount[] = [],
): Promise<Doc<"products">> {
  const current = await getInStoreX(ctx, storeId, productId, "Product");
  if (current.updatedAt !== baseUpdatedAt) {
    throw conflict(
      `"${current.title}" was changed by someone else since you opened it. Nothing was saved: review their changes, then reload or re-apply yours.`,
    );
  }
  const checked = await resolveImages(ctx, checkProductInput(raw, now));
  const input = { ...checked, variants: mergeStock(current, checked.variants, baseStock) };
  if (input.slug !== current.slug) await assertSlugFree(ctx, storeId, input.slug, productId);
  const changes: AuditChange[] = [];
  for (const field of EDITED_FIELDS) {
    const from = current[field];
    const to = input[field];
    if (JSON.stringify(from) === JSON.stringify(to)) continue;
    const scalar = (x: unknown) =>
      x === undefined ? null : typeof x === "object" ? "(changed)" : (x as string | number);
    changes.push({ field, from: scalar(from), to: scalar(to) });
  }
  if (changes.length === 0) return current;
  const fields = editorFields(input);
  // Optional fields the editor cleared are removed (patching with undefined deletes them).
  const patch = {
    ...fields,
    supplierUrl: fields.supplierUrl,
    supplierCostCents: fields.supplierCostCents,
    seo: fields.seo,
    saleEndsAt: fields.saleEndsAt,
  };
  return await writeUpdate(ctx, storeId, actor, current, patch, changes, now);
}

export type StockCount = { sku: string; stock: number };

/**
 * Stock the editor did not touch keeps the units sold (or restocked) since it was opened;
 * stock it did change is taken as typed, unless it moved meanwhile too: then two people (or a
 * sale and a person) changed one number, and CONFLICT says which, with nothing written.
 */
export function mergeStock<V extends { sku: string; title: string; stock: number }>(
  current: Pick<Doc<"products">, "variants">,
  variants: V[],
  baseStock: StockCount[],
): V[] {
  const base = new Map(baseStock.map((entry) => [entry.sku, entry.stock]));
  const now = new Map(current.variants.map((variant) => [variant.sku, variant.stock]));
  return variants.map((variant) => {
    const loaded = base.get(variant.sku);
    const live = now.get(variant.sku);
    if (loaded === undefined || live === undefined || live === loaded) return variant;
    if (variant.stock === loaded) return { ...variant, stock: live };
    throw conflict(
      `Stock of ${variant.title} changed from ${loaded} to ${live} while you edited (a sale or another member). Nothing was saved: check the new number, then save again.`,
    );
  });
}

// ── Bulk actions ────────────────────────────────────────────────────────────

/** Applies a bulk plan's accepted rows in this one transaction; refused rows are untouched. */
export async function applyBulkPlan(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  plan: { row: BulkRow; product?: Doc<"products">; change?: BulkChange }[],
  now: number,
): Promise<void> {
  for (const { row, product, change } of plan) {
    if (!row.ok || product === undefined || change === undefined) continue;
    const at = { storeId, actor, targetTable: "products", targetId: product._id, at: now };
    if (change.kind === "delete") {
      await ctx.db.delete(product._id);
      for (const image of product.images) {
        if (image.storageId !== undefined) await ctx.storage.delete(image.storageId);
      }
      await recordAudit(ctx, {
        ...at,
        action: "product.delete",
        changes: [{ field: "title", from: product.title, to: null }],
      });
    } else if (change.kind === "status") {
      await ctx.db.patch(product._id, { status: change.status, updatedAt: now });
      await recordAudit(ctx, {
        ...at,
        action: "product.update",
        changes: [{ field: "status", from: product.status, to: change.status }],
      });
    } else {
      const priceCents = fromPriceCents(change.variants);
      await ctx.db.patch(product._id, {
        variants: change.variants,
        priceCents,
        compareAtCents: listingCompareAt(change.variants),
        marginBps: marginBps(priceCents, product.supplierCostCents),
        updatedAt: now,
      });
      await recordAudit(ctx, {
        ...at,
        action: "product.update",
        changes: [{ field: "priceCents", from: product.priceCents, to: priceCents }],
      });
    }
  }
}

// ── The featured shelf ──────────────────────────────────────────────────────

/** The featured shelf in order (bounded: MAX_FEATURED). */
export async function featuredShelf(
  ctx: { db: MutationCtx["db"] | QueryCtx["db"] },
  storeId: Id<"stores">,
): Promise<Doc<"products">[]> {
  return await ctx.db
    .query("products")
    .withIndex("by_store_featured", (q) =>
      q.eq("storeId", storeId).gt("featuredPosition", Number.NEGATIVE_INFINITY),
    )
    .take(MAX_FEATURED);
}

/** Puts a product on the featured shelf (at the end) or takes it off. */
export async function setFeatured(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  productId: Id<"products">,
  featured: boolean,
): Promise<void> {
  const product = await getInStoreX(ctx, storeId, productId, "Product");
  if (!featured) {
    if (product.featuredPosition !== undefined) {
      await ctx.db.patch(productId, { featuredPosition: undefined });
    }
    return;
  }
  if (product.featuredPosition !== undefined) return;
  const shelf = await featuredShelf(ctx, storeId);
  if (shelf.length >= MAX_FEATURED) {
    throw invalid(`The featured shelf holds ${MAX_FEATURED} products. Take one off first.`);
  }
  await ctx.db.patch(productId, {
    featuredPosition: keyBetween(shelf.at(-1)?.featuredPosition, undefined)!,
  });
}

/**
 * Moves a featured product to just after `afterId` (null: to the front). One row is patched,
 * unless the neighbours' keys are too close to split; then the shelf is renumbered.
 */
export async function moveFeatured(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  productId: Id<"products">,
  afterId: Id<"products"> | null,
): Promise<void> {
  const shelf = await featuredShelf(ctx, storeId);
  const moving = shelf.find((p) => p._id === productId);
  if (moving === undefined) throw invalid("Only a featured product can be moved on the shelf.");
  const others = shelf.filter((p) => p._id !== productId);
  const index = afterId === null ? 0 : others.findIndex((p) => p._id === afterId) + 1;
  if (afterId !== null && index === 0) {
    throw invalid("The product to place it after is no longer on the featured shelf.");
  }
  const key = keyBetween(others[index - 1]?.featuredPosition, others[index]?.featuredPosition);
  if (key !== null) {
    await ctx.db.patch(productId, { featuredPosition: key });
    return;
  }
  const order = [...others.slice(0, index), moving, ...others.slice(index)];
  for (const [i, product] of order.entries()) {
    await ctx.db.patch(product._id, { featuredPosition: (i + 1) * FEATURED_STEP });
  }
}

// ── AI drafts (convex/model/ai/drafts.ts) ─────────────────────────────────────────────────────

/** The product fields an AI draft may propose, with the editor's limits. */
const AI_FIELDS = { title: 200, description: 20_000 } as const;
type AiField = keyof typeof AI_FIELDS;

function isAiField(field: string): field is AiField {
  return Object.hasOwn(AI_FIELDS, field);
}

/**
 * Writes an AI draft's fields (accepting it, or undoing that): a strictly newer version, and an
 * audit row ("ai.accept" / "ai.undo") marked as AI. Returns the fields as they were (for undo) and the new version.
 */
export async function applyAiFields(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  productId: Id<"products">,
  fields: { field: string; value: string }[],
  ai: AuditAi & { action: "ai.accept" | "ai.undo" },
  now: number,
): Promise<{ before: { field: string; value: string }[]; version: number }> {
  const current = await getInStoreX(ctx, storeId, productId, "Product");
  const patch: Partial<Record<AiField, string>> = {};
  const before: { field: string; value: string }[] = [];
  const changes: AuditChange[] = [];
  for (const { field, value } of fields) {
    if (!isAiField(field)) throw invalid(`An AI draft cannot change a product's "${field}".`);
    const text = value.trim();
    if (field === "title" && text === "") throw invalid("The title cannot be empty.");
    if (text.length > AI_FIELDS[field]) {
      throw invalid(
        `The ${field} is longer than ${AI_FIELDS[field].toLocaleString("en-US")} characters.`,
      );
    }
    before.push({ field, value: current[field] });
    if (current[field] === text) continue;
    patch[field] = text;
    changes.push({ field, from: current[field], to: text });
  }
  const version = Math.max(now, current.updatedAt + 1);
  await ctx.db.patch(productId, { ...patch, updatedAt: version });
  await recordAudit(ctx, {
    storeId,
    actor,
    action: ai.action,
    targetTable: "products",
    targetId: productId,
    changes,
    at: now,
    ai: {
      draftId: ai.draftId,
      provider: ai.provider,
      promptVersion: ai.promptVersion,
      costMicroUsd: ai.costMicroUsd,
    },
  });
  return { before, version };
}

// SELL: the team's view of the catalogue and quick edits from the product grid.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import type { QueryCtx } from "./_generated/server";
import { storeAction, storeMutation, storeQuery } from "./functions";
import { can, getInStore } from "./model/access";
import { userActor } from "./model/audit";
import { quickEditPatch, withoutCosts } from "./model/catalog";
import { bulkAction, bulkRow, moneyIn, planBulk } from "./model/catalogBulk";
import { imageProblem } from "./model/productImages";
import { productInput } from "./model/productRules";
import {
  applyBulkPlan,
  createProduct,
  featuredShelf,
  moveFeatured,
  quickEditProduct,
  saveProduct,
  setFeatured,
} from "./model/products";
import { productStatus } from "./model/validators";
import schema from "./schema";

const product = schema.doc("products");

/** Products in grid order (position), optionally one status only. */
export const list = storeQuery({
  args: { status: v.optional(productStatus), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(product),
  handler: async (ctx, { storeId, status, paginationOpts }) => {
    const query =
      status === undefined
        ? ctx.db.query("products").withIndex("by_store_position", (q) => q.eq("storeId", storeId))
        : ctx.db
            .query("products")
            .withIndex("by_store_status_position", (q) =>
              q.eq("storeId", storeId).eq("status", status),
            );
    const result = await query.paginate(paginationOpts);
    return can(ctx, "costs.view") ? result : { ...result, page: result.page.map(withoutCosts) };
  },
});

/** Title search, best matches first. */
export const search = storeQuery({
  args: { text: v.string(), status: v.optional(productStatus) },
  returns: v.array(product),
  handler: async (ctx, { storeId, text, status }) => {
    const found = await ctx.db
      .query("products")
      .withSearchIndex("search_title", (q) => {
        const scoped = q.search("title", text).eq("storeId", storeId);
        return status === undefined ? scoped : scoped.eq("status", status);
      })
      .take(20);
    return can(ctx, "costs.view") ? found : found.map(withoutCosts);
  },
});

/** One product of this store, or null. */
export const get = storeQuery({
  args: { productId: v.id("products") },
  returns: v.union(product, v.null()),
  handler: async (ctx, { storeId, productId }) => {
    const found = await getInStore(ctx, storeId, productId);
    return found === null || can(ctx, "costs.view") ? found : withoutCosts(found);
  },
});

/** Quick edit from the grid: title, price, stock, status. Admins only; audited. */
export const update = storeMutation({
  permission: "catalog.edit",
  args: { productId: v.id("products"), patch: quickEditPatch },
  returns: product,
  handler: async (ctx, { storeId, productId, patch }) =>
    await quickEditProduct(ctx, storeId, userActor(ctx.user._id), productId, patch, Date.now()),
});

/** "Add product" from the editor; returns the new product's id. */
export const create = storeMutation({
  permission: "catalog.edit",
  args: { product: productInput },
  returns: v.id("products"),
  handler: async (ctx, { storeId, product }) =>
    await createProduct(ctx, storeId, userActor(ctx.user._id), product, Date.now()),
});

/**
 * The editor's save. `baseUpdatedAt` is the `updatedAt` the editor loaded; CONFLICT (nothing
 * written) when the team changed the product since. Sales meanwhile are merged (baseStock).
 */
export const save = storeMutation({
  permission: "catalog.edit",
  args: {
    productId: v.id("products"),
    baseUpdatedAt: v.number(),
    // Each variant's stock as the editor loaded it, so units sold meanwhile are kept.
    baseStock: v.optional(v.array(v.object({ sku: v.string(), stock: v.number() }))),
    product: productInput,
  },
  returns: product,
  handler: async (ctx, { storeId, productId, baseUpdatedAt, baseStock, product: input }) =>
    await saveProduct(
      ctx,
      storeId,
      userActor(ctx.user._id),
      productId,
      baseUpdatedAt,
      input,
      Date.now(),
      baseStock,
    ),
});

async function ticked(ctx: QueryCtx, storeId: Id<"stores">, productIds: Id<"products">[]) {
  const found = new Map<Id<"products">, Doc<"products">>();
  for (const id of productIds.slice(0, 101)) {
    const doc = await getInStore(ctx, storeId, id);
    if (doc !== null) found.set(id, doc);
  }
  return found;
}

/** What a bulk action would do to each ticked product (old → new), or why it would not. */
export const bulkPreview = storeQuery({
  permission: "catalog.edit",
  args: { productIds: v.array(v.id("products")), action: bulkAction },
  returns: v.array(bulkRow),
  handler: async (ctx, { storeId, productIds, action }) => {
    const found = await ticked(ctx, storeId, productIds);
    return planBulk(productIds, found, action, moneyIn(ctx.store.currency)).map((p) => p.row);
  },
});

/** Applies a bulk action: the preview's plan, recomputed in this transaction. */
export const bulkApply = storeMutation({
  permission: "catalog.edit",
  args: { productIds: v.array(v.id("products")), action: bulkAction },
  returns: v.array(bulkRow),
  handler: async (ctx, { storeId, productIds, action }) => {
    const found = await ticked(ctx, storeId, productIds);
    const plan = planBulk(productIds, found, action, moneyIn(ctx.store.currency));
    await applyBulkPlan(ctx, storeId, userActor(ctx.user._id), plan, Date.now());
    return plan.map((p) => p.row);
  },
});

/** The storefront's featured shelf in the team's order (drafts included: the team sees all). */
export const featured = storeQuery({
  args: {},
  returns: v.array(product),
  handler: async (ctx, { storeId }) => {
    const shelf = await featuredShelf(ctx, storeId);
    return can(ctx, "costs.view") ? shelf : shelf.map(withoutCosts);
  },
});

export const setFeaturedProduct = storeMutation({
  permission: "catalog.edit",
  args: { productId: v.id("products"), featured: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { storeId, productId, featured }) => {
    await setFeatured(ctx, storeId, productId, featured);
    return null;
  },
});

/** Drag and drop on the shelf: place `productId` right after `afterId` (null: first). */
export const moveFeaturedProduct = storeMutation({
  permission: "catalog.edit",
  args: { productId: v.id("products"), afterId: v.union(v.id("products"), v.null()) },
  returns: v.null(),
  handler: async (ctx, { storeId, productId, afterId }) => {
    await moveFeatured(ctx, storeId, productId, afterId);
    return null;
  },
});

/** Step one of an image upload: a short-lived URL the browser POSTs the file to. */
export const generateUploadUrl = storeMutation({
  permission: "catalog.edit",
  args: {},
  returns: v.string(),
  handler: async (ctx) => await ctx.storage.generateUploadUrl(),
});

/**
 * Step two: checks the stored file is an image of a sane size, from its bytes. A refused file
 * is deleted and the answer says why; an accepted one comes back with its URL for the editor.
 */
export const checkImageUpload = storeAction({
  permission: "catalog.edit",
  args: { storageId: v.id("_storage") },
  returns: v.union(
    v.object({ ok: v.literal(true), url: v.string(), storageId: v.id("_storage") }),
    v.object({ ok: v.literal(false), message: v.string() }),
  ),
  handler: async (ctx, { storageId }) => {
    const blob = await ctx.storage.get(storageId);
    if (blob === null)
      return { ok: false as const, message: "The upload did not arrive. Try again." };
    const head = new Uint8Array(await blob.slice(0, 16).arrayBuffer());
    const problem = imageProblem(head, blob.size, blob.type);
    if (problem !== null) {
      await ctx.storage.delete(storageId);
      return { ok: false as const, message: problem };
    }
    const url = await ctx.storage.getUrl(storageId);
    if (url === null)
      return { ok: false as const, message: "The upload did not arrive. Try again." };
    return { ok: true as const, url, storageId };
  },
});

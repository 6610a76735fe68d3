// The shopper-facing read API. No sign-in, so every function here returns only what a
// shopper may see: active products, published FAQs, the store's public face.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { publicQuery } from "./functions";
import { isVisibleOnStorefront, publicProduct, toPublicProduct } from "./model/catalog";
import { getStoreBySlug, publicStore, toPublicStore } from "./model/storefront";

// The storefront lists categories from the active catalogue; stores of this size fit.
const MAX_CATALOGUE = 2_000;

export const store = publicQuery({
  args: { slug: v.string() },
  returns: v.union(publicStore, v.null()),
  handler: async (ctx, { slug }) => {
    const found = await getStoreBySlug(ctx, slug);
    return found === null ? null : toPublicStore(found);
  },
});

/** Active products in merchandised order; an unknown store has no products. */
export const products = publicQuery({
  args: {
    slug: v.string(),
    category: v.optional(v.string()),
    paginationOpts: paginationOptsValidator,
  },
  returns: paginationResultValidator(publicProduct),
  handler: async (ctx, { slug, category, paginationOpts }) => {
    const found = await getStoreBySlug(ctx, slug);
    if (found === null) return { page: [], isDone: true, continueCursor: "" };
    const storeId = found._id;
    const query =
      category === undefined
        ? ctx.db
            .query("products")
            .withIndex("by_store_status_position", (q) =>
              q.eq("storeId", storeId).eq("status", "active"),
            )
        : ctx.db
            .query("products")
            .withIndex("by_store_status_category_position", (q) =>
              q.eq("storeId", storeId).eq("status", "active").eq("category", category),
            );
    const result = await query.paginate(paginationOpts);
    return { ...result, page: result.page.map(toPublicProduct) };
  },
});

/** One product page; null unless the product exists and is active. */
export const product = publicQuery({
  args: { slug: v.string(), productSlug: v.string() },
  returns: v.union(publicProduct, v.null()),
  handler: async (ctx, { slug, productSlug }) => {
    const found = await getStoreBySlug(ctx, slug);
    if (found === null) return null;
    const row = await ctx.db
      .query("products")
      .withIndex("by_store_slug", (q) => q.eq("storeId", found._id).eq("slug", productSlug))
      .first();
    return row !== null && isVisibleOnStorefront(row.status) ? toPublicProduct(row) : null;
  },
});

/** Categories that have at least one active product, in catalogue order. */
export const categories = publicQuery({
  args: { slug: v.string() },
  returns: v.array(v.string()),
  handler: async (ctx, { slug }) => {
    const found = await getStoreBySlug(ctx, slug);
    if (found === null) return [];
    const active = await ctx.db
      .query("products")
      .withIndex("by_store_status_position", (q) =>
        q.eq("storeId", found._id).eq("status", "active"),
      )
      .take(MAX_CATALOGUE);
    return [...new Set(active.map((p) => p.category))];
  },
});

/** Published help-centre questions, in the order the team arranged them. */

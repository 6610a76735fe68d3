// The shopper-facing read API. No sign-in, so every function here returns only what a
// shopper may see: active products, published FAQs, the store's public face.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { publicMutation, publicQuery } from "./functions";
import { isVisibleOnStorefront, publicProduct } from "./model/catalog";
import { assertVisitorId } from "./model/checkout";
import { notFound } from "./model/errors";
import {
  FEATURED_MAX,
  featuredProducts,
  getStoreBySlug,
  pricedForVisitor,
  publicStore,
  toPublicStore,
  trackVisit,
} from "./model/storefront";

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
    // Products in a running price test show this visitor's arm's price.
    visitorId: v.optional(v.string()),
  },
  returns: paginationResultValidator(publicProduct),
  handler: async (ctx, { slug, category, paginationOpts, visitorId }) => {
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
    const page = [];
    for (const row of result.page) page.push(await pricedForVisitor(ctx, row, visitorId));
    return { ...result, page };
  },
});

/** One product page; null unless the product exists and is active. */
export const product = publicQuery({
  args: { slug: v.string(), productSlug: v.string(), visitorId: v.optional(v.string()) },
  returns: v.union(publicProduct, v.null()),
  handler: async (ctx, { slug, productSlug, visitorId }) => {
    const found = await getStoreBySlug(ctx, slug);
    if (found === null) return null;
    const row = await ctx.db
      .query("products")
      .withIndex("by_store_slug", (q) => q.eq("storeId", found._id).eq("slug", productSlug))
      .first();
    return row !== null && isVisibleOnStorefront(row.status)
      ? await pricedForVisitor(ctx, row, visitorId)
      : null;
  },
});

/** The featured shelf: active products the team placed on it, in their drag order. */
export const featured = publicQuery({
  args: { slug: v.string(), visitorId: v.optional(v.string()) },
  returns: v.array(publicProduct),
  handler: async (ctx, { slug, visitorId }) => {
    const found = await getStoreBySlug(ctx, slug);
    if (found === null) return [];
    const rows = await featuredProducts(ctx, found._id, FEATURED_MAX);
    const shelf = [];
    for (const row of rows) shelf.push(await pricedForVisitor(ctx, row, visitorId));
    return shelf;
  },
});

/**
 * A shopper viewed a product or added it to the cart: counts the visitor's price-test arm
 * (once per visitor, product and day) and the store's daily funnel.
 */
export const track = publicMutation({
  args: {
    slug: v.string(),
    visitorId: v.string(),
    type: v.union(v.literal("product_view"), v.literal("add_to_cart")),
    productId: v.id("products"),
  },
  returns: v.object({ counted: v.boolean() }),
  handler: async (ctx, { slug, visitorId, type, productId }) => {
    const found = await getStoreBySlug(ctx, slug);
    if (found === null) throw notFound("Store");
    assertVisitorId(visitorId);
    const product = await ctx.db.get(productId);
    if (
      product === null ||
      product.storeId !== found._id ||
      !isVisibleOnStorefront(product.status)
    ) {
      throw notFound("Product");
    }
    return { counted: await trackVisit(ctx, found._id, product._id, visitorId, type, Date.now()) };
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

// What the public storefront may know about a store.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { storeFields } from "../tables/stores";
import { isVisibleOnStorefront, type PublicProduct, toPublicProduct } from "./catalog";
import { armFor, armVariantPrice, countArmVisit } from "./priceTests";

export async function getStoreBySlug(ctx: QueryCtx, slug: string): Promise<Doc<"stores"> | null> {
  const store = await ctx.db
    .query("stores")
    .withIndex("by_slug", (q) => q.eq("slug", slug))
    .unique();
  // A store being deleted is gone for shoppers at once, before its rows are.
  return store?.deletingSince === undefined ? store : null;
}

// Everything but `settings`, which holds the team's operational knobs.
export const publicStore = v.object({
  _id: v.id("stores"),
  name: storeFields.name,
  slug: storeFields.slug,
  tagline: storeFields.tagline,
  currency: storeFields.currency,
  logoUrl: storeFields.logoUrl,
  faviconUrl: storeFields.faviconUrl,
  theme: storeFields.theme,
  policies: storeFields.policies,
  social: storeFields.social,
  contact: storeFields.contact,
  freeShippingThresholdCents: v.optional(v.number()),
  flatShippingCents: v.number(),
});

export function toPublicStore(store: Doc<"stores">): typeof publicStore.type {
  return {
    _id: store._id,
    name: store.name,
    slug: store.slug,
    tagline: store.tagline,
    currency: store.currency,
    logoUrl: store.logoUrl,
    faviconUrl: store.faviconUrl,
    theme: store.theme,
    policies: store.policies,
    social: store.social,
    contact: store.contact,
    freeShippingThresholdCents: store.settings.freeShippingThresholdCents,
    flatShippingCents: store.settings.flatShippingCents,
  };
}

/**
 * A product as this visitor sees it: in a running price test, the visitor's arm's price (every
 * variant moved by the same amount, the listing price is the arm's); otherwise as stored.
 */
export async function pricedForVisitor(
  ctx: QueryCtx,
  product: Doc<"products">,
  visitorId: string | undefined,
): Promise<PublicProduct> {
  const base = toPublicProduct(product);
  const valid = visitorId !== undefined && /^[A-Za-z0-9_-]{8,64}$/.test(visitorId);
  const arm = valid ? await armFor(ctx, product.storeId, product._id, visitorId) : null;
  if (arm === null) return base;
  return {
    ...base,
    priceCents: arm.priceCents,
    variants: base.variants.map((variant) => ({
      ...variant,
      priceCents: armVariantPrice(variant, product.priceCents, arm),
    })),
  };
}

export const FEATURED_MAX = 24;

/** Active products with a featured position, in that order (archived ones are skipped). */
export async function featuredProducts(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  max: number,
): Promise<Doc<"products">[]> {
  // Rows without a position sort first in the index; starting the range above every real
  // position's floor skips them. A few featured rows may be drafts, so read a little more.
  const rows = await ctx.db
    .query("products")
    .withIndex("by_store_featured", (q) =>
      q.eq("storeId", storeId).gte("featuredPosition", -Number.MAX_VALUE),
    )
    .take(max * 4);
  return rows.filter((row) => isVisibleOnStorefront(row.status)).slice(0, max);
}

/**
 * Counts a product view or add-to-cart for the visitor's price-test arm (deduplicated per day).
 * The store's daily funnel is left to the analytics pipeline: an anonymous endpoint bumping
 * one shared row per page view would be both a hot spot and trivially inflated.
 */
export async function trackVisit(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  productId: Id<"products">,
  visitorId: string,
  type: "product_view" | "add_to_cart",
  now: number,
): Promise<boolean> {
  const arm = await armFor(ctx, storeId, productId, visitorId);
  if (arm === null) return false;
  return await countArmVisit(ctx, storeId, arm, visitorId, type, now);
}

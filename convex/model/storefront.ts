// What the public storefront may know about a store.
import { v } from "convex/values";
import type { Doc } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { storeFields } from "../tables/stores";

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

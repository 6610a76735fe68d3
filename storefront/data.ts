/**
 * The storefront's data shapes and addresses. Runs on the server (SSR) and in the browser, so
 * nothing here touches `window`: the store's base path is passed in.
 */
import type { FunctionReturnType } from "convex/server";
import { api } from "../lib/api";

export const storefrontApi = api.storefront;

export type PublicStore = NonNullable<FunctionReturnType<typeof api.storefront.store>>;
export type PublicProduct = NonNullable<FunctionReturnType<typeof api.storefront.product>>;
export type PublicVariant = PublicProduct["variants"][number];

/** Where the store lives: "" for the server's default store at /, "/s/<slug>" otherwise. */
export interface StoreRef {
  slug: string;
  base: string;
}

/** An address inside a store's storefront ("/" is its home). */
export function pathIn(store: StoreRef, page: string): string {
  if (store.base === "") return page;
  return page === "/" ? `${store.base}/` : `${store.base}${page}`;
}

export function productPath(store: StoreRef, product: Pick<PublicProduct, "slug">): string {
  return pathIn(store, `/p/${encodeURIComponent(product.slug)}`);
}

export function categoryPath(store: StoreRef, category: string): string {
  return pathIn(store, `/c/${encodeURIComponent(category)}`);
}

export const POLICY_KINDS = ["shipping", "returns", "privacy", "terms"] as const;
export type PolicyKind = (typeof POLICY_KINDS)[number];
export const POLICY_TITLES: Record<PolicyKind, string> = {
  shipping: "Shipping policy",
  returns: "Returns & refunds",
  privacy: "Privacy policy",
  terms: "Terms of service",
};

/** One line for <meta name="description">. */
export function metaDescription(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 160 ? `${one.slice(0, 157)}…` : one;
}

/** The variant a product page opens on: the first one in stock, else the first. */
export function defaultVariant(product: PublicProduct): PublicVariant | undefined {
  return product.variants.find((v) => v.stock > 0) ?? product.variants[0];
}

/** The low-stock note shows at this many units or fewer (real stock, never invented). */
export const LOW_STOCK = 5;

/** A theme colour as CSS may safely receive it (only #rgb…#rrggbbaa), else the fallback. */
export function safeColor(value: string, fallback: string): string {
  return /^#[0-9a-f]{3,8}$/i.test(value) ? value : fallback;
}

/** A variant's name worth showing next to the product's: single-option products have none. */
export function variantLabel(title: string): string {
  return /^default( title)?$/i.test(title.trim()) ? "" : title;
}

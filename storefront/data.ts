/** The storefront's reads: typed by the `returns` validators of convex/storefront.ts. */
import type { FunctionReturnType } from "convex/server";
import { api } from "../lib/api";
import { getRuntimeConfig } from "../lib/runtimeConfig";
import { splitStorePath } from "../lib/storePath";

export const storefrontApi = api.storefront;

export type PublicStore = NonNullable<FunctionReturnType<typeof api.storefront.store>>;
export type PublicProduct = NonNullable<FunctionReturnType<typeof api.storefront.product>>;
export type PublicVariant = PublicProduct["variants"][number];

/**
 * Every store's storefront lives at /s/<store slug>/; the server's default store (STORE_SLUG)
 * is also served at the root. This splits an address into the store and the page within it.
 */
export function storeAddress(pathname: string): { slug: string; base: string; page: string } {
  const { slug, base, page } = splitStorePath(pathname);
  return { slug: slug ?? getRuntimeConfig().storeSlug ?? "demo", base, page };
}

/** The store the current address shows. */
export function storeSlug(): string {
  return storeAddress(window.location.pathname).slug;
}

/** An address inside the current store's storefront ("/" is its home). */
export function storePath(page: string): string {
  const { base } = storeAddress(window.location.pathname);
  return base === "" ? page : page === "/" ? `${base}/` : `${base}${page}`;
}

export function productPath(product: Pick<PublicProduct, "slug">): string {
  return storePath(`/p/${encodeURIComponent(product.slug)}`);
}

/** One line for <meta name="description">. */
export function metaDescription(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 160 ? `${one.slice(0, 157)}…` : one;
}

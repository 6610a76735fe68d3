/** The storefront's reads: typed by the `returns` validators of convex/storefront.ts. */
import type { FunctionReturnType } from "convex/server";
import { api } from "../lib/api";
import { getRuntimeConfig } from "../lib/runtimeConfig";

export const storefrontApi = api.storefront;

export type PublicStore = NonNullable<FunctionReturnType<typeof api.storefront.store>>;
export type PublicProduct = NonNullable<FunctionReturnType<typeof api.storefront.product>>;
export type PublicVariant = PublicProduct["variants"][number];

export function storeSlug(): string {
  return getRuntimeConfig().storeSlug ?? "demo";
}

export function productPath(product: Pick<PublicProduct, "slug">): string {
  return `/p/${encodeURIComponent(product.slug)}`;
}

/** One line for <meta name="description">. */
export function metaDescription(text: string): string {
  const one = text.replace(/\s+/g, " ").trim();
  return one.length > 160 ? `${one.slice(0, 157)}…` : one;
}

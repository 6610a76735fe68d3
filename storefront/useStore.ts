import { useQuery } from "convex/react";
import { storeSlug, storefrontApi } from "./data";

/** The store's public profile: `undefined` while loading, `null` when the slug is unknown. */
export function useStore() {
  return useQuery(storefrontApi.store, { slug: storeSlug() });
}

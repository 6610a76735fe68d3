import { useQuery } from "convex/react";
import { api } from "../../lib/api";
import { useCurrentStore } from "./currentStore";

/**
 * The current store's ISO currency. `users:me` does not carry it, so read the store's public
 * profile (a tiny public query, shared by every page that formats money).
 */
export function useStoreCurrency(): string | undefined {
  const { store } = useCurrentStore();
  const profile = useQuery(api.storefront.store, { slug: store.slug });
  if (profile === undefined) return undefined;
  return profile?.currency ?? "USD";
}

import { api } from "../../../lib/api";
import { useStoreMutation, useStoreQuery } from "../../app/storeHooks";

/** The store's profile (name, tagline, zone, contact), live. */
export function useStoreProfile() {
  return useStoreQuery(api.stores.profile, {});
}

export function useUpdateStore() {
  return useStoreMutation(api.stores.update);
}

/** Deletes the store (owner only; the name typed back is checked by the server). */
export function useDeleteStore() {
  return useStoreMutation(api.stores.remove);
}

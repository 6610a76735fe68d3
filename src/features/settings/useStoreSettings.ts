import type { FunctionReturnType } from "convex/server";
import { type FormEvent, useState } from "react";
import { api } from "../../../lib/api";
import { useStoreMutation, useStoreQuery } from "../../app/storeHooks";
import { useToast } from "../../components/Toast";

export type StoreSettings = FunctionReturnType<typeof api.stores.settings>;

/** Branding, links, contact, shipping and policies, live (a teammate's save shows at once). */
export const useStoreSettings = () => useStoreQuery(api.stores.settings, {});
export const useUpdateBranding = () => useStoreMutation(api.stores.updateBranding);
export const useUpdateSocial = () => useStoreMutation(api.stores.updateSocial);
export const useUpdateContact = () => useStoreMutation(api.stores.updateContact);
export const useUpdateShipping = () => useStoreMutation(api.stores.updateShipping);
export const useUpdatePolicies = () => useStoreMutation(api.stores.updatePolicies);
export const useGenerateUploadUrl = () => useStoreMutation(api.stores.generateUploadUrl);

/**
 * One settings section's draft, save and outcome. `toInput` may throw an Error whose message
 * is shown as is (an amount that isn't one); the server's refusals show in an error panel.
 */
export function useSectionForm<D>(initial: D, save: (draft: D) => Promise<unknown>, saved: string) {
  const [draft, setDraft] = useState(initial);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const toast = useToast();
  const changed = JSON.stringify(draft) !== JSON.stringify(initial);
  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy || !changed) return;
    setBusy(true);
    setError(null);
    try {
      await save(draft);
      toast(saved);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }
  const set =
    <K extends keyof D>(key: K) =>
    (e: { target: { value: string } }) =>
      setDraft({ ...draft, [key]: e.target.value });
  return { draft, setDraft, set, busy, error, changed, submit };
}

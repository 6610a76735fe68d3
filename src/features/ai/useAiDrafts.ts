import type { FunctionReturnType } from "convex/server";
import { api } from "../../../lib/api";
import { useStoreMutation, useStoreQuery } from "../../app/storeHooks";

export type AiDraftView = FunctionReturnType<typeof api.ai.draftsFor>[number];

/** A record's drafts, live (they stream in), and what a member can do with them. */
export function useAiDrafts(table: "products", id: string) {
  const drafts = useStoreQuery(api.ai.draftsFor, { table, id });
  return {
    drafts,
    request: useStoreMutation(api.ai.draft),
    accept: useStoreMutation(api.ai.accept),
    edit: useStoreMutation(api.ai.edit),
    reject: useStoreMutation(api.ai.reject),
    undo: useStoreMutation(api.ai.undo),
  };
}

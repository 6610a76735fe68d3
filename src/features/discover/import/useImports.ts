import { api } from "../../../../lib/api";
import { useStoreMutation, useStoreQuery } from "../../../app/storeHooks";

/** The store's latest imports, live: every member sees each step land. */
export function useRecentImports() {
  return useStoreQuery(api.importer.recent, {});
}

export function useStartImport() {
  return useStoreMutation(api.importer.start);
}

export type ImportJob = NonNullable<ReturnType<typeof useRecentImports>["data"]>[number];

import type { ProductStatus } from "../../../convex/model/validators";
import { api, type Id } from "../../../lib/api";
import { useStoreMutation, useStorePaginatedQuery, useStoreQuery } from "../../app/storeHooks";

const PAGE_SIZE = 25;

/** The catalog, newest first, optionally one status; grows by a page on "load more". */
export function useProducts(status: ProductStatus | "all") {
  return useStorePaginatedQuery(api.catalog.list, status === "all" ? {} : { status }, PAGE_SIZE);
}

/** One product by id (data null when it is not in this store); skipped without an id. */
export function useProduct(productId: string | undefined) {
  return useStoreQuery(
    api.catalog.get,
    productId ? { productId: productId as Id<"products"> } : "skip",
  );
}

/** The quick edit's save (catalog:update). */
export function useUpdateProduct() {
  return useStoreMutation(api.catalog.update);
}

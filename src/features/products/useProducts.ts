import type { ProductStatus } from "../../../convex/model/validators";
import { api, type Doc, type Id } from "../../../lib/api";
import {
  type PaginatedState,
  useStoreMutation,
  useStorePaginatedQuery,
  useStoreQuery,
} from "../../app/storeHooks";

const PAGE_SIZE = 50;

/** The catalog in grid order, optionally one status; grows by a page on "load more". */
export function useProducts(status: ProductStatus | "all") {
  return useStorePaginatedQuery(api.catalog.list, status === "all" ? {} : { status }, PAGE_SIZE);
}

/**
 * The list the page shows: the status tab's pages, or — while a search is typed — the title
 * search's best 20 matches (server-side, search index), in the same shape.
 */
export function useCatalogList(
  status: ProductStatus | "all",
  search: string,
): PaginatedState<Doc<"products">> {
  const paged = useProducts(status);
  const text = search.trim();
  const found = useStoreQuery(
    api.catalog.search,
    text ? { text, ...(status === "all" ? {} : { status }) } : "skip",
  );
  if (!text) return paged;
  const noMore = () => {};
  if (found.status === "error") {
    return { status: "Error", results: [], error: found.error, loadMore: noMore };
  }
  if (found.status === "pending") {
    return { status: "LoadingFirstPage", results: [], error: undefined, loadMore: noMore };
  }
  return { status: "Exhausted", results: found.data, error: undefined, loadMore: noMore };
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

export function useFeatured() {
  return useStoreQuery(api.catalog.featured, {});
}

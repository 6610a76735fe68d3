import { type OptionalRestArgsOrSkip, useAction, useMutation, useQueries } from "convex/react";
import type {
  FunctionArgs,
  FunctionReference,
  FunctionReturnType,
  OptionalRestArgs,
  PaginationResult,
} from "convex/server";
import { makeUseQueryWithStatus } from "convex-helpers/react";
import { useCallback, useRef, useState } from "react";
import type { Id } from "../../lib/api";
import { useCurrentStore } from "./currentStore";

/**
 * Store-scoped data hooks: every dashboard function takes `storeId` (the server's door checks
 * the caller's membership of it), so these fill it in from the current store. Query failures
 * come back as values (`{status: "error", error}`), not thrown into the nearest boundary, so a
 * page decides where its error panel goes and the rest of it keeps working.
 */
type StoreArgs = { storeId: Id<"stores"> };
type StoreQuery = FunctionReference<"query", "public", StoreArgs>;
type StoreMutation = FunctionReference<"mutation", "public", StoreArgs>;
type StoreAction = FunctionReference<"action", "public", StoreArgs>;
/** A function's arguments without the `storeId` these hooks fill in. */
export type ArgsWithoutStore<F extends FunctionReference<any>> = Omit<FunctionArgs<F>, "storeId">;

const useQueryWithStatus = makeUseQueryWithStatus(useQueries);

export type QueryState<T> =
  | { status: "pending"; data: undefined; error: undefined }
  | { status: "success"; data: T; error: undefined }
  | { status: "error"; data: undefined; error: Error };

export function useStoreQuery<Q extends StoreQuery>(
  query: Q,
  args: ArgsWithoutStore<Q> | "skip",
): QueryState<FunctionReturnType<Q>> {
  const { store } = useCurrentStore();
  const full = args === "skip" ? "skip" : ({ ...args, storeId: store.storeId } as FunctionArgs<Q>);
  const result = useQueryWithStatus(query, ...([full] as unknown as OptionalRestArgsOrSkip<Q>));
  return { status: result.status, data: result.data, error: result.error } as QueryState<
    FunctionReturnType<Q>
  >;
}

export function useStoreMutation<M extends StoreMutation>(mutation: M) {
  const { store } = useCurrentStore();
  const mutate = useMutation(mutation);
  return useCallback(
    (args: ArgsWithoutStore<M>): Promise<FunctionReturnType<M>> =>
      mutate(...([{ ...args, storeId: store.storeId }] as unknown as OptionalRestArgs<M>)),
    [mutate, store.storeId],
  );
}

export function useStoreAction<A extends StoreAction>(action: A) {
  const { store } = useCurrentStore();
  const run = useAction(action);
  return useCallback(
    (args: ArgsWithoutStore<A>): Promise<FunctionReturnType<A>> =>
      run(...([{ ...args, storeId: store.storeId }] as unknown as OptionalRestArgs<A>)),
    [run, store.storeId],
  );
}

type PaginatedStoreQuery = FunctionReference<
  "query",
  "public",
  StoreArgs & { paginationOpts: { numItems: number; cursor: string | null } },
  PaginationResult<any>
>;
type Item<Q extends PaginatedStoreQuery> = FunctionReturnType<Q>["page"][number];

export type ListStatus = "LoadingFirstPage" | "CanLoadMore" | "LoadingMore" | "Exhausted" | "Error";

export interface PaginatedState<T> {
  status: ListStatus;
  results: T[];
  error: Error | undefined;
  loadMore(): void;
}

/**
 * A live list that grows by `pageSize` on "load more". It is one subscription to the first
 * N rows (N grows), not a chain of cursors: simple, live for every row shown, and failures
 * are values. Fine for lists a person pages through by hand; the rows shown stay while the
 * larger page loads. New filter arguments start again at one page.
 */
export function useStorePaginatedQuery<Q extends PaginatedStoreQuery>(
  query: Q,
  args: Omit<ArgsWithoutStore<Q>, "paginationOpts">,
  pageSize: number,
): PaginatedState<Item<Q>> {
  // The store is part of the key: another store's rows must never stand in while this loads.
  const { store } = useCurrentStore();
  const argsKey = JSON.stringify([store.storeId, args]);
  const [size, setSize] = useState({ key: argsKey, numItems: pageSize });
  // Other arguments (another tab): back to one page, also when returning to an earlier tab.
  if (size.key !== argsKey) setSize({ key: argsKey, numItems: pageSize });
  const numItems = size.key === argsKey ? size.numItems : pageSize;
  const shown = useRef<{ key: string; page: Item<Q>[]; isDone: boolean } | null>(null);
  const result = useStoreQuery(query, {
    ...args,
    paginationOpts: { numItems, cursor: null },
  } as ArgsWithoutStore<Q>);

  // Keep the last complete answer for these arguments on screen while a larger page loads.
  const fresh = result.status === "success" ? (result.data as PaginationResult<Item<Q>>) : null;
  if (fresh) shown.current = { key: argsKey, page: fresh.page, isDone: fresh.isDone };
  const current = fresh ?? (shown.current?.key === argsKey ? shown.current : null);
  const loadMore = useCallback(
    () => setSize({ key: argsKey, numItems: numItems + pageSize }),
    [argsKey, numItems, pageSize],
  );

  if (result.status === "error") {
    return { status: "Error", results: current?.page ?? [], error: result.error, loadMore };
  }
  if (!current) return { status: "LoadingFirstPage", results: [], error: undefined, loadMore };
  const status: ListStatus = !fresh ? "LoadingMore" : current.isDone ? "Exhausted" : "CanLoadMore";
  return { status, results: current.page, error: undefined, loadMore };
}

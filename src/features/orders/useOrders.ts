import type { OrderStatus } from "../../../convex/model/validators";
import { api, type Id } from "../../../lib/api";
import { useStorePaginatedQuery, useStoreQuery } from "../../app/storeHooks";

const PAGE_SIZE = 25;

/** Orders, newest first, optionally one status; grows by a page on "load more". */
export function useOrders(status: OrderStatus | "all") {
  return useStorePaginatedQuery(api.orders.list, status === "all" ? {} : { status }, PAGE_SIZE);
}

/** The newest few orders, live (the Overview's list). */
export function useRecentOrders(count: number) {
  return useStoreQuery(api.orders.list, { paginationOpts: { numItems: count, cursor: null } });
}

/** One order with its lines, fulfilments and returns; data null when not in this store. */
export function useOrder(orderId: string) {
  return useStoreQuery(api.orders.get, { orderId: orderId as Id<"orders"> });
}

import type { FunctionReturnType } from "convex/server";
import type { api } from "../../../lib/api";

/** What `dashboard:overview` returns (its `returns` validator). */
export type Overview = FunctionReturnType<typeof api.dashboard.overview>;
export type OrderStatus = keyof Overview["ordersByStatus"];

/** Status colours shared by the Overview donut and the order badges (orderStatus validator). */
export const STATUS_COLOR: Record<
  OrderStatus,
  "amber" | "indigo" | "sky" | "emerald" | "rose" | "slate"
> = {
  new: "amber",
  processing: "indigo",
  shipped: "sky",
  delivered: "emerald",
  cancelled: "slate",
  refunded: "rose",
};

export const STATUS_ORDER: OrderStatus[] = [
  "new",
  "processing",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
];

export function statusColor(status: OrderStatus) {
  return STATUS_COLOR[status] ?? "slate";
}

export function statusLabel(status: string) {
  return status.charAt(0).toUpperCase() + status.slice(1);
}

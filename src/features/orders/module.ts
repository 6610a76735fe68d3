import { lazy } from "react";
import { defineModule, modulePath } from "../../app/module";

export const ordersModule = defineModule({
  id: "orders",
  label: "Orders",
  icon: "box",
  summary: "Every order, from paid to delivered.",
  keywords: ["fulfil", "fulfillment", "shipping", "returns"],
  path: "orders",
  routes: [
    { pattern: "", page: lazy(() => import("./OrdersPage")) },
    { pattern: ":id", page: lazy(() => import("./OrderPage")), title: "Order" },
  ],
});

export function orderHref(orderId: string): string {
  return modulePath(ordersModule, orderId);
}

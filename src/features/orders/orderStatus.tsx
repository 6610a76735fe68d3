import type { OrderStatus, SalesChannel } from "../../../convex/model/validators";
import { Badge } from "../../components/Badge";

/** Words and colour per order status (shared by badges, tabs and the Overview donut). */
export const ORDER_STATUS: Record<
  OrderStatus,
  { label: string; tone: "amber" | "indigo" | "sky" | "emerald" | "rose" | "slate" }
> = {
  new: { label: "New", tone: "amber" },
  processing: { label: "Processing", tone: "indigo" },
  shipped: { label: "Shipped", tone: "sky" },
  delivered: { label: "Delivered", tone: "emerald" },
  cancelled: { label: "Cancelled", tone: "slate" },
  refunded: { label: "Refunded", tone: "rose" },
};

export const CHANNEL_LABEL: Record<SalesChannel, string> = {
  storefront: "Storefront",
  shopify: "Shopify",
  woocommerce: "WooCommerce",
  tiktok_shop: "TikTok Shop",
  amazon: "Amazon",
  ebay: "eBay",
  etsy: "Etsy",
};

export function OrderStatusBadge({ status }: { status: OrderStatus }) {
  return <Badge tone={ORDER_STATUS[status].tone}>{ORDER_STATUS[status].label}</Badge>;
}

import type { Doc } from "../../../lib/api";

const CHANNEL_LABEL: Record<string, string> = {
  storefront: "Storefront",
  shopify: "Shopify",
  woocommerce: "WooCommerce",
  tiktok_shop: "TikTok Shop",
};

export function channelLabel(channel: Doc<"orders">["channel"]): string {
  return CHANNEL_LABEL[channel] ?? channel;
}

import type { IconName } from "../components/Icon";

export type ModuleId =
  | "overview"
  | "discover"
  | "products"
  | "orders"
  | "marketing"
  | "analytics"
  | "integrations"
  | "support"
  | "settings";

export interface ModuleInfo {
  id: ModuleId;
  label: string;
  icon: IconName;
  /** One line under the page title. */
  summary: string;
  /** For modules not built yet: what they will do. */
  planned?: string[];
}

export const MODULES: ModuleInfo[] = [
  { id: "overview", label: "Overview", icon: "home", summary: "How the store is doing, live." },
  {
    id: "discover",
    label: "Discover",
    icon: "compass",
    summary: "Find products worth selling before everyone else does.",
    planned: [
      "A live feed of trending products with a score and “rising fast” vs “established” labels.",
      "One-click import from a supplier link: images, variants, supplier cost and a suggested price.",
      "Research per product: competition, margin calculator, seasonality and an Import / Watch / Skip recommendation.",
    ],
  },
  {
    id: "products",
    label: "Products",
    icon: "tag",
    summary: "Your catalog and what shoppers see.",
  },
  { id: "orders", label: "Orders", icon: "box", summary: "Every order, from paid to delivered." },
  {
    id: "marketing",
    label: "Marketing",
    icon: "megaphone",
    summary: "Copy, ads and posts written with AI, in your voice.",
    planned: [
      "Product descriptions and SEO titles in several tones, with rewrite and translation.",
      "Ad copy for Facebook, Instagram, TikTok and Google Shopping, with A/B variations.",
      "Social posts with a content calendar and hashtag suggestions.",
    ],
  },
  {
    id: "analytics",
    label: "Analytics",
    icon: "chart",
    summary: "Which products, channels and customers make money.",
    planned: [
      "Best sellers and worst performers, conversion per product and the view-to-purchase funnel.",
      "A daily digest of what happened, with recommendations and trend alerts.",
      "Customer analytics: acquisition source, repeat rate, geography and devices.",
    ],
  },
  {
    id: "integrations",
    label: "Integrations",
    icon: "plug",
    summary: "Sell everywhere, manage from one place.",
    planned: [
      "Connect Shopify, WooCommerce and TikTok Shop; later Amazon, eBay and Etsy.",
      "Push products to every channel with per-channel prices; pull every order into one queue.",
      "Inventory kept in sync across channels, with low-stock alerts and auto-pause.",
    ],
  },
  {
    id: "support",
    label: "Support",
    icon: "chat",
    summary: "Answer shoppers fast, escalate when it matters.",
    planned: [
      "An AI assistant that answers shipping, returns and order-status questions.",
      "Hand-off to a person when the assistant is unsure.",
      "A help center: FAQs, policy pages and a contact form.",
    ],
  },
  {
    id: "settings",
    label: "Settings",
    icon: "cog",
    summary: "Your store, your team, your brand.",
    planned: [
      "Store name, logo, colours, social links, contact details and policies.",
      "Team members and roles, with email invites.",
      "Payments, shipping zones and tax settings.",
    ],
  },
];

export function moduleFromPath(pathname: string): ModuleInfo | null {
  const rest = pathname.replace(/^\/dashboard\/?/, "").split("/")[0];
  if (rest === "") return MODULES[0];
  return MODULES.find((m) => m.id === rest) ?? null;
}

export function modulePath(id: ModuleId): string {
  return id === "overview" ? "/dashboard" : `/dashboard/${id}`;
}

import { MODULES, type ModuleId, type ModuleInfo } from "../../app/modules";

/** Other words a person may type to reach a module ("catalog" → Products). */
const KEYWORDS: Partial<Record<ModuleId, string[]>> = {
  overview: ["home", "dashboard", "revenue", "kpi"],
  discover: ["trends", "research", "import"],
  products: ["catalog", "catalogue", "inventory", "stock"],
  orders: ["fulfil", "fulfillment", "shipping", "returns"],
  marketing: ["ads", "copy", "social"],
  analytics: ["reports", "insights", "funnel"],
  integrations: ["channels", "shopify", "woocommerce", "tiktok"],
  support: ["help", "faq", "tickets"],
  settings: ["store", "team", "preferences"],
};

/**
 * The navigation commands whose label (or a keyword) starts with what was typed; all of them
 * for an empty text. "go to orders" and "open orders" work too.
 */
export function matchCommands(text: string): ModuleInfo[] {
  const q = text
    .trim()
    .toLowerCase()
    .replace(/^(go ?to|open)\s+/, "");
  if (q === "") return MODULES;
  return MODULES.filter((m) =>
    [m.label.toLowerCase(), ...(KEYWORDS[m.id] ?? [])].some((word) => word.startsWith(q)),
  );
}

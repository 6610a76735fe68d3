import type { AuditChange, AuditValue } from "../../../convex/model/validators";

// Words for the pricing and settings entries (coupons, price tests, store settings).
const SETTING: Record<string, string> = {
  "theme.primaryColor": "primary colour",
  "theme.accentColor": "accent colour",
  logoUrl: "logo",
  faviconUrl: "favicon",
  "settings.flatShippingCents": "flat shipping rate",
  "settings.freeShippingThresholdCents": "free-shipping threshold",
  "settings.shippingCostCents": "shipping cost per unit",
  "settings.targetMarginBps": "target margin",
};

const to = (changes: AuditChange[], field: string): AuditValue =>
  changes.find((c) => c.field === field)?.to ?? null;

function settingName(field: string): string {
  if (SETTING[field]) return SETTING[field];
  const [group, key] = field.split(".");
  if (group === "policies") return `${key} policy`;
  if (group === "social") return `${key} link`;
  if (group === "contact") return `contact ${key}`;
  return field;
}

/** The sentence for a pricing or settings entry, or null for any other action. */
export function describePricing(action: string, changes: AuditChange[]): string | null {
  switch (action) {
    case "store.settings": {
      const names = [
        ...new Set(
          changes.map((c) => settingName(c.field)).filter((n) => !n.endsWith("StorageId")),
        ),
      ];
      return names.length > 0
        ? `changed the store's ${names.join(", ")}`
        : "changed store settings";
    }
    case "coupon.create":
      return `created coupon ${to(changes, "code") ?? ""}`.trim();
    case "coupon.update":
      return `edited a coupon's ${changes.map((c) => c.field.replace(/Cents$|Redemptions$/, "")).join(", ")}`;
    case "coupon.deactivate":
      return "paused a coupon";
    case "coupon.activate":
      return "resumed a coupon";
    case "priceTest.create":
      return "drafted a price test";
    case "priceTest.start":
      return "started a price test";
    case "priceTest.stop":
      return "stopped a price test";
    case "priceTest.apply":
      return "applied a price test's winning price";
    default:
      return null;
  }
}

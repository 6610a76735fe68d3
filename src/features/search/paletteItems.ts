import { type ModuleInfo, modulePath } from "../../app/modules";
import type { Doc } from "../../../lib/api";

/** One choice in the palette: a page to go to, a product or an order. */
export type PaletteItem =
  | { kind: "command"; key: string; module: ModuleInfo }
  | { kind: "product"; key: string; product: Doc<"products"> }
  | { kind: "order"; key: string; order: Doc<"orders"> };

export interface PaletteGroup {
  id: "commands" | "products" | "orders";
  label: string;
  items: PaletteItem[];
}

/**
 * Groups in the order the keyboard walks them. Pages first: they are few, answer at once and
 * do not move when the search results arrive under them.
 */
export function buildGroups(
  commands: ModuleInfo[],
  products: Doc<"products">[],
  orders: Doc<"orders">[],
): PaletteGroup[] {
  const groups: PaletteGroup[] = [
    {
      id: "commands",
      label: "Go to",
      items: commands.map((module) => ({ kind: "command", key: `page-${module.id}`, module })),
    },
    {
      id: "products",
      label: "Products",
      items: products.map((product) => ({ kind: "product", key: product._id, product })),
    },
    {
      id: "orders",
      label: "Orders",
      items: orders.map((order) => ({ kind: "order", key: order._id, order })),
    },
  ];
  return groups.filter((g) => g.items.length > 0);
}

/** The DOM id of an option, for aria-activedescendant. */
export function optionId(item: PaletteItem): string {
  return `palette-option-${item.key}`;
}

/** Where choosing an item leads: a product opens in the Products page's quick edit. */
export function itemHref(item: PaletteItem): string {
  switch (item.kind) {
    case "command":
      return modulePath(item.module.id);
    case "product":
      return `${modulePath("products")}?edit=${encodeURIComponent(item.product._id)}`;
    case "order":
      return modulePath("orders");
  }
}

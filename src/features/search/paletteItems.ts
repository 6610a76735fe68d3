import type { Doc } from "../../../lib/api";
import { type ModuleMeta, modulePath } from "../../app/module";
import { orderHref } from "../orders/module";
import { productHref } from "../products/module";

/** One choice in the palette: a page to go to, a product or an order. */
export type PaletteItem =
  | { kind: "command"; key: string; module: ModuleMeta }
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
  commands: ModuleMeta[],
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

/** Where choosing an item leads: a product opens its quick edit, an order its page. */
export function itemHref(item: PaletteItem): string {
  switch (item.kind) {
    case "command":
      return modulePath(item.module);
    case "product":
      return productHref(item.product._id);
    case "order":
      return orderHref(item.order._id);
  }
}

// Filters and sorts over the rows the list has loaded (a bounded page of the status tab, or the
// search's best matches). The server orders by position and filters by status and title; the
// rest is done here, over what is shown, and the toolbar says so.
import type { Doc } from "../../../lib/api";

/** At or below this many units a product counts as "low stock". */
export const LOW_STOCK = 5;

export type StockFilter = "all" | "in" | "low" | "out";
export type SortKey =
  | "position"
  | "title"
  | "price-asc"
  | "price-desc"
  | "stock-asc"
  | "stock-desc"
  | "updated";
export type ViewMode = "table" | "grid";

export const SORTS: { value: SortKey; label: string }[] = [
  { value: "position", label: "Grid order" },
  { value: "title", label: "Title A–Z" },
  { value: "price-asc", label: "Price, low to high" },
  { value: "price-desc", label: "Price, high to low" },
  { value: "stock-asc", label: "Stock, low to high" },
  { value: "stock-desc", label: "Stock, high to low" },
  { value: "updated", label: "Recently updated" },
];

export const STOCK_FILTERS: { value: StockFilter; label: string }[] = [
  { value: "all", label: "Any stock" },
  { value: "in", label: "In stock" },
  { value: "low", label: `Low (≤ ${LOW_STOCK})` },
  { value: "out", label: "Out of stock" },
];

export function stockLevel(stock: number): Exclude<StockFilter, "all"> {
  if (stock === 0) return "out";
  return stock <= LOW_STOCK ? "low" : "in";
}

export interface ViewOptions {
  category: string;
  stock: StockFilter;
  sort: SortKey;
}

const COMPARE: Record<SortKey, (a: Doc<"products">, b: Doc<"products">) => number> = {
  position: (a, b) => a.position - b.position,
  title: (a, b) => a.title.localeCompare(b.title),
  "price-asc": (a, b) => a.priceCents - b.priceCents,
  "price-desc": (a, b) => b.priceCents - a.priceCents,
  "stock-asc": (a, b) => a.stock - b.stock,
  "stock-desc": (a, b) => b.stock - a.stock,
  updated: (a, b) => b.updatedAt - a.updatedAt,
};

export function viewOf(rows: Doc<"products">[], options: ViewOptions): Doc<"products">[] {
  return rows
    .filter((p) => options.category === "" || p.category === options.category)
    .filter((p) => options.stock === "all" || stockLevel(p.stock) === options.stock)
    .sort(COMPARE[options.sort]);
}

export function categoriesOf(rows: Doc<"products">[]): string[] {
  return [...new Set(rows.map((p) => p.category))].sort((a, b) => a.localeCompare(b));
}

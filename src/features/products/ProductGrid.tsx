import type { Doc } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import type { RowSelection } from "../../components/DataTable";
import { Thumb } from "../../components/Thumb";
import { stockLevel } from "./catalogView";
import { productHref } from "./module";
import { ProductStatusBadge } from "./productStatus";

const STOCK_TONE = { in: "text-gray-600", low: "text-amber-700", out: "text-rose-700" } as const;

/** The catalog as cards: picture first, for a visual check of what shoppers will see. */
export function ProductGrid({
  rows,
  currency,
  selection,
}: {
  rows: Doc<"products">[];
  currency: string;
  selection: RowSelection | undefined;
}) {
  return (
    <ul
      className="grid grid-cols-2 gap-3 p-3 sm:grid-cols-3 lg:grid-cols-4 xl:grid-cols-5"
      data-testid="products-grid"
    >
      {rows.map((p) => {
        const level = stockLevel(p.stock);
        return (
          <li
            key={p._id}
            data-testid="product-card"
            data-product-id={p._id}
            className="relative flex flex-col overflow-hidden rounded-lg border border-gray-200 bg-white"
          >
            {selection && (
              <input
                type="checkbox"
                aria-label={`Select ${p.title}`}
                checked={selection.selected.has(p._id)}
                onChange={() => selection.toggle(p._id)}
                className="absolute left-2 top-2 z-10 h-4 w-4"
              />
            )}
            <a href={productHref(p._id)} className="block">
              <Thumb src={p.images[0]?.url ?? null} title={p.title} size="aspect-square w-full" />
            </a>
            <div className="flex flex-1 flex-col gap-1 p-2">
              <a
                href={productHref(p._id)}
                className="line-clamp-2 text-sm font-medium text-gray-900 hover:text-indigo-700"
                data-testid="product-title"
              >
                {p.title}
              </a>
              <div className="mt-auto flex items-center justify-between gap-1 text-xs">
                <span className="tabular-nums font-semibold text-gray-900">
                  {formatMoney(p.priceCents, currency)}
                </span>
                <span className={`tabular-nums ${STOCK_TONE[level]}`}>
                  {level === "out" ? "Sold out" : `${p.stock} in stock`}
                </span>
              </div>
              <ProductStatusBadge status={p.status} />
            </div>
          </li>
        );
      })}
    </ul>
  );
}

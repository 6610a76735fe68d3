import type { Doc } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { Link } from "../../../lib/router";
import { Button } from "../../components/Button";
import type { Column } from "../../components/DataTable";
import { Thumb } from "../../components/Thumb";
import { productHref } from "./module";
import { PRODUCT_STATUS, ProductStatusBadge } from "./productStatus";

/** The product list's columns; the Edit column only for those who may edit the catalog. */
export function productColumns({
  currency,
  canEdit,
  onQuickEdit,
}: {
  currency: string;
  canEdit: boolean;
  onQuickEdit: (productId: string) => void;
}): Column<Doc<"products">>[] {
  const columns: Column<Doc<"products">>[] = [
    { id: "product", header: "Product", cell: (p) => <ProductCell product={p} /> },
    {
      id: "status",
      header: "Status",
      width: "w-28",
      hideBelow: "sm",
      cell: (p) => <ProductStatusBadge status={p.status} />,
    },
    {
      id: "price",
      header: "Price",
      width: "w-24",
      align: "right",
      cell: (p) => (
        <span className="tabular-nums text-gray-900" data-testid="product-price">
          {formatMoney(p.priceCents, currency)}
        </span>
      ),
    },
    {
      id: "stock",
      header: "Stock",
      width: "w-20",
      align: "right",
      hideBelow: "sm",
      cell: (p) => <span className="tabular-nums text-gray-600">{p.stock}</span>,
    },
    {
      id: "category",
      header: "Category",
      width: "w-40",
      hideBelow: "md",
      cell: (p) => <span className="block truncate text-gray-600">{p.category}</span>,
    },
  ];
  if (canEdit) {
    columns.push({
      id: "edit",
      header: "Quick edit",
      quietHeader: true,
      width: "w-16",
      align: "right",
      cell: (p) => (
        <Button
          variant="ghost"
          size="sm"
          onClick={() => onQuickEdit(p._id)}
          aria-label={`Quick edit ${p.title}`}
        >
          Edit
        </Button>
      ),
    });
  }
  return columns;
}

function ProductCell({ product: p }: { product: Doc<"products"> }) {
  return (
    <div className="flex min-w-0 items-center gap-3">
      {/* On a phone the title gets the room: no thumbnail, and it wraps instead of truncating. */}
      <span className="hidden sm:block">
        <Thumb src={p.images[0]?.url ?? null} title={p.title} />
      </span>
      <div className="min-w-0">
        <Link
          href={productHref(p._id)}
          className="block break-words font-medium text-gray-900 hover:text-indigo-700 sm:truncate"
          data-testid="product-title"
        >
          {p.title}
        </Link>
        <p className="truncate text-xs text-gray-500">
          <span className="sm:hidden">{PRODUCT_STATUS[p.status].label} · </span>/p/{p.slug}
          {p.variants.length > 1 ? ` · ${p.variants.length} variants` : ""}
        </p>
      </div>
    </div>
  );
}

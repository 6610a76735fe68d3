import { usePaginatedQuery } from "convex/react";
import { useState } from "react";
import { useCurrentStore } from "../../app/currentStore";
import { useStoreCurrency } from "../../app/useStoreCurrency";
import { type ModuleInfo, modulePath } from "../../app/modules";
import { Badge } from "../../components/Badge";
import { ErrorBoundary } from "../../components/ErrorBoundary";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/Skeleton";
import { StatusTabs } from "../../components/StatusTabs";
import { Thumb } from "../../components/Thumb";
import { api, type Doc } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { navigate, useSearchParam } from "../../../lib/router";
import { LinkedQuickEdit } from "./LinkedQuickEdit";
import { PRODUCT_STATUS_TONE } from "./productRow";
import { QuickEdit } from "./QuickEdit";

type Filter = "all" | "active" | "draft" | "archived";
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: "all", label: "All" },
  { value: "active", label: "Active" },
  { value: "draft", label: "Draft" },
  { value: "archived", label: "Archived" },
];
const PAGE_SIZE = 25;

export function ProductsPage({ module: mod }: { module: ModuleInfo }) {
  const { store } = useCurrentStore();
  const currency = useStoreCurrency();
  const canEdit = store.role === "owner" || store.role === "admin";
  const [editing, setEditing] = useState<Doc<"products"> | null>(null);
  const [filter, setFilter] = useState<Filter>("all");
  // `?edit=<id>`: open that product's quick edit (how the command palette opens a product).
  const linkedId = useSearchParam("edit");
  const { results, status, loadMore } = usePaginatedQuery(
    api.catalog.list,
    { storeId: store.storeId, ...(filter === "all" ? {} : { status: filter }) },
    { initialNumItems: PAGE_SIZE },
  );
  const rows = results;

  return (
    <div>
      <PageHeader
        title={mod.label}
        summary={mod.summary}
        actions={
          <StatusTabs
            label="Filter by status"
            options={FILTERS}
            value={filter}
            onChange={setFilter}
          />
        }
      />
      <section className="overflow-hidden rounded-xl border border-gray-200 bg-white shadow-sm">
        {status === "LoadingFirstPage" || currency === undefined ? (
          <TableSkeleton />
        ) : rows.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-500">
            No {filter === "all" ? "" : `${filter} `}products.
          </p>
        ) : (
          <div className="relative overflow-x-auto">
            <table className="w-full text-left text-sm" data-testid="products-table">
              <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-500">
                <tr>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Product
                  </th>
                  <th scope="col" className="px-4 py-3 font-medium">
                    Status
                  </th>
                  <th scope="col" className="px-4 py-3 text-right font-medium">
                    Price
                  </th>
                  <th scope="col" className="hidden px-4 py-3 text-right font-medium sm:table-cell">
                    Stock
                  </th>
                  <th scope="col" className="hidden px-4 py-3 font-medium md:table-cell">
                    Category
                  </th>
                  {canEdit && (
                    <th scope="col" className="px-4 py-3">
                      <span className="sr-only">Edit</span>
                    </th>
                  )}
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {rows.map((p) => (
                  <tr
                    key={p._id}
                    className="hover:bg-gray-50"
                    data-testid="product-row"
                    data-product-id={p._id}
                  >
                    <td className="px-4 py-3">
                      <div className="flex items-center gap-3">
                        <Thumb src={p.images[0]?.url ?? null} title={p.title} />
                        <div className="min-w-0">
                          <p
                            className="truncate font-medium text-gray-900"
                            data-testid="product-title"
                          >
                            {p.title}
                          </p>
                          <p className="truncate text-xs text-gray-500">
                            /p/{p.slug}
                            {p.variants.length > 1 ? ` · ${p.variants.length} variants` : ""}
                          </p>
                        </div>
                      </div>
                    </td>
                    <td className="px-4 py-3">
                      <Badge tone={PRODUCT_STATUS_TONE[p.status]}>{p.status}</Badge>
                    </td>
                    <td
                      className="px-4 py-3 text-right tabular-nums text-gray-900"
                      data-testid="product-price"
                    >
                      {formatMoney(p.priceCents, currency)}
                    </td>
                    <td className="hidden px-4 py-3 text-right tabular-nums text-gray-600 sm:table-cell">
                      {p.stock}
                    </td>
                    <td className="hidden px-4 py-3 text-gray-600 md:table-cell">{p.category}</td>
                    {canEdit && (
                      <td className="px-4 py-3 text-right">
                        <button
                          type="button"
                          onClick={() => setEditing(p)}
                          className="rounded-md px-2 py-1 text-sm font-medium text-indigo-600 hover:bg-indigo-50"
                          aria-label={`Quick edit ${p.title}`}
                        >
                          Edit
                        </button>
                      </td>
                    )}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {status !== "LoadingFirstPage" && rows.length > 0 && (
          <LoadMore
            status={status}
            onLoadMore={() => loadMore(PAGE_SIZE)}
            count={rows.length}
            noun="products"
          />
        )}
      </section>
      {editing && currency && (
        <QuickEdit
          key={editing._id}
          product={rows.find((r) => r._id === editing._id) ?? editing}
          currency={currency}
          onClose={() => setEditing(null)}
        />
      )}
      {linkedId && !editing && canEdit && currency && (
        <ErrorBoundary resetKey={linkedId}>
          <LinkedQuickEdit
            productId={linkedId}
            currency={currency}
            onClose={() => navigate(modulePath("products"), { replace: true })}
          />
        </ErrorBoundary>
      )}
    </div>
  );
}

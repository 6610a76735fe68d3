import { usePaginatedQuery } from "convex/react";
import { useState } from "react";
import { useCurrentStore } from "../../app/currentStore";
import type { ModuleInfo } from "../../app/modules";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/Skeleton";
import { StatusTabs } from "../../components/StatusTabs";
import { api } from "../../../lib/api";
import { OrderListItem } from "./OrderListItem";

// The order statuses of convex/model/validators.ts (`orderStatus`).
type Filter = "all" | "new" | "processing" | "shipped" | "delivered" | "cancelled" | "refunded";
const FILTERS: Array<{ value: Filter; label: string }> = [
  { value: "all", label: "All" },
  { value: "new", label: "New" },
  { value: "processing", label: "Processing" },
  { value: "shipped", label: "Shipped" },
  { value: "delivered", label: "Delivered" },
  { value: "cancelled", label: "Cancelled" },
  { value: "refunded", label: "Refunded" },
];
const PAGE_SIZE = 25;

export function OrdersPage({ module: mod }: { module: ModuleInfo }) {
  const { store } = useCurrentStore();
  const [filter, setFilter] = useState<Filter>("all");
  const { results, status, loadMore } = usePaginatedQuery(
    api.orders.list,
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
        {status === "LoadingFirstPage" ? (
          <TableSkeleton />
        ) : rows.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-500">
            No {filter === "all" ? "" : `${filter} `}orders.
          </p>
        ) : (
          <ul className="divide-y divide-gray-100" data-testid="orders-list">
            {rows.map((o) => (
              <OrderListItem key={o._id} order={o} />
            ))}
          </ul>
        )}
        {status !== "LoadingFirstPage" && rows.length > 0 && (
          <LoadMore
            status={status}
            onLoadMore={() => loadMore(PAGE_SIZE)}
            count={rows.length}
            noun="orders"
          />
        )}
      </section>
    </div>
  );
}

import { useDroppable } from "@dnd-kit/core";
import type { OrderStatus } from "../../../../convex/model/validators";
import { api } from "../../../../lib/api";
import { useStorePaginatedQuery } from "../../../app/storeHooks";
import { ORDER_STATUS } from "../orderStatus";
import { OrderCard } from "./OrderCard";

const PAGE_SIZE = 20;

const TONE: Record<string, string> = {
  amber: "bg-amber-400",
  indigo: "bg-indigo-500",
  sky: "bg-sky-500",
  emerald: "bg-emerald-500",
  rose: "bg-rose-500",
  slate: "bg-slate-400",
};

/**
 * One status column: its own live page of the newest orders (the by_store_status_placed index),
 * growing by a page on "Show more", and the count from the store's counters. Folded columns
 * still take drops, so an order can be cancelled without unfolding.
 */
export function BoardColumn({
  status,
  count,
  folded,
  onToggle,
  className,
}: {
  /** Width and flex rules: the board decides how columns share the row. */
  className: string;
  status: OrderStatus;
  count: number | undefined;
  folded: boolean;
  onToggle?: () => void;
}) {
  const { setNodeRef, isOver } = useDroppable({ id: status });
  const meta = ORDER_STATUS[status];
  return (
    <section
      ref={setNodeRef}
      aria-label={`${meta.label} orders`}
      data-testid={`board-column-${status}`}
      className={`flex snap-start flex-col rounded-xl border transition-colors ${className} ${isOver ? "border-indigo-300 bg-indigo-50" : "border-gray-200 bg-gray-50"}`}
    >
      <header className="flex items-center gap-2 px-3 py-2">
        <span className={`h-2 w-2 rounded-full ${TONE[meta.tone]}`} aria-hidden />
        <h2 className="truncate text-sm font-semibold text-gray-900">{meta.label}</h2>
        <span
          className="rounded-full bg-white px-2 text-xs tabular-nums text-gray-600 ring-1 ring-gray-200"
          data-testid="column-count"
        >
          {count ?? "…"}
        </span>
        {onToggle && (
          <button
            type="button"
            onClick={onToggle}
            className="ml-auto rounded px-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50"
            aria-expanded={!folded}
          >
            {folded ? "Show" : "Hide"}
          </button>
        )}
      </header>
      {!folded && <ColumnCards status={status} />}
    </section>
  );
}

/** The column's cards: subscribed only while the column is open. */
function ColumnCards({ status }: { status: OrderStatus }) {
  const list = useStorePaginatedQuery(api.orders.list, { status }, PAGE_SIZE);
  return (
    <div className="flex min-h-24 flex-col gap-2 px-2 pb-2">
      {list.status === "LoadingFirstPage" && (
        <p className="px-1 py-4 text-center text-xs text-gray-400">Loading…</p>
      )}
      {list.status === "Error" && (
        <p className="px-1 py-4 text-center text-xs text-rose-700">
          This column could not load. Reload the page.
        </p>
      )}
      <ul className="flex flex-col gap-2">
        {list.results.map((order) => (
          <OrderCard key={order._id} order={order} />
        ))}
      </ul>
      {list.results.length === 0 && list.status === "Exhausted" && (
        <p className="px-1 py-4 text-center text-xs text-gray-400">No orders</p>
      )}
      {list.status === "CanLoadMore" && (
        <button
          type="button"
          onClick={list.loadMore}
          className="rounded-md py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50"
        >
          Show more
        </button>
      )}
    </div>
  );
}

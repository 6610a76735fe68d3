import { useState } from "react";
import { api, type Id } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { useStoreMutation } from "../../app/storeHooks";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Thumb } from "../../components/Thumb";
import { ProductStatusBadge } from "./productStatus";
import { SortableList } from "./SortableList";
import { useFeatured } from "./useProducts";

/**
 * The storefront's featured shelf in the team's order. Live: a teammate's move shows here at
 * once. A move sends one mutation that patches one row (a fractional key between neighbours).
 */
export function FeaturedShelf({ currency, canEdit }: { currency: string; canEdit: boolean }) {
  const shelf = useFeatured();
  const move = useStoreMutation(api.catalog.moveFeaturedProduct);
  const setFeatured = useStoreMutation(api.catalog.setFeaturedProduct);
  const [error, setError] = useState<unknown>(null);
  const [open, setOpen] = useState(true);
  const items = shelf.data ?? [];

  async function onMove(id: string, to: number) {
    const others = items.filter((p) => p._id !== id);
    const after = to === 0 ? null : others[to - 1]._id;
    setError(null);
    try {
      await move({ productId: id as Id<"products">, afterId: after });
    } catch (e) {
      setError(e);
    }
  }

  return (
    <section
      className="mb-4 rounded-xl border border-gray-200 bg-white p-4 shadow-sm"
      data-testid="featured-shelf"
    >
      <div className="flex items-center justify-between gap-2">
        <h2 className="text-sm font-semibold text-gray-900">
          Featured on the storefront{" "}
          <span className="font-normal text-gray-500">({items.length})</span>
        </h2>
        <button
          type="button"
          className="text-sm font-medium text-indigo-600"
          aria-expanded={open}
          onClick={() => setOpen(!open)}
        >
          {open ? "Hide" : "Show"}
        </button>
      </div>
      {open && (
        <div className="mt-2">
          {shelf.status === "error" && <ErrorPanel error={shelf.error} />}
          {error !== null && <ErrorPanel error={error} />}
          {shelf.status === "success" && items.length === 0 && (
            <p className="text-sm text-gray-500">
              Nothing featured yet. Tick products below and choose “Feature”.
            </p>
          )}
          {canEdit ? (
            <SortableList
              items={items}
              idOf={(p) => p._id}
              labelOf={(p) => p.title}
              onMove={(id, to) => void onMove(id, to)}
              testId="featured-list"
              render={(p, index) => (
                <div className="flex min-w-0 items-center gap-3" data-testid="featured-item">
                  <span className="w-5 text-right text-xs tabular-nums text-gray-400">
                    {index + 1}
                  </span>
                  <Thumb src={p.images[0]?.url ?? null} title={p.title} size="h-8 w-8" />
                  <span className="min-w-0 flex-1 truncate text-sm text-gray-900">{p.title}</span>
                  <span className="hidden text-sm tabular-nums text-gray-600 sm:inline">
                    {formatMoney(p.priceCents, currency)}
                  </span>
                  <span className="hidden sm:inline">
                    <ProductStatusBadge status={p.status} />
                  </span>
                  <button
                    type="button"
                    className="text-xs font-medium text-rose-700 hover:underline"
                    onClick={() =>
                      void setFeatured({ productId: p._id, featured: false }).catch(setError)
                    }
                  >
                    Remove
                  </button>
                </div>
              )}
            />
          ) : (
            <ol className="list-decimal pl-5 text-sm text-gray-800">
              {items.map((p) => (
                <li key={p._id}>{p.title}</li>
              ))}
            </ol>
          )}
        </div>
      )}
    </section>
  );
}

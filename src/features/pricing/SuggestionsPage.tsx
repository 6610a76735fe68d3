import type { FunctionReturnType } from "convex/server";
import { useState } from "react";
import type { api } from "../../../lib/api";
import { formatBasisPoints, formatMoney } from "../../../lib/money";
import { useCurrentStore } from "../../app/currentStore";
import type { PageProps } from "../../app/module";
import { Button } from "../../components/Button";
import { type Column, DataTable } from "../../components/DataTable";
import { Drawer } from "../../components/Dialog";
import { ErrorPanel } from "../../components/ErrorPanel";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/Skeleton";
import { useToast } from "../../components/Toast";
import { PricingTabs } from "./PricingTabs";
import { useApplySuggested, useSuggestions } from "./usePricing";

type Row = FunctionReturnType<typeof api.pricing.suggestions>["page"][number];
const NOUN = { one: "product", other: "products" };

/** /dashboard/pricing — each product's suggested price, its floor and the reasoning. */
export default function SuggestionsPage({ module: mod }: PageProps) {
  const { can } = useCurrentStore();
  return (
    <div data-testid="pricing-page">
      <PageHeader title={mod.label} summary={mod.summary} />
      <PricingTabs />
      {can("costs.view") ? (
        <Suggestions />
      ) : (
        <p className="rounded-xl border border-gray-200 bg-white p-6 text-sm text-gray-600">
          Suggested prices are worked out from supplier costs and margins, which only admins and the
          owner see. Coupons and price tests are in the tabs above.
        </p>
      )}
    </div>
  );
}

function Suggestions() {
  const { currency, can } = useCurrentStore();
  const list = useSuggestions();
  const [open, setOpen] = useState<Row | null>(null);
  const money = (cents: number) => formatMoney(cents, currency);
  const columns: Column<Row>[] = [
    {
      id: "title",
      header: "Product",
      cell: (row) => <span className="block truncate font-medium text-gray-900">{row.title}</span>,
    },
    {
      id: "price",
      header: "Now",
      align: "right",
      width: "w-24",
      hideBelow: "sm",
      cell: (row) => <span className="tabular-nums">{money(row.priceCents)}</span>,
    },
    {
      id: "floor",
      header: "Floor",
      align: "right",
      width: "w-24",
      hideBelow: "md",
      cell: (row) =>
        row.suggestion ? (
          <span className="tabular-nums text-gray-500">{money(row.suggestion.floorCents)}</span>
        ) : (
          "—"
        ),
    },
    {
      id: "suggested",
      header: "Suggested",
      align: "right",
      width: "w-24 sm:w-28",
      cell: (row) =>
        row.suggestion ? (
          <span
            className={`tabular-nums font-semibold ${
              row.suggestion.suggestedCents === row.priceCents ? "text-gray-500" : "text-indigo-700"
            }`}
            data-testid="suggested-price"
          >
            {money(row.suggestion.suggestedCents)}
          </span>
        ) : (
          <span className="text-xs text-gray-500">No cost</span>
        ),
    },
    {
      id: "margin",
      header: "Margin",
      align: "right",
      width: "w-20",
      hideBelow: "lg",
      cell: (row) =>
        row.suggestion ? (
          <span className="tabular-nums">
            {formatBasisPoints(row.suggestion.marginAtSuggestedBps)}
          </span>
        ) : (
          "—"
        ),
    },
    {
      id: "why",
      header: "Reasoning",
      quietHeader: true,
      width: "w-16 sm:w-20",
      align: "right",
      cell: (row) => (
        <Button size="sm" variant="ghost" onClick={() => setOpen(row)}>
          Why?
        </Button>
      ),
    },
  ];
  return (
    <section className="overflow-hidden rounded-xl border border-gray-200 bg-white shadow-sm">
      {list.status === "Error" ? (
        <div className="p-4">
          <ErrorPanel error={list.error} />
        </div>
      ) : list.status === "LoadingFirstPage" ? (
        <TableSkeleton />
      ) : (
        <>
          <DataTable
            rows={list.results}
            columns={columns}
            rowKey={(row) => row.productId}
            rowLabel={(row) => row.title}
            rowProps={(row) => ({ "data-testid": "pricing-row", "data-product-id": row.productId })}
            testId="pricing-table"
          />
          <LoadMore
            status={list.status}
            onLoadMore={list.loadMore}
            count={list.results.length}
            noun={NOUN}
          />
        </>
      )}
      {open && (
        <Reasoning
          // The live row, so an applied price shows at once.
          row={list.results.find((row) => row.productId === open.productId) ?? open}
          canApply={can("catalog.edit")}
          onClose={() => setOpen(null)}
        />
      )}
    </section>
  );
}

function Reasoning({
  row,
  canApply,
  onClose,
}: {
  row: Row;
  canApply: boolean;
  onClose: () => void;
}) {
  const { currency } = useCurrentStore();
  const apply = useApplySuggested();
  const toast = useToast();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const money = (cents: number) => formatMoney(cents, currency);
  const s = row.suggestion;

  async function applyIt() {
    if (!s) return;
    setBusy(true);
    setError(null);
    try {
      await apply({ productId: row.productId, suggestedCents: s.suggestedCents });
      toast(`${row.title} now sells at ${money(s.suggestedCents)}.`);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer title={row.title} description="How the suggested price is worked out" onClose={onClose}>
      {!s ? (
        <p className="mt-4 text-sm text-gray-600">{row.problem}</p>
      ) : (
        <div className="mt-4 space-y-4 text-sm" data-testid="pricing-reasoning">
          <ol className="divide-y divide-gray-100 rounded-lg border border-gray-200">
            {s.steps.map((step, i) => (
              <li key={step.label} className="flex items-start justify-between gap-3 px-3 py-2">
                <div className="min-w-0">
                  <p className="font-medium text-gray-900">
                    {i + 1}. {step.label}
                  </p>
                  <p className="text-gray-500">{step.detail}</p>
                </div>
                <span className="shrink-0 tabular-nums font-medium">{money(step.cents)}</span>
              </li>
            ))}
          </ol>
          <dl className="grid grid-cols-3 gap-3 rounded-lg bg-indigo-50 p-3 text-indigo-950">
            <div>
              <dt className="text-xs text-indigo-700">Suggested</dt>
              <dd className="font-semibold tabular-nums">{money(s.suggestedCents)}</dd>
            </div>
            <div>
              <dt className="text-xs text-indigo-700">Profit / sale</dt>
              <dd className="font-semibold tabular-nums">{money(s.profitAtSuggestedCents)}</dd>
            </div>
            <div>
              <dt className="text-xs text-indigo-700">Margin</dt>
              <dd className="font-semibold tabular-nums">
                {formatBasisPoints(s.marginAtSuggestedBps)}
              </dd>
            </div>
          </dl>
          <p className="text-gray-600">
            Today: <span className="font-medium tabular-nums">{money(row.priceCents)}</span>. Never
            below the floor of{" "}
            <span className="font-medium tabular-nums">{money(s.floorCents)}</span>.
          </p>
          {error !== null && <ErrorPanel error={error} />}
          {canApply && (
            <Button
              variant="primary"
              onClick={applyIt}
              disabled={busy || s.suggestedCents === row.priceCents}
            >
              {s.suggestedCents === row.priceCents
                ? "Already at the suggested price"
                : busy
                  ? "Applying…"
                  : `Apply ${money(s.suggestedCents)}`}
            </Button>
          )}
        </div>
      )}
      <div className="mt-6">
        <Button onClick={onClose}>Close</Button>
      </div>
    </Drawer>
  );
}

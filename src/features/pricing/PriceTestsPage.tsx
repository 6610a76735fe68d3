import { useState } from "react";
import { formatCount } from "../../../lib/money";
import { Link } from "../../../lib/router";
import { useCurrentStore } from "../../app/currentStore";
import type { PageProps } from "../../app/module";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { type Column, DataTable } from "../../components/DataTable";
import { ErrorPanel } from "../../components/ErrorPanel";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/Skeleton";
import { pricingHref } from "./module";
import { NewTestDialog } from "./NewTestDialog";
import { PricingTabs } from "./PricingTabs";
import { type PriceTestView, TEST_STATUS } from "./testText";
import { usePriceTests } from "./usePricing";

/** /dashboard/pricing/tests — every A/B price test, running first, with its verdict so far. */
export default function PriceTestsPage({ module: mod }: PageProps) {
  const { can } = useCurrentStore();
  const tests = usePriceTests();
  const [creating, setCreating] = useState(false);
  const columns: Column<PriceTestView>[] = [
    {
      id: "product",
      header: "Product",
      cell: (t) => (
        <div className="min-w-0">
          <Link
            href={pricingHref("tests", t._id)}
            className="block truncate font-medium text-indigo-700 hover:underline"
          >
            {t.productTitle}
          </Link>
          <p className="truncate text-xs text-gray-500">
            {t.arms.map((a) => a.label).join(" vs ")}
          </p>
        </div>
      ),
    },
    {
      id: "views",
      header: "Views",
      align: "right",
      width: "w-24",
      hideBelow: "sm",
      cell: (t) => (
        <span className="tabular-nums">{formatCount(t.arms.reduce((n, a) => n + a.views, 0))}</span>
      ),
    },
    {
      id: "verdict",
      header: "Verdict",
      hideBelow: "md",
      cell: (t) => <span className="block truncate text-gray-600">{t.verdict.message}</span>,
    },
    {
      id: "status",
      header: "Status",
      width: "w-28",
      cell: (t) => <Badge tone={TEST_STATUS[t.status].tone}>{TEST_STATUS[t.status].label}</Badge>,
    },
  ];
  return (
    <div data-testid="price-tests-page">
      <PageHeader
        title={mod.label}
        summary={mod.summary}
        actions={
          can("catalog.edit") &&
          can("costs.view") && (
            <Button variant="primary" onClick={() => setCreating(true)}>
              New price test
            </Button>
          )
        }
      />
      <PricingTabs />
      <section className="overflow-hidden rounded-xl border border-gray-200 bg-white shadow-sm">
        {tests.status === "error" ? (
          <div className="p-4">
            <ErrorPanel error={tests.error} />
          </div>
        ) : tests.status === "pending" ? (
          <TableSkeleton rows={3} />
        ) : tests.data.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-500">No price tests yet.</p>
        ) : (
          <DataTable
            rows={tests.data}
            columns={columns}
            rowKey={(t) => t._id}
            rowLabel={(t) => t.productTitle}
            rowProps={(t) => ({ "data-testid": "price-test-row", "data-status": t.status })}
            testId="price-tests-table"
          />
        )}
      </section>
      {creating && <NewTestDialog onClose={() => setCreating(false)} />}
    </div>
  );
}

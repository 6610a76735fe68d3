import { BarChart, Card } from "@tremor/react";
import { useState } from "react";
import { formatCount, formatMoney } from "../../../lib/money";
import { Link } from "../../../lib/router";
import { useCurrentStore } from "../../app/currentStore";
import type { PageProps } from "../../app/module";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { type Column, DataTable } from "../../components/DataTable";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Skeleton } from "../../components/Skeleton";
import { useToast } from "../../components/Toast";
import { pricingHref } from "./module";
import { type PriceTestView, pct, TEST_STATUS, VERDICT_TONE } from "./testText";
import { useApplyWinner, usePriceTest, useStartPriceTest, useStopPriceTest } from "./usePricing";

type Arm = PriceTestView["arms"][number];

/** /dashboard/pricing/tests/:id — one test's results per arm, its verdict and a chart. */
export default function PriceTestPage({ params }: PageProps) {
  const test = usePriceTest(params.id);
  return (
    <div className="space-y-5" data-testid="price-test-page">
      <Link
        href={pricingHref("tests")}
        className="text-sm font-medium text-indigo-700 hover:underline"
      >
        ← All price tests
      </Link>
      {test.status === "pending" && <Skeleton className="h-72" />}
      {test.status === "error" && <ErrorPanel error={test.error} />}
      {test.status === "success" &&
        (test.data === null ? (
          <p className="text-sm text-gray-600">This price test does not exist in this store.</p>
        ) : (
          <Results test={test.data} />
        ))}
    </div>
  );
}

function Results({ test }: { test: PriceTestView }) {
  const { currency, can } = useCurrentStore();
  const start = useStartPriceTest();
  const stop = useStopPriceTest();
  const applyWinner = useApplyWinner();
  const toast = useToast();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const money = (cents: number) => formatMoney(cents, currency);

  async function run(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    try {
      await action();
      toast(done);
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  }

  const columns: Column<Arm>[] = [
    {
      id: "arm",
      header: "Arm",
      cell: (a) => (
        <div className="min-w-0">
          <p className="truncate font-medium text-gray-900">{a.label}</p>
          <p className="tabular-nums text-xs text-gray-500">{money(a.priceCents)}</p>
        </div>
      ),
    },
    {
      id: "views",
      header: "Views",
      align: "right",
      width: "w-20",
      cell: (a) => formatCount(a.views),
    },
    {
      id: "carts",
      header: "Carts",
      align: "right",
      width: "w-20",
      hideBelow: "md",
      cell: (a) => formatCount(a.carts),
    },
    {
      id: "orders",
      header: "Orders",
      align: "right",
      width: "w-20",
      hideBelow: "sm",
      cell: (a) => formatCount(a.orders),
    },
    {
      id: "conversion",
      header: "Conv.",
      align: "right",
      width: "w-20",
      cell: (a) => <span className="tabular-nums">{pct(a.conversion, 2)}</span>,
    },
    {
      id: "rpv",
      header: "Rev./visitor",
      align: "right",
      width: "w-28",
      hideBelow: "sm",
      cell: (a) => (
        <span className="tabular-nums">{money(Math.round(a.revenuePerVisitorCents))}</span>
      ),
    },
    {
      id: "confidence",
      header: "vs control",
      align: "right",
      width: "w-44",
      hideBelow: "lg",
      cell: (a) =>
        a.liftVsControl === null ? (
          <span className="text-gray-400">control</span>
        ) : (
          <span className="tabular-nums">
            {a.liftVsControl >= 0 ? "+" : ""}
            {pct(a.liftVsControl, 0)} · {pct(a.confidence ?? 0, 0)} conf.
          </span>
        ),
    },
  ];
  const chart = test.arms.map((a) => ({
    arm: `${a.label} (${money(a.priceCents)})`,
    "Conversion %": Number((a.conversion * 100).toFixed(2)),
  }));
  const editable = can("catalog.edit");

  return (
    <>
      <div className="flex flex-wrap items-start justify-between gap-3">
        <div className="min-w-0">
          <h1 className="text-2xl font-semibold tracking-tight text-gray-900">
            {test.productTitle}
          </h1>
          <p className="mt-1 flex flex-wrap items-center gap-2 text-sm text-gray-500">
            <Badge tone={TEST_STATUS[test.status].tone}>{TEST_STATUS[test.status].label}</Badge>
            Price test · now selling at {money(test.productPriceCents)}
            {test.winnerArm !== undefined && ` · applied: ${test.arms[test.winnerArm].label}`}
          </p>
        </div>
        {editable && (
          <div className="flex flex-wrap gap-2">
            {test.status === "draft" && (
              <Button
                variant="primary"
                disabled={busy}
                onClick={() => run(() => start({ testId: test._id }), "Test started.")}
              >
                Start test
              </Button>
            )}
            {(test.status === "running" || test.status === "draft") && (
              <Button
                disabled={busy}
                onClick={() => run(() => stop({ testId: test._id }), "Test stopped.")}
              >
                {test.status === "draft" ? "Discard" : "Stop test"}
              </Button>
            )}
            {test.verdict.kind === "winner" && test.status !== "completed" && (
              <Button
                variant="primary"
                disabled={busy}
                onClick={() =>
                  run(() => applyWinner({ testId: test._id }), "Winning price applied.")
                }
              >
                Apply winner ({money(test.arms[test.verdict.arm].priceCents)})
              </Button>
            )}
          </div>
        )}
      </div>
      <p
        className={`rounded-xl border p-4 text-sm font-medium ${VERDICT_TONE[test.verdict.kind]}`}
        data-testid="test-verdict"
      >
        {test.verdict.message}
      </p>
      {error !== null && <ErrorPanel error={error} />}
      <section className="overflow-hidden rounded-xl border border-gray-200 bg-white shadow-sm">
        <DataTable
          rows={test.arms}
          columns={columns}
          rowKey={(a) => a.label}
          rowLabel={(a) => a.label}
          testId="test-arms"
        />
      </section>
      <Card className="p-4 sm:p-6">
        <h2 className="font-semibold text-tremor-content-strong">Conversion by arm</h2>
        <p className="text-sm text-tremor-content">
          Orders per view. A winner needs 95% confidence against the control.
        </p>
        <BarChart
          className="mt-4 h-56"
          data={chart}
          index="arm"
          categories={["Conversion %"]}
          colors={["indigo"]}
          valueFormatter={(v) => `${v}%`}
          showLegend={false}
          showAnimation={false}
          yAxisWidth={48}
        />
      </Card>
    </>
  );
}

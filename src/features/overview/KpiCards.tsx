import { Card } from "@tremor/react";
import { formatBasisPoints, formatCount, formatMoney } from "../../../lib/money";
import { countOf } from "../../../lib/plural";
import type { Overview } from "./overviewData";

const ORDERS = { one: "order", other: "orders" };
const VISITORS = { one: "visitor", other: "visitors" };

function Kpi({
  id,
  label,
  value,
  hint,
  className = "",
}: {
  id: string;
  label: string;
  value: string;
  hint?: string;
  className?: string;
}) {
  return (
    <Card className={`p-4 ${className}`} decoration="top" decorationColor="indigo">
      <p className="text-tremor-default text-tremor-content">{label}</p>
      <p
        className="mt-1 text-lg font-semibold tabular-nums text-tremor-content-strong min-[400px]:text-xl sm:text-2xl"
        data-testid={`kpi-${id}`}
      >
        {value}
      </p>
      {hint && <p className="mt-1 text-tremor-label text-tremor-content-subtle">{hint}</p>}
    </Card>
  );
}

// Revenue and order counts come per period under the same keys.
const REVENUE_PERIODS = [
  { id: "revenue-today", label: "Revenue today", key: "today" },
  { id: "revenue-7d", label: "Revenue · 7 days", key: "last7Days" },
  { id: "revenue-30d", label: "Revenue · 30 days", key: "last30Days" },
  { id: "revenue-all-time", label: "Revenue · all time", key: "allTime" },
] as const;

export function KpiCards({ data }: { data: Overview }) {
  const money = (cents: number) => formatMoney(cents, data.currency);
  const r = data.revenueCents;
  const o = data.orders;
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {REVENUE_PERIODS.map(({ id, label, key }) => (
          <Kpi
            key={id}
            id={id}
            label={label}
            value={money(r[key])}
            hint={countOf(o[key], ORDERS)}
          />
        ))}
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        <Kpi
          id="orders"
          label="Orders · 30 days"
          value={formatCount(o.last30Days)}
          hint={`${formatCount(o.allTime)} all time`}
        />
        <Kpi
          id="aov"
          label="Average order · 30 days"
          value={money(data.averageOrderValueCents)}
          hint="Revenue ÷ orders"
        />
        <Kpi
          id="conversion"
          className="col-span-2 lg:col-span-1"
          label="Conversion · 30 days"
          value={formatBasisPoints(data.conversionBps)}
          hint={`Orders ÷ ${countOf(data.visitors30Days, VISITORS)}`}
        />
      </div>
    </div>
  );
}

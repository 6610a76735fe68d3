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

export function KpiCards({ data }: { data: Overview }) {
  const money = (cents: number) => formatMoney(cents, data.currency);
  const r = data.revenueCents;
  const o = data.orders;
  return (
    <div className="space-y-4">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        <Kpi
          id="revenue-today"
          label="Revenue today"
          value={money(r.today)}
          hint={countOf(o.today, ORDERS)}
        />
        <Kpi
          id="revenue-7d"
          label="Revenue · 7 days"
          value={money(r.last7Days)}
          hint={countOf(o.last7Days, ORDERS)}
        />
        <Kpi
          id="revenue-30d"
          label="Revenue · 30 days"
          value={money(r.last30Days)}
          hint={countOf(o.last30Days, ORDERS)}
        />
        <Kpi
          id="revenue-all-time"
          label="Revenue · all time"
          value={money(r.allTime)}
          hint={countOf(o.allTime, ORDERS)}
        />
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

import { Card, DonutChart } from "@tremor/react";
import { formatCount } from "../../../lib/money";
import { type Overview, STATUS_ORDER, statusColor, statusLabel } from "./overviewData";

const DOT: Record<string, string> = {
  amber: "bg-amber-500",
  indigo: "bg-indigo-500",
  sky: "bg-sky-500",
  emerald: "bg-emerald-500",
  rose: "bg-rose-500",
  slate: "bg-slate-500",
};

export function OrderStatus({ data }: { data: Overview }) {
  const rows = STATUS_ORDER.map((status) => ({
    status,
    count: data.ordersByStatus[status],
  })).filter((s) => s.count > 0);
  const total = rows.reduce((sum, s) => sum + s.count, 0);
  return (
    <Card className="p-4 sm:p-6">
      <h2 className="font-semibold text-tremor-content-strong">Orders by status</h2>
      {rows.length === 0 ? (
        <p className="mt-6 text-sm text-tremor-content">No orders yet.</p>
      ) : (
        <div className="mt-4 flex flex-col items-center gap-6 sm:flex-row">
          <DonutChart
            className="h-36 w-36 shrink-0"
            data={rows.map((s) => ({ name: statusLabel(s.status), count: s.count }))}
            category="count"
            index="name"
            colors={rows.map((s) => statusColor(s.status))}
            valueFormatter={formatCount}
            label={formatCount(total)}
            showAnimation={false}
          />
          <ul className="w-full space-y-2 text-sm" data-testid="status-counts">
            {rows.map((s) => (
              <li key={s.status} className="flex items-center gap-2">
                <span className={`h-2.5 w-2.5 rounded-full ${DOT[statusColor(s.status)]}`} />
                <span className="text-tremor-content-emphasis">{statusLabel(s.status)}</span>
                <span className="ml-auto tabular-nums font-medium text-tremor-content-strong">
                  {formatCount(s.count)}
                </span>
              </li>
            ))}
          </ul>
        </div>
      )}
    </Card>
  );
}

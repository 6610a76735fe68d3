import { Card, DonutChart } from "@tremor/react";
import { formatCount } from "../../../lib/money";
import { ORDER_STATUSES } from "../../../convex/model/validators";
import { ORDER_STATUS } from "../orders/orderStatus";
import type { Overview } from "./overviewData";

const DOT: Record<(typeof ORDER_STATUS)[keyof typeof ORDER_STATUS]["tone"], string> = {
  amber: "bg-amber-500",
  indigo: "bg-indigo-500",
  sky: "bg-sky-500",
  emerald: "bg-emerald-500",
  rose: "bg-rose-500",
  slate: "bg-slate-500",
};

export function OrderStatus({ data }: { data: Overview }) {
  const rows = ORDER_STATUSES.map((status) => ({
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
            data={rows.map((s) => ({ name: ORDER_STATUS[s.status].label, count: s.count }))}
            category="count"
            index="name"
            colors={rows.map((s) => ORDER_STATUS[s.status].tone)}
            valueFormatter={formatCount}
            label={formatCount(total)}
            showAnimation={false}
          />
          <ul className="w-full space-y-2 text-sm" data-testid="status-counts">
            {rows.map((s) => (
              <li key={s.status} className="flex items-center gap-2">
                <span className={`h-2.5 w-2.5 rounded-full ${DOT[ORDER_STATUS[s.status].tone]}`} />
                <span className="text-tremor-content-emphasis">{ORDER_STATUS[s.status].label}</span>
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

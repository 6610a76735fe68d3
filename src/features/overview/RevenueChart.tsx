import { AreaChart, Card, type CustomTooltipProps } from "@tremor/react";
import { type ComponentType, useMemo } from "react";
import { formatMoney } from "../../../lib/money";
import type { Overview } from "./overviewData";

const dayLabel = new Intl.DateTimeFormat(undefined, { month: "short", day: "numeric" });

// The axis shows compact amounts ($1.2K); the tooltip shows the exact one. One stable
// component per currency, so Recharts does not remount the tooltip on every render.
const tooltips = new Map<string, ComponentType<CustomTooltipProps>>();
function tooltipFor(currency: string): ComponentType<CustomTooltipProps> {
  let tooltip = tooltips.get(currency);
  if (!tooltip) {
    tooltip = ({ payload, active, label }: CustomTooltipProps) => {
      if (!active || !payload?.length) return null;
      return (
        <div className="rounded-md border border-gray-200 bg-white px-3 py-2 text-sm shadow-md">
          <p className="text-gray-500">{label}</p>
          <p className="font-semibold tabular-nums text-gray-900">
            {formatMoney(Number(payload[0].value ?? 0), currency)}
          </p>
        </div>
      );
    };
    tooltips.set(currency, tooltip);
  }
  return tooltip;
}

export function RevenueChart({ data }: { data: Overview }) {
  const points = useMemo(
    () =>
      data.series.map((d) => ({
        date: dayLabel.format(new Date(`${d.date.slice(0, 10)}T12:00:00`)),
        Revenue: d.revenueCents,
      })),
    [data.series],
  );
  const total = data.series.reduce((sum, d) => sum + d.revenueCents, 0);

  return (
    <Card className="p-4 sm:p-6">
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h2 className="font-semibold text-tremor-content-strong">Daily revenue</h2>
        <p className="text-sm text-tremor-content">
          Last {data.series.length} days ·{" "}
          <span className="font-medium tabular-nums text-tremor-content-strong">
            {formatMoney(total, data.currency)}
          </span>
        </p>
      </div>
      <div data-testid="revenue-chart">
        <AreaChart
          className="mt-4 h-64 sm:h-72"
          data={points}
          index="date"
          categories={["Revenue"]}
          colors={["indigo"]}
          valueFormatter={(v) => formatMoney(v, data.currency, { compact: true })}
          customTooltip={tooltipFor(data.currency)}
          showLegend={false}
          yAxisWidth={64}
          curveType="monotone"
          showAnimation={false}
          noDataText="No revenue in the last 90 days yet"
        />
      </div>
    </Card>
  );
}

import { AreaChart } from "@tremor/react";
import { compact } from "./TrendCard";

/** Views over the snapshots we hold: the history seasonality and velocity are read from. */
export function SnapshotChart({ snapshots }: { snapshots: { takenAt: number; views: number }[] }) {
  const data = snapshots.map((s) => ({
    when: new Date(s.takenAt).toLocaleString(undefined, {
      month: "short",
      day: "numeric",
      hour: "numeric",
    }),
    Views: s.views,
  }));
  return (
    <AreaChart
      className="h-36"
      data={data}
      index="when"
      categories={["Views"]}
      colors={["indigo"]}
      valueFormatter={compact}
      showLegend={false}
      showXAxis={false}
      yAxisWidth={44}
    />
  );
}

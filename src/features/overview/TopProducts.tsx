import { BarList, Card } from "@tremor/react";
import { formatMoney } from "../../../lib/money";
import type { Overview } from "./overviewData";

export function TopProducts({ data }: { data: Overview }) {
  return (
    <Card className="p-4 sm:p-6">
      <h2 className="font-semibold text-tremor-content-strong">Top products</h2>
      <p className="text-sm text-tremor-content">By revenue, last 30 days</p>
      {data.topProducts.length === 0 ? (
        <p className="mt-6 text-sm text-tremor-content">No sales yet.</p>
      ) : (
        <BarList
          className="mt-4"
          data={data.topProducts.map((p) => ({
            name: p.title,
            value: p.revenueCents,
            key: p.productId,
          }))}
          valueFormatter={(v: number) => formatMoney(v, data.currency)}
          color="indigo"
        />
      )}
    </Card>
  );
}

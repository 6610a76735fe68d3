import { formatMoney } from "../../../../lib/money";
import { Panel } from "../../../components/Panel";
import type { OrderDesk } from "./useOrderDesk";

/** True profit as a breakdown; only for members who see costs (the server sends nothing else). */
export function ProfitPanel({
  profit,
  currency,
  channel,
}: {
  profit: NonNullable<OrderDesk["profit"]>;
  currency: string;
  channel: string;
}) {
  const money = (cents: number) => formatMoney(cents, currency);
  const rows: [string, number][] = [
    ["Price paid (less tax)", profit.revenueCents],
    [
      profit.basis === "recorded" ? "Supplier cost" : "Supplier cost (estimate)",
      -profit.supplierCostCents,
    ],
    ["Shipping paid", -profit.shippingCostCents],
    ["Payment fees", -profit.paymentFeeCents],
    [`${channel} fees`, -profit.channelFeeCents],
  ];
  const negative = profit.profitCents < 0;
  return (
    <Panel title="True profit">
      <dl className="space-y-1 text-sm" data-testid="order-profit">
        {rows.map(([label, cents]) => (
          <div key={label} className="flex justify-between gap-3 text-gray-600">
            <dt>{label}</dt>
            <dd className="tabular-nums">
              {cents < 0 ? `−${money(-cents)}` : money(Math.abs(cents))}
            </dd>
          </div>
        ))}
        <div
          className={`flex justify-between gap-3 border-t border-gray-100 pt-2 font-semibold ${negative ? "text-rose-700" : "text-emerald-700"}`}
        >
          <dt>Profit</dt>
          <dd className="tabular-nums" data-testid="profit-total">
            {negative ? `−${money(-profit.profitCents)}` : money(profit.profitCents)} ·{" "}
            {(profit.marginBps / 100).toFixed(1)}%
          </dd>
        </div>
      </dl>
      {profit.basis === "estimated" && (
        <p className="mt-2 text-xs text-gray-500">
          Estimated from catalogue costs until the supplier order is recorded
          {profit.unknownCostLines > 0
            ? `; ${profit.unknownCostLines} line(s) have no cost yet`
            : ""}
          .
        </p>
      )}
    </Panel>
  );
}

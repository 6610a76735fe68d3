import { useState } from "react";
import { centsToInput, formatMoney } from "../../../lib/money";
import { Field, Input } from "../../components/Field";
import { calculateProfit, type ProfitInputs } from "./profitCalc";

/** Price, costs and ad spend → profit per order and break-even ROAS, live as you type. */
export function ProfitCalculator({
  currency,
  priceCents,
  costCents,
  shippingCents,
}: {
  currency: string;
  priceCents: number | null;
  costCents: number | null;
  shippingCents: number;
}) {
  const [inputs, setInputs] = useState<ProfitInputs>({
    price: priceCents === null ? "" : centsToInput(priceCents, currency),
    cost: costCents === null ? "" : centsToInput(costCents, currency),
    shipping: centsToInput(shippingCents, currency),
    adCost: centsToInput(800, currency),
  });
  const result = calculateProfit(inputs, currency);
  const money = (cents: number) => formatMoney(cents, currency);
  const field = (key: keyof ProfitInputs, label: string) => (
    <Field label={label}>
      <Input
        inputMode="decimal"
        value={inputs[key]}
        aria-invalid={!result.ok && result.problems[key] !== undefined}
        onChange={(e) => setInputs({ ...inputs, [key]: e.target.value })}
        data-testid={`calc-${key}`}
      />
    </Field>
  );
  return (
    <div data-testid="profit-calculator">
      <div className="grid grid-cols-2 gap-3">
        {field("price", "Selling price")}
        {field("cost", "Supplier cost")}
        {field("shipping", "Shipping")}
        {field("adCost", "Ad cost per order")}
      </div>
      {result.ok ? (
        <dl className="mt-3 grid grid-cols-2 gap-2 rounded-lg bg-gray-50 p-3 text-sm">
          <dt className="text-gray-600">Payment fees (2.9% + 30¢)</dt>
          <dd className="text-right tabular-nums">{money(result.feeCents)}</dd>
          <dt className="text-gray-600">Profit per order</dt>
          <dd
            className={`text-right font-semibold tabular-nums ${result.profitCents < 0 ? "text-rose-700" : "text-emerald-700"}`}
            data-testid="calc-profit"
          >
            {money(result.profitCents)}
          </dd>
          <dt className="text-gray-600">Break-even ROAS</dt>
          <dd className="text-right font-semibold tabular-nums" data-testid="calc-roas">
            {result.breakEvenRoas === null
              ? "never: costs exceed the price"
              : `${result.breakEvenRoas.toFixed(2)}×`}
          </dd>
        </dl>
      ) : (
        <ul role="alert" className="mt-3 space-y-1 rounded-lg bg-rose-50 p-3 text-sm text-rose-800">
          {Object.values(result.problems).map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

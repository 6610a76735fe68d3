import { type FormEvent, useState } from "react";
import type { Supplier } from "../../../../convex/model/validators";
import { api, type Id } from "../../../../lib/api";
import { formatMoney } from "../../../../lib/money";
import { useCurrentStore } from "../../../app/currentStore";
import { useStoreMutation } from "../../../app/storeHooks";
import { Button } from "../../../components/Button";
import { ErrorPanel } from "../../../components/ErrorPanel";
import { Field, Input, Select } from "../../../components/Field";
import { SUPPLIER_NAME } from "./SupplierPanel";
import { centsToInput, type DeskLine, parseCents } from "./useOrderDesk";

type Item = {
  _id: Id<"orderItems">;
  title: string;
  sku: string;
  quantity: number;
  unitPriceCents: number;
  totalCents: number;
};

/** The order's lines with their pictures, and where each one is bought (its supplier rule). */
export function OrderLines({
  items,
  lines,
  currency,
}: {
  items: Item[];
  lines: DeskLine[];
  currency: string;
}) {
  const money = (cents: number) => formatMoney(cents, currency);
  const byItem = new Map(lines.map((line) => [line.itemId, line]));
  return (
    <ul className="divide-y divide-gray-100" data-testid="order-items">
      {items.map((item) => {
        const line = byItem.get(item._id);
        return (
          <li key={item._id} className="py-3 text-sm">
            <div className="flex items-start gap-3">
              {line?.imageUrl ? (
                <img
                  src={line.imageUrl}
                  alt=""
                  className="h-14 w-14 shrink-0 rounded-md border border-gray-100 object-cover"
                />
              ) : (
                <div className="h-14 w-14 shrink-0 rounded-md bg-gray-100" />
              )}
              <div className="min-w-0 flex-1">
                <p className="font-medium text-gray-900">{item.title}</p>
                <p className="text-xs text-gray-500">
                  {item.quantity} × {money(item.unitPriceCents)} · {item.sku}
                </p>
                {line && <RuleLine line={line} currency={currency} />}
              </div>
              <span className="shrink-0 tabular-nums text-gray-900">{money(item.totalCents)}</span>
            </div>
          </li>
        );
      })}
    </ul>
  );
}

function RuleLine({ line, currency }: { line: DeskLine; currency: string }) {
  const { can } = useCurrentStore();
  const [editing, setEditing] = useState(false);
  const rule = line.rule;
  return (
    <div className="mt-1 text-xs text-gray-600">
      <span>
        {rule ? SUPPLIER_NAME[rule.supplier] : "No supplier rule"}
        {rule && (line.ruleScope === "variant" ? " · this variant" : " · all variants")}
        {rule?.costCents !== undefined && ` · ${formatMoney(rule.costCents, currency)} a unit`}
        {rule?.autoOrder && " · auto-order"}
      </span>
      {line.link && (
        <a
          href={line.link}
          target="_blank"
          rel="noreferrer"
          className="ml-2 font-medium text-indigo-600 hover:underline"
        >
          Supplier page ↗
        </a>
      )}
      {can("catalog.edit") && (
        <button
          type="button"
          className="ml-2 font-medium text-indigo-600 hover:underline"
          onClick={() => setEditing((open) => !open)}
        >
          {editing ? "Close" : "Edit rule"}
        </button>
      )}
      {editing && <RuleForm line={line} onDone={() => setEditing(false)} />}
    </div>
  );
}

function RuleForm({ line, onDone }: { line: DeskLine; onDone: () => void }) {
  const save = useStoreMutation(api.suppliers.saveRule);
  const rule = line.rule;
  const [scope, setScope] = useState<"variant" | "product">(
    line.ruleScope === "product" ? "product" : "variant",
  );
  const [supplier, setSupplier] = useState<Supplier>(rule?.supplier ?? "aliexpress");
  const [url, setUrl] = useState(rule?.url ?? line.link ?? "");
  const [vid, setVid] = useState(rule?.supplierProductId ?? "");
  const [cost, setCost] = useState(centsToInput(rule?.costCents));
  const [auto, setAuto] = useState(rule?.autoOrder ?? false);
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const costCents = cost.trim() === "" ? undefined : parseCents(cost);
    if (costCents === null) return setProblem("The cost is an amount like 4.20.");
    setProblem(null);
    setError(null);
    try {
      await save({
        productId: line.productId,
        sku: scope === "variant" ? line.sku : undefined,
        supplier,
        url: url.trim() || undefined,
        supplierProductId: vid.trim() || undefined,
        costCents,
        autoOrder: auto,
      });
      onDone();
    } catch (caught) {
      setError(caught);
    }
  };

  return (
    <form onSubmit={submit} className="mt-2 space-y-2 rounded-lg bg-gray-50 p-3 text-sm">
      <div className="grid grid-cols-1 gap-2 sm:grid-cols-2">
        <Field label="Applies to">
          <Select value={scope} onChange={(e) => setScope(e.target.value as "variant" | "product")}>
            <option value="variant">This variant ({line.sku})</option>
            <option value="product">All variants</option>
          </Select>
        </Field>
        <Field label="Supplier">
          <Select value={supplier} onChange={(e) => setSupplier(e.target.value as Supplier)}>
            {(Object.keys(SUPPLIER_NAME) as Supplier[]).map((s) => (
              <option key={s} value={s}>
                {SUPPLIER_NAME[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Supplier page URL" className="sm:col-span-2">
          <Input value={url} onChange={(e) => setUrl(e.target.value)} placeholder="https://" />
        </Field>
        <Field label="Supplier variant id (CJ vid)">
          <Input value={vid} onChange={(e) => setVid(e.target.value)} />
        </Field>
        <Field label="Unit cost">
          <Input value={cost} onChange={(e) => setCost(e.target.value)} inputMode="decimal" />
        </Field>
      </div>
      <label className="flex items-center gap-2 text-sm text-gray-700">
        <input type="checkbox" checked={auto} onChange={(e) => setAuto(e.target.checked)} />
        Order new orders automatically (CJ only)
      </label>
      {problem && (
        <p role="alert" className="text-rose-700">
          {problem}
        </p>
      )}
      {error !== null && <ErrorPanel error={error} />}
      <Button type="submit" variant="primary" size="sm">
        Save rule
      </Button>
    </form>
  );
}

import { type FormEvent, useState } from "react";
import type { Supplier } from "../../../../convex/model/validators";
import { api, type Id } from "../../../../lib/api";
import { formatMoney } from "../../../../lib/money";
import { useCurrentStore } from "../../../app/currentStore";
import { useStoreAction, useStoreMutation } from "../../../app/storeHooks";
import { Badge } from "../../../components/Badge";
import { Button } from "../../../components/Button";
import { ErrorPanel } from "../../../components/ErrorPanel";
import { Field, Input, Select } from "../../../components/Field";
import { Panel } from "../../../components/Panel";
import { centsToInput, type OrderDesk, parseCents } from "./useOrderDesk";

export const SUPPLIER_NAME: Record<Supplier, string> = {
  aliexpress: "AliExpress",
  cj: "CJ Dropshipping",
  manual: "Manual",
};

type Item = { _id: string; title: string; quantity: number; unitCostCents?: number };

/**
 * Buying the order: "Order from supplier" opens each line's supplier page (the right variant)
 * in a new tab and shows the one form that records the supplier's order id and real cost.
 */
export function SupplierPanel({
  orderId,
  status,
  desk,
  items,
  currency,
}: {
  orderId: Id<"orders">;
  status: string;
  desk: OrderDesk;
  items: Item[];
  currency: string;
}) {
  const { can } = useCurrentStore();
  const [recording, setRecording] = useState(false);
  const placeNow = useStoreAction(api.cj.placeNow);
  const [placing, setPlacing] = useState(false);
  const [placeError, setPlaceError] = useState<unknown>(null);
  const done = desk.supplierOrder?.status === "placed";
  const orderable = status === "new" || status === "processing";
  const suppliers = new Set(desk.lines.map((line) => line.rule?.supplier ?? "manual"));
  const allCj = desk.lines.every(
    (line) => line.rule?.supplier === "cj" && line.rule.supplierProductId,
  );

  const openSupplierPages = () => {
    // One tab per distinct supplier page; a popup blocker may keep all but the first.
    const links = [...new Set(desk.lines.map((line) => line.link).filter(Boolean))] as string[];
    for (const link of links) window.open(link, "_blank", "noopener");
    setRecording(true);
  };

  return (
    <Panel title="Supplier">
      {desk.supplierOrder && <SupplierOrderState order={desk.supplierOrder} />}
      {!done && orderable && (
        <div className="space-y-3">
          {desk.supplierOrder?.status !== "placing" && (
            <div className="flex flex-wrap items-center gap-2">
              <Button
                variant="primary"
                onClick={openSupplierPages}
                data-testid="order-from-supplier"
              >
                Order from supplier
              </Button>
              {allCj && desk.cjConfigured && (
                <Button
                  disabled={placing}
                  onClick={async () => {
                    setPlacing(true);
                    setPlaceError(null);
                    try {
                      await placeNow({ orderId });
                    } catch (error) {
                      setPlaceError(error);
                    } finally {
                      setPlacing(false);
                    }
                  }}
                >
                  {placing
                    ? "Placing with CJ…"
                    : desk.supplierOrder
                      ? "Try CJ again"
                      : "Place with CJ"}
                </Button>
              )}
            </div>
          )}
          {!desk.cjConfigured && suppliers.has("cj") && (
            <p className="text-xs text-gray-500" data-testid="cj-manual-label">
              Manual flow: CJ_API_KEY is not set, so CJ orders are placed on CJ's site and recorded
              here.
            </p>
          )}
          {placeError !== null && <ErrorPanel error={placeError} />}
          {recording && (
            <RecordForm
              orderId={orderId}
              supplier={[...suppliers][0] as Supplier}
              estimateCents={
                can("costs.view")
                  ? items.reduce((sum, item) => sum + (item.unitCostCents ?? 0) * item.quantity, 0)
                  : undefined
              }
              currency={currency}
              onDone={() => setRecording(false)}
            />
          )}
        </div>
      )}
      {!done && !orderable && !desk.supplierOrder && (
        <p className="text-sm text-gray-500">This order is {status}; nothing to order.</p>
      )}
    </Panel>
  );
}

function SupplierOrderState({ order }: { order: NonNullable<OrderDesk["supplierOrder"]> }) {
  if (order.status === "placed") {
    return (
      <p className="mb-3 text-sm text-gray-700" data-testid="supplier-order-recorded">
        <Badge tone="emerald">Ordered</Badge> {SUPPLIER_NAME[order.supplier]} order{" "}
        <span className="font-mono font-medium">{order.supplierOrderId}</span>
        {order.via === "cj" ? " (placed automatically)" : ""}
      </p>
    );
  }
  if (order.status === "placing") {
    return <p className="mb-3 text-sm text-gray-700">Placing the order with CJ…</p>;
  }
  return (
    <div
      role="alert"
      className="mb-3 rounded-lg border border-rose-200 bg-rose-50 p-3 text-sm"
      data-testid="supplier-order-failed"
    >
      <p className="font-medium text-rose-800">
        Ordering from CJ failed (attempt {order.attempts})
      </p>
      <p className="text-rose-700">{order.lastError}</p>
      <p className="mt-1 text-gray-700">{order.nextStep}</p>
    </div>
  );
}

function RecordForm({
  orderId,
  supplier: initialSupplier,
  estimateCents,
  currency,
  onDone,
}: {
  orderId: Id<"orders">;
  supplier: Supplier;
  estimateCents?: number;
  currency: string;
  onDone: () => void;
}) {
  const record = useStoreMutation(api.suppliers.recordOrder);
  const [supplier, setSupplier] = useState<Supplier>(initialSupplier);
  const [supplierOrderId, setSupplierOrderId] = useState("");
  const [cost, setCost] = useState(centsToInput(estimateCents));
  const [shipping, setShipping] = useState("0.00");
  const [error, setError] = useState<unknown>(null);
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const productCostCents = parseCents(cost);
    const shippingCostCents = parseCents(shipping);
    if (supplierOrderId.trim() === "")
      return setProblem("Enter the order id the supplier gave you.");
    if (productCostCents === null || shippingCostCents === null) {
      return setProblem("Costs are amounts like 12.34 (at most two decimals).");
    }
    setProblem(null);
    setError(null);
    setBusy(true);
    try {
      await record({ orderId, supplier, supplierOrderId, productCostCents, shippingCostCents });
      onDone();
    } catch (caught) {
      setError(caught);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form
      onSubmit={submit}
      className="space-y-3 rounded-lg bg-gray-50 p-3"
      data-testid="record-supplier-order"
    >
      <p className="text-xs text-gray-600">
        Place the order on the supplier's page (it opened in a new tab), then record it here.
      </p>
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:grid-cols-1">
        <Field label="Supplier">
          <Select value={supplier} onChange={(e) => setSupplier(e.target.value as Supplier)}>
            {(Object.keys(SUPPLIER_NAME) as Supplier[]).map((s) => (
              <option key={s} value={s}>
                {SUPPLIER_NAME[s]}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Supplier order id">
          <Input
            value={supplierOrderId}
            onChange={(e) => setSupplierOrderId(e.target.value)}
            placeholder="e.g. 8123456789012345"
            autoFocus
            maxLength={64}
          />
        </Field>
        <Field label={`Product cost (${currency})`}>
          <Input value={cost} onChange={(e) => setCost(e.target.value)} inputMode="decimal" />
        </Field>
        <Field label={`Shipping paid (${currency})`}>
          <Input
            value={shipping}
            onChange={(e) => setShipping(e.target.value)}
            inputMode="decimal"
          />
        </Field>
      </div>
      {problem && (
        <p role="alert" className="text-sm text-rose-700">
          {problem}
        </p>
      )}
      {error !== null && <ErrorPanel error={error} />}
      <div className="flex items-center gap-2">
        <Button type="submit" variant="primary" disabled={busy} className="whitespace-nowrap">
          {busy ? "Recording…" : "Record order"}
        </Button>
        <Button type="button" variant="ghost" onClick={onDone}>
          Cancel
        </Button>
        {estimateCents !== undefined && estimateCents > 0 && (
          <span className="text-xs text-gray-500">
            Catalogue cost {formatMoney(estimateCents, currency)}
          </span>
        )}
      </div>
    </form>
  );
}

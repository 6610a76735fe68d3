import { useState } from "react";
import type { Doc } from "../../../../convex/_generated/dataModel";
import { api } from "../../../../lib/api";
import { formatMoney } from "../../../../lib/money";
import { useStoreMutation } from "../../../app/storeHooks";
import { Button } from "../../../components/Button";
import { Field, Input } from "../../../components/Field";
import { useAftercareCall } from "./useAftercareCall";

/**
 * The team's side of one return: approve (refund once, optional restock, notes for the supplier)
 * or deny with a note the shopper reads; a refund that failed can be retried (still one refund).
 */
export function ReturnDecision({ ret, currency }: { ret: Doc<"returns">; currency: string }) {
  const approve = useStoreMutation(api.returns.approve);
  const deny = useStoreMutation(api.returns.deny);
  const retry = useStoreMutation(api.returns.retryRefund);
  const [note, setNote] = useState("");
  const [supplierNote, setSupplierNote] = useState("");
  const [restock, setRestock] = useState(true);
  const { busy, error, run } = useAftercareCall();
  const refund = formatMoney(ret.refundCents, currency);

  if (ret.status === "refunded" || ret.status === "denied") {
    return (
      <div className="mt-1 space-y-0.5 text-xs text-gray-500" data-testid="return-outcome">
        {ret.status === "refunded" && (
          <p>
            Refunded {refund}
            {ret.paymentRefundRef?.startsWith("offline_refund_")
              ? " · test-payment mode, no money moved"
              : ret.paymentRefundRef
                ? ` · Stripe ${ret.paymentRefundRef}`
                : ""}
            {ret.restock ? " · restocked" : ""}
          </p>
        )}
        {ret.note && <p>Note: {ret.note}</p>}
        {ret.supplierNote && <p>For the supplier: {ret.supplierNote}</p>}
      </div>
    );
  }
  if (ret.status === "approved") {
    return (
      <div className="mt-2 space-y-2 text-sm" data-testid="return-refunding">
        <p className={ret.refundError ? "text-rose-700" : "text-gray-600"} role="status">
          {ret.refundError ? `Refund failed: ${ret.refundError}` : `Refunding ${refund}…`}
        </p>
        {ret.refundError && (
          <Button size="sm" disabled={busy} onClick={() => run(() => retry({ returnId: ret._id }))}>
            Retry refund
          </Button>
        )}
        {error && <p className="text-rose-700">{error}</p>}
      </div>
    );
  }
  return (
    <div className="mt-3 space-y-3" data-testid="return-decision">
      <Field label="Note (the shopper reads it)">
        <Input value={note} onChange={(e) => setNote(e.currentTarget.value)} />
      </Field>
      <Field label="Note for the supplier">
        <Input value={supplierNote} onChange={(e) => setSupplierNote(e.currentTarget.value)} />
      </Field>
      <label className="flex items-center gap-2 text-sm text-gray-700">
        <input
          type="checkbox"
          checked={restock}
          onChange={(e) => setRestock(e.currentTarget.checked)}
        />
        Put the items back in stock
      </label>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      <div className="flex flex-wrap gap-2">
        <Button
          variant="primary"
          disabled={busy}
          onClick={() =>
            run(() =>
              approve({
                returnId: ret._id,
                restock,
                ...(note.trim() ? { note } : {}),
                ...(supplierNote.trim() ? { supplierNote } : {}),
              }),
            )
          }
        >
          Approve and refund {refund}
        </Button>
        <Button
          variant="danger"
          disabled={busy}
          onClick={() => run(() => deny({ returnId: ret._id, note }))}
        >
          Deny
        </Button>
      </div>
    </div>
  );
}

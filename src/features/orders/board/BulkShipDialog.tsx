import { useState } from "react";
import { api } from "../../../../lib/api";
import { useStoreMutation, useStoreQuery } from "../../../app/storeHooks";
import { Button } from "../../../components/Button";
import { Drawer } from "../../../components/Dialog";
import { useToast } from "../../../components/Toast";
import { explainError } from "../../../lib/errors";

const EXAMPLE = "order,tracking,carrier\n1042,1Z999AA10123456784,UPS";

/**
 * Bulk ship: paste or upload a sheet of order and tracking numbers, see what each row will do,
 * then ship the rows that pass. The preview is a live query, so it stays true while others
 * work; apply checks every row again on the server.
 */
export function BulkShipDialog({ onClose }: { onClose: () => void }) {
  const [csv, setCsv] = useState("");
  const [busy, setBusy] = useState(false);
  const preview = useStoreQuery(api.orders.bulkShipPreview, csv.trim() === "" ? "skip" : { csv });
  const apply = useStoreMutation(api.orders.bulkShipApply);
  const toast = useToast();
  const rows = preview.data ?? [];
  const good = rows.filter((r) => r.error === undefined).length;

  async function ship() {
    setBusy(true);
    try {
      const results = await apply({ csv });
      const shipped = results.filter((r) => r.error === undefined).length;
      toast(`${shipped} ${shipped === 1 ? "order" : "orders"} shipped.`);
      onClose();
    } catch (error) {
      toast(explainError(error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <Drawer
      title="Bulk ship"
      description="One row per parcel: order number, tracking number, and the carrier if you know it."
      onClose={onClose}
    >
      <div className="mt-4 space-y-3" data-testid="bulk-ship">
        <textarea
          aria-label="Order and tracking numbers (CSV)"
          className="h-36 w-full rounded-md border border-gray-300 p-2 font-mono text-xs"
          placeholder={EXAMPLE}
          value={csv}
          onChange={(e) => setCsv(e.target.value)}
        />
        <label className="block text-sm text-gray-600">
          or upload a CSV file{" "}
          <input
            type="file"
            accept=".csv,text/csv,text/plain"
            className="mt-1 block text-sm"
            onChange={async (e) => {
              const file = e.target.files?.[0];
              if (file) setCsv(await file.text());
            }}
          />
        </label>
        {preview.status === "error" && (
          <p role="alert" className="text-sm text-rose-700">
            {explainError(preview.error).message}
          </p>
        )}
        {rows.length > 0 && (
          <div className="max-h-80 overflow-y-auto rounded-md border border-gray-200">
            <table className="w-full text-left text-xs" data-testid="bulk-ship-preview">
              <thead className="sticky top-0 bg-gray-50 text-gray-500">
                <tr>
                  <th className="px-2 py-1">Line</th>
                  <th className="px-2 py-1">Order</th>
                  <th className="px-2 py-1">Tracking</th>
                  <th className="px-2 py-1">Result</th>
                </tr>
              </thead>
              <tbody className="divide-y divide-gray-100">
                {rows.map((row) => (
                  <tr key={row.line} className={row.error ? "bg-rose-50" : undefined}>
                    <td className="px-2 py-1 tabular-nums">{row.line}</td>
                    <td className="px-2 py-1">{row.orderNumber}</td>
                    <td className="break-all px-2 py-1 font-mono">
                      {row.trackingNumber}
                      {row.carrier && <span className="text-gray-500"> · {row.carrier}</span>}
                    </td>
                    <td className={`px-2 py-1 ${row.error ? "text-rose-700" : "text-emerald-700"}`}>
                      {row.error ?? "Will ship"}
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" disabled={busy || good === 0} onClick={() => void ship()}>
            {good === 0 ? "Nothing to ship" : `Ship ${good} ${good === 1 ? "order" : "orders"}`}
          </Button>
        </div>
      </div>
    </Drawer>
  );
}

import { type FormEvent, useState } from "react";
import type { Id } from "../../../../convex/_generated/dataModel";
import { api } from "../../../../lib/api";
import { useStoreMutation, useStoreQuery } from "../../../app/storeHooks";
import { Button } from "../../../components/Button";
import { Field, Input, Select } from "../../../components/Field";
import { useAftercareCall } from "./useAftercareCall";

/**
 * A tracking number for the order: the carrier is detected from the number; one that matches no
 * format needs the carrier picked here. Saving marks the order Shipped and tells the customer.
 */
export function AddTracking({
  orderId,
  hasTracking,
}: {
  orderId: Id<"orders">;
  hasTracking: boolean;
}) {
  const add = useStoreMutation(api.tracking.add);
  const carriers = useStoreQuery(api.tracking.carriers, {});
  const [number, setNumber] = useState("");
  const [carrier, setCarrier] = useState("");
  const [saved, setSaved] = useState<string | null>(null);
  const { busy, error, run } = useAftercareCall();

  async function submit(event: FormEvent) {
    event.preventDefault();
    const ok = await run(async () => {
      const result = await add({
        orderId,
        trackingNumber: number,
        ...(carrier ? { carrier } : {}),
      });
      setSaved(`${result.carrier} · ${result.trackingNumber}`);
    });
    if (ok) setNumber("");
  }
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="add-tracking">
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-[2fr_1fr]">
        <Field label={hasTracking ? "Correct the tracking number" : "Tracking number"}>
          <Input
            value={number}
            required
            onChange={(e) => setNumber(e.currentTarget.value)}
            placeholder="1Z…, 9400…, LP…, YT…"
            autoComplete="off"
          />
        </Field>
        <Field label="Carrier">
          <Select value={carrier} onChange={(e) => setCarrier(e.currentTarget.value)}>
            <option value="">Auto-detect</option>
            {(carriers.data ?? []).map((c) => (
              <option key={c.code} value={c.code}>
                {c.name}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      {saved && !error && (
        <p role="status" className="text-sm text-emerald-700">
          Shipped with {saved}. The customer is notified.
        </p>
      )}
      <Button type="submit" variant="primary" disabled={busy || number.trim() === ""}>
        {busy ? "Saving…" : hasTracking ? "Save tracking" : "Mark shipped"}
      </Button>
    </form>
  );
}

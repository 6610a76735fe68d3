import { type FormEvent, useState } from "react";
import { CARRIER_CODES, CARRIERS, resolveTracking } from "../../../../convex/model/carriers";
import { explainError } from "../../../lib/errors";
import type { Doc } from "../../../../lib/api";
import { Button } from "../../../components/Button";
import { Dialog } from "../../../components/Dialog";
import { Field, Input } from "../../../components/Field";
import type { Shipment } from "./useMoveOrder";

/** Moving a card to Shipped asks for what the customer will follow it with. */
export function ShipDialog({
  order,
  onShip,
  onClose,
}: {
  order: Doc<"orders">;
  onShip: (shipment: Shipment) => Promise<boolean>;
  onClose: () => void;
}) {
  const [trackingNumber, setTracking] = useState("");
  const [carrier, setCarrier] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const detected = detectedCarrier(trackingNumber);

  async function submit(event: FormEvent) {
    event.preventDefault();
    // The server's own check, so a typo or an unknown format is caught before anything is sent.
    try {
      resolveTracking(trackingNumber, carrier);
    } catch (err) {
      setError(explainError(err).message);
      return;
    }
    setBusy(true);
    const shipped = await onShip({ trackingNumber, carrier: carrier.trim() || undefined });
    setBusy(false);
    if (shipped) onClose();
  }

  return (
    <Dialog
      title={`Ship #${order.number}`}
      description={`${order.customer.name} gets this tracking number.`}
      onClose={onClose}
    >
      <form className="mt-4 space-y-4" onSubmit={submit} data-testid="ship-dialog">
        <Field label="Tracking number">
          <Input
            value={trackingNumber}
            onChange={(e) => {
              setTracking(e.target.value);
              setError(null);
            }}
            autoFocus
            autoComplete="off"
            aria-invalid={error !== null}
          />
        </Field>
        <Field label="Carrier">
          <Input
            value={carrier}
            onChange={(e) => {
              setCarrier(e.target.value);
              setError(null);
            }}
            placeholder={detected ?? "UPS, DHL, Royal Mail…"}
            list="ship-carriers"
          />
        </Field>
        <datalist id="ship-carriers">
          {CARRIER_CODES.map((code) => (
            <option key={code} value={CARRIERS[code].name} />
          ))}
        </datalist>
        {error && (
          <p role="alert" className="text-sm text-rose-700">
            {error}
          </p>
        )}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Shipping…" : "Mark shipped"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** "UPS (detected)" while the number typed so far matches a carrier's format. */
function detectedCarrier(trackingNumber: string): string | null {
  try {
    return `${resolveTracking(trackingNumber).carrierName} (detected)`;
  } catch {
    return null;
  }
}

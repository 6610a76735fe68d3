import { useMutation } from "convex/react";
import { type FormEvent, useMemo, useState } from "react";
import { api } from "../../lib/api";
import { Button } from "../components/Button";
import { ErrorPanel } from "../components/ErrorPanel";
import { Field, Input, Select } from "../components/Field";

// The currencies most shops start with; the server accepts any ISO 4217 code.
const CURRENCIES = [
  "USD",
  "EUR",
  "GBP",
  "CAD",
  "AUD",
  "NZD",
  "CHF",
  "SEK",
  "NOK",
  "DKK",
  "PLN",
  "JPY",
  "SGD",
  "INR",
  "BRL",
  "MXN",
  "ZAR",
];

function browserZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || "UTC";
}

/** Every IANA zone the browser knows, the browser's own first when missing from the list. */
export function timeZones(): string[] {
  const all = Intl.supportedValuesOf?.("timeZone") ?? [];
  const here = browserZone();
  return all.includes(here) ? all : [here, ...all];
}

/**
 * A new store: name, currency and time zone (the browser's by default). The caller becomes its
 * owner; `onCreated` gets the id so the workspace can switch to it.
 */
export function CreateStoreForm({
  onCreated,
  onCancel,
}: {
  onCreated: (storeId: string) => void;
  onCancel?: () => void;
}) {
  const create = useMutation(api.stores.create);
  const zoneList = useMemo(timeZones, []);
  const [name, setName] = useState("");
  const [currency, setCurrency] = useState("USD");
  const [timezone, setTimezone] = useState(browserZone);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    if (busy) return;
    setBusy(true);
    setError(null);
    try {
      const { storeId } = await create({ name, currency, timezone });
      onCreated(storeId);
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={submit} className="space-y-4 text-left" data-testid="create-store">
      <Field label="Store name">
        <Input
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          minLength={2}
          maxLength={80}
        />
      </Field>
      <div className="grid grid-cols-1 gap-4 sm:grid-cols-2">
        <Field label="Currency">
          <Select value={currency} onChange={(e) => setCurrency(e.target.value)}>
            {CURRENCIES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Time zone">
          <Select value={timezone} onChange={(e) => setTimezone(e.target.value)}>
            {zoneList.map((z) => (
              <option key={z} value={z}>
                {z.replaceAll("_", " ")}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {error !== null && <ErrorPanel error={error} />}
      <div className="flex justify-end gap-3">
        {onCancel && <Button onClick={onCancel}>Cancel</Button>}
        <Button type="submit" variant="primary" disabled={busy}>
          {busy ? "Creating…" : "Create store"}
        </Button>
      </div>
    </form>
  );
}

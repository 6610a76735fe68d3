import { useState } from "react";
import type { Doc } from "../../../../lib/api";
import { Panel } from "../../../components/Panel";

type Address = Doc<"orders">["shippingAddress"];

/** The address in the fields supplier checkout forms ask for, each one click to copy. */
export function addressFields(a: Address, country: string): [string, string][] {
  return [
    ["Name", a.name],
    ["Address line 1", a.line1],
    ["Address line 2", a.line2 ?? ""],
    ["City", a.city],
    ["State / region", a.region ?? ""],
    ["Postal code", a.postalCode],
    ["Country", country],
    ["Phone", a.phone ?? ""],
  ];
}

const countryNames = new Intl.DisplayNames(["en"], { type: "region" });
function countryName(code: string): string {
  try {
    return countryNames.of(code.toUpperCase()) ?? code;
  } catch {
    return code;
  }
}

export function AddressCopy({ address }: { address: Address }) {
  const [copied, setCopied] = useState<string | null>(null);
  const fields = addressFields(address, countryName(address.country));
  const copy = async (label: string, text: string) => {
    await navigator.clipboard?.writeText(text).catch(() => undefined);
    setCopied(label);
    window.setTimeout(() => setCopied((now) => (now === label ? null : now)), 1_500);
  };
  const all = fields
    .filter(([, value]) => value !== "")
    .map(([, value]) => value)
    .join("\n");
  return (
    <Panel title="Shipping address">
      <dl className="divide-y divide-gray-100 text-sm" data-testid="address-copy">
        {fields.map(([label, value]) => (
          <div key={label} className="flex items-center justify-between gap-2 py-1.5">
            <div className="min-w-0">
              <dt className="text-xs text-gray-500">{label}</dt>
              <dd className="truncate text-gray-900">{value || "—"}</dd>
            </div>
            {value !== "" && (
              <button
                type="button"
                onClick={() => copy(label, value)}
                className="shrink-0 rounded px-2 py-1 text-xs font-medium text-indigo-600 hover:bg-indigo-50"
                aria-label={`Copy ${label.toLowerCase()}`}
              >
                {copied === label ? "Copied" : "Copy"}
              </button>
            )}
          </div>
        ))}
      </dl>
      <button
        type="button"
        onClick={() => copy("all", all)}
        className="mt-2 w-full rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-50"
      >
        {copied === "all" ? "Copied the whole address" : "Copy all"}
      </button>
    </Panel>
  );
}

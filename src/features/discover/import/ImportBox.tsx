import { type FormEvent, useState } from "react";
import { Link } from "../../../../lib/router";
import { useCurrentStore } from "../../../app/currentStore";
import { Button } from "../../../components/Button";
import { Field, Input } from "../../../components/Field";
import { explainError } from "../../../lib/errors";
import { productHref } from "../../products/module";
import { ImportStepper } from "./ImportStepper";
import { useRecentImports, useStartImport } from "./useImports";

type Outcome =
  | { kind: "error"; message: string }
  | { kind: "duplicate"; productId: string; title: string }
  | null;

/**
 * Paste an AliExpress or CJ product address → Import. The address is checked first (a bad one
 * says why and creates nothing); then each step of the import shows live below, for every
 * member who has the page open.
 */
export function ImportBox() {
  const { store } = useCurrentStore();
  const start = useStartImport();
  const recent = useRecentImports();
  const [url, setUrl] = useState("");
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    setOutcome(null);
    try {
      const result = await start({ url });
      if (result.kind === "duplicate") {
        setOutcome({ kind: "duplicate", productId: result.productId, title: result.title });
      } else {
        setUrl("");
      }
    } catch (error) {
      setOutcome({ kind: "error", message: explainError(error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="space-y-4" aria-label="Import a product">
      <form
        onSubmit={submit}
        className="rounded-xl border border-gray-200 bg-white p-4 shadow-sm sm:p-5"
      >
        <div className="flex flex-col gap-3 sm:flex-row sm:items-end">
          <Field label="AliExpress or CJ product URL" className="flex-1">
            <Input
              data-testid="import-url"
              type="url"
              inputMode="url"
              placeholder="https://www.aliexpress.com/item/1005006123456789.html"
              value={url}
              onChange={(e) => setUrl(e.target.value)}
              required
            />
          </Field>
          <Button type="submit" variant="primary" disabled={busy || url.trim() === ""}>
            {busy ? "Checking…" : "Import"}
          </Button>
        </div>
        <p className="mt-2 text-xs text-gray-500">
          We read the page's product data, suggest a price with your pricing rules and add a draft
          product; nothing is published.
        </p>
        {outcome?.kind === "error" && (
          <p data-testid="import-error" role="alert" className="mt-3 text-sm text-rose-700">
            {outcome.message}
          </p>
        )}
        {outcome?.kind === "duplicate" && (
          <p data-testid="import-duplicate" className="mt-3 text-sm text-amber-800">
            Already imported as{" "}
            <Link href={productHref(outcome.productId)} className="font-medium underline">
              {outcome.title}
            </Link>
            . Nothing new was created.
          </p>
        )}
      </form>
      {recent.status === "error" && (
        <p className="text-sm text-rose-700">{explainError(recent.error).message}</p>
      )}
      {recent.data && recent.data.length > 0 && (
        <div className="space-y-3">
          <h2 className="text-sm font-semibold text-gray-700">Recent imports</h2>
          {recent.data.map((job) => (
            <ImportStepper key={job._id} job={job} currency={store.currency} />
          ))}
        </div>
      )}
    </section>
  );
}

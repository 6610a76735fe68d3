import { useState } from "react";
import type { BulkAction } from "../../../convex/model/catalogBulk";
import { api, type Id } from "../../../lib/api";
import { readMoneyInput } from "../../../lib/money";
import { countOf } from "../../../lib/plural";
import { useStoreMutation, useStoreQuery } from "../../app/storeHooks";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Field, Input, Select } from "../../components/Field";
import { useToast } from "../../components/Toast";

const NOUN = { one: "product", other: "products" };
const TITLES: Record<BulkAction["kind"], string> = {
  publish: "Publish",
  unpublish: "Unpublish (back to draft)",
  archive: "Archive",
  delete: "Delete",
  price: "Change price",
};

/** The bulk bar's buttons for the ticked products; each previews before it applies. */
export function BulkActions({
  keys,
  currency,
  onDone,
}: {
  keys: string[];
  currency: string;
  onDone: () => void;
}) {
  const [action, setAction] = useState<BulkAction | "price-form" | null>(null);
  const feature = useStoreMutation(api.catalog.setFeaturedProduct);
  const toast = useToast();
  const ids = keys as Id<"products">[];
  async function featureAll() {
    let done = 0;
    try {
      for (const productId of ids) {
        await feature({ productId, featured: true });
        done++;
      }
      toast(`Featured ${countOf(done, NOUN)}.`);
    } catch (e) {
      toast(
        `Featured ${countOf(done, NOUN)}; then: ${(e as { data?: { message?: string } }).data?.message ?? String(e)}`,
      );
    }
  }
  return (
    <>
      {(["publish", "unpublish", "archive"] as const).map((kind) => (
        <Button key={kind} size="sm" onClick={() => setAction({ kind })}>
          {kind === "unpublish" ? "Unpublish" : TITLES[kind]}
        </Button>
      ))}
      <Button size="sm" onClick={() => setAction("price-form")}>
        Change price
      </Button>
      <Button size="sm" onClick={() => void featureAll()}>
        Feature
      </Button>
      <Button size="sm" variant="danger" onClick={() => setAction({ kind: "delete" })}>
        Delete
      </Button>
      {action === "price-form" && (
        <PriceChangeForm
          currency={currency}
          onCancel={() => setAction(null)}
          onPreview={(a) => setAction(a)}
        />
      )}
      {action !== null && action !== "price-form" && (
        <BulkPreview
          ids={ids}
          action={action}
          onClose={() => setAction(null)}
          onApplied={() => {
            setAction(null);
            onDone();
          }}
        />
      )}
    </>
  );
}

function PriceChangeForm({
  currency,
  onCancel,
  onPreview,
}: {
  currency: string;
  onCancel: () => void;
  onPreview: (action: BulkAction) => void;
}) {
  const [by, setBy] = useState<"percent" | "amount">("percent");
  const [direction, setDirection] = useState<"up" | "down">("down");
  const [value, setValue] = useState("10");
  const [problem, setProblem] = useState<string>();
  function submit(e: React.FormEvent) {
    e.preventDefault();
    // Read as a two-decimal number: "12.5" % is 1,250 basis points; an amount is in cents.
    const read = readMoneyInput(value, by === "percent" ? "USD" : currency);
    if ("problem" in read) return setProblem(read.problem);
    if (read.cents === 0) return setProblem("Type a change above zero.");
    const sign = direction === "up" ? 1 : -1;
    onPreview(
      by === "percent"
        ? { kind: "price", by, bps: sign * read.cents }
        : { kind: "price", by, cents: sign * read.cents },
    );
  }
  return (
    <Dialog
      title="Change price"
      description="Preview the new prices before applying."
      onClose={onCancel}
    >
      <form
        onSubmit={submit}
        data-testid="price-change-form"
        className="mt-4 grid grid-cols-3 gap-3"
      >
        <Field label="Direction">
          <Select value={direction} onChange={(e) => setDirection(e.target.value as "up" | "down")}>
            <option value="down">Lower</option>
            <option value="up">Raise</option>
          </Select>
        </Field>
        <Field label="By">
          <Input inputMode="decimal" value={value} onChange={(e) => setValue(e.target.value)} />
        </Field>
        <Field label="Unit">
          <Select value={by} onChange={(e) => setBy(e.target.value as "percent" | "amount")}>
            <option value="percent">%</option>
            <option value="amount">amount</option>
          </Select>
        </Field>
        {problem && (
          <p role="alert" className="col-span-3 text-sm text-rose-700">
            {problem}
          </p>
        )}
        <div className="col-span-3 mt-2 flex justify-end gap-3">
          <Button onClick={onCancel}>Cancel</Button>
          <Button type="submit" variant="primary">
            Preview
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

/** The server's plan, live (a teammate's change updates it), then the same plan applied. */
function BulkPreview({
  ids,
  action,
  onClose,
  onApplied,
}: {
  ids: Id<"products">[];
  action: BulkAction;
  onClose: () => void;
  onApplied: () => void;
}) {
  const preview = useStoreQuery(api.catalog.bulkPreview, { productIds: ids, action });
  const apply = useStoreMutation(api.catalog.bulkApply);
  const toast = useToast();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const rows = preview.data ?? [];
  const ok = rows.filter((r) => r.ok).length;
  async function run() {
    setBusy(true);
    setError(null);
    try {
      const done = await apply({ productIds: ids, action });
      const applied = done.filter((r) => r.ok).length;
      const refused = done.length - applied;
      toast(
        `${TITLES[action.kind]}: ${countOf(applied, NOUN)} changed${refused ? `, ${refused} refused` : ""}.`,
      );
      onApplied();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }
  return (
    <Dialog
      title={`${TITLES[action.kind]}: preview`}
      description={
        preview.status === "success"
          ? `${countOf(ok, NOUN)} will change; ${rows.length - ok} refused.`
          : "Working out what would change…"
      }
      onClose={onClose}
    >
      <div className="mt-4 max-h-[50vh] overflow-y-auto" data-testid="bulk-preview">
        {preview.status === "error" && <ErrorPanel error={preview.error} />}
        <table className="w-full table-fixed text-sm">
          <thead className="text-left text-xs text-gray-500">
            <tr>
              <th className="pb-1 font-medium">Product</th>
              <th className="w-32 pb-1 text-right font-medium sm:w-40">Change</th>
            </tr>
          </thead>
          <tbody className="divide-y divide-gray-100">
            {rows.map((r) => (
              <tr key={r.productId} data-testid="bulk-preview-row" data-ok={r.ok}>
                <td className="truncate py-1.5 pr-2 text-gray-900" title={r.title}>
                  {r.title}
                  {!r.ok && <p className="whitespace-normal text-xs text-rose-700">{r.reason}</p>}
                </td>
                <td className="py-1.5 text-right tabular-nums">
                  {r.ok ? (
                    <span>
                      <span className="text-gray-500">{r.from}</span> →{" "}
                      <span className="font-medium text-gray-900">{r.to}</span>
                    </span>
                  ) : (
                    <span className="text-rose-700">refused</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {error !== null && (
        <div className="mt-3">
          <ErrorPanel error={error} />
        </div>
      )}
      <div className="mt-6 flex justify-end gap-3">
        <Button onClick={onClose}>Cancel</Button>
        <Button
          variant={action.kind === "delete" ? "danger" : "primary"}
          disabled={busy || ok === 0}
          onClick={() => void run()}
        >
          {busy ? "Applying…" : `Apply to ${countOf(ok, NOUN)}`}
        </Button>
      </div>
    </Dialog>
  );
}

import { type FormEvent, useState } from "react";
import { type ProductStatus, PRODUCT_STATUSES } from "../../../convex/model/validators";
import type { Doc } from "../../../lib/api";
import { MAX_PRICE_CENTS } from "../../../convex/model/catalog";
import { centsToInput, formatMoney, readMoneyInput } from "../../../lib/money";
import { useCurrentStore } from "../../app/currentStore";
import { useMarkEditing } from "../../app/presence/usePresence";
import { RecordPresenceNote } from "../../app/presence/RecordPresenceNote";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Field, Input, Select } from "../../components/Field";
import { useToast } from "../../components/Toast";
import { PRODUCT_STATUS } from "./productStatus";
import { useUpdateProduct } from "./useProducts";

/**
 * The list's quick edit (catalog:update): title, price, stock, status. Every open screen that
 * shows the product updates when it saves, this one included; no local copy to keep in sync.
 */
export function QuickEdit({ product, onClose }: { product: Doc<"products">; onClose: () => void }) {
  const { currency } = useCurrentStore();
  const update = useUpdateProduct();
  const toast = useToast();
  const [title, setTitle] = useState(product.title);
  const [price, setPrice] = useState(centsToInput(product.priceCents, currency));
  const [stock, setStock] = useState(String(product.stock));
  const [status, setStatus] = useState<ProductStatus>(product.status);
  const [clearWas, setClearWas] = useState(false);
  const hasWas = product.variants.some((v) => v.compareAtCents !== undefined);
  const [error, setError] = useState<unknown>(null);
  const [inputProblem, setInputProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const singleVariant = product.variants.length <= 1;
  useMarkEditing();

  async function save(e: FormEvent) {
    e.preventDefault();
    const read = readMoneyInput(price, currency, { maxCents: MAX_PRICE_CENTS });
    if ("problem" in read) {
      setInputProblem(read.problem);
      return;
    }
    const priceCents = read.cents;
    if (priceCents === 0) {
      setInputProblem("A price must be above zero.");
      return;
    }
    const was = product.variants.find((v) => v.compareAtCents !== undefined)?.compareAtCents;
    if (!clearWas && was !== undefined && priceCents >= was) {
      setInputProblem(
        `The sale price must be below the 'was' price (${formatMoney(was, currency)}). Lower it, or tick “Clear the 'was' price”.`,
      );
      return;
    }
    const stockCount = Number(stock);
    if (!Number.isInteger(stockCount) || stockCount < 0) {
      setInputProblem("Stock must be a whole number, 0 or more.");
      return;
    }
    setInputProblem(undefined);
    const patch = {
      ...(title.trim() !== product.title ? { title } : {}),
      ...(priceCents !== product.priceCents ? { priceCents } : {}),
      ...(stockCount !== product.stock ? { stock: stockCount } : {}),
      ...(status !== product.status ? { status } : {}),
      ...(clearWas ? { clearCompareAt: true } : {}),
    };
    if (Object.keys(patch).length === 0) return onClose();
    setSaving(true);
    setError(null);
    try {
      const saved = await update({ productId: product._id, patch });
      toast(`Saved “${saved.title}”.`);
      onClose();
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  }

  return (
    <Dialog title="Quick edit" description={`/p/${product.slug}`} onClose={onClose}>
      <form onSubmit={save} data-testid="quick-edit">
        <div className="mt-4">
          <RecordPresenceNote recordId={product._id} noun="product" />
        </div>
        <Field label="Title" className="mt-5">
          <Input value={title} onChange={(e) => setTitle(e.target.value)} required />
        </Field>
        <div className="mt-4 grid grid-cols-2 gap-4">
          <Field label={`Price (${currency})`}>
            <Input
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
              required
            />
          </Field>
          <Field label="Stock">
            <Input inputMode="numeric" value={stock} onChange={(e) => setStock(e.target.value)} />
          </Field>
        </div>
        {hasWas && (
          <label className="mt-2 flex items-center gap-2 text-sm text-gray-700">
            <input
              type="checkbox"
              checked={clearWas}
              onChange={(e) => setClearWas(e.target.checked)}
            />
            Clear the 'was' price (end the sale)
          </label>
        )}
        {!singleVariant && (
          <p className="mt-2 text-xs text-gray-500">
            {product.variants.length} variants: a new price applies to all of them; stock can only
            be set to 0 (sold out) here.
          </p>
        )}
        <Field label="Status" className="mt-4">
          <Select value={status} onChange={(e) => setStatus(e.target.value as ProductStatus)}>
            {PRODUCT_STATUSES.map((s) => (
              <option key={s} value={s}>
                {PRODUCT_STATUS[s].label} — {PRODUCT_STATUS[s].meaning}
              </option>
            ))}
          </Select>
        </Field>

        {inputProblem && (
          <p role="alert" className="mt-4 text-sm text-rose-700">
            {inputProblem}
          </p>
        )}
        {error !== null && (
          <div className="mt-4">
            <ErrorPanel error={error} />
          </div>
        )}
        <div className="mt-6 flex justify-end gap-3">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={saving}>
            {saving ? "Saving…" : "Save"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

import { useMutation } from "convex/react";
import { type FormEvent, useEffect, useRef, useState } from "react";
import { useCurrentStore } from "../../app/currentStore";
import { ErrorPanel } from "../../components/ErrorPanel";
import { api, type Doc } from "../../../lib/api";
import { centsToInput, parseMoneyInput } from "../../../lib/money";

type Status = Doc<"products">["status"];

/**
 * The grid's quick edit (catalog:update): title, price, stock, status. Every open screen that
 * shows the product updates when it saves, this one included; no local copy to keep in sync.
 */
export function QuickEdit({
  product,
  currency,
  onClose,
}: {
  product: Doc<"products">;
  currency: string;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const update = useMutation(api.catalog.update);
  const dialog = useRef<HTMLDialogElement>(null);
  const [title, setTitle] = useState(product.title);
  const [price, setPrice] = useState(centsToInput(product.priceCents, currency));
  const [stock, setStock] = useState(String(product.stock));
  const [status, setStatus] = useState<Status>(product.status);
  const [error, setError] = useState<unknown>(null);
  const [inputProblem, setInputProblem] = useState<string>();
  const [saving, setSaving] = useState(false);
  const singleVariant = product.variants.length <= 1;

  useEffect(() => {
    dialog.current?.showModal();
  }, []);

  async function save(e: FormEvent) {
    e.preventDefault();
    const priceCents = parseMoneyInput(price, currency);
    if (priceCents === null) {
      setInputProblem(`“${price}” is not a price. Type an amount such as 12.50.`);
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
    };
    if (Object.keys(patch).length === 0) return onClose();
    setSaving(true);
    setError(null);
    try {
      await update({ storeId: store.storeId, productId: product._id, patch });
      onClose();
    } catch (err) {
      setError(err);
      setSaving(false);
    }
  }

  const input =
    "mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 disabled:bg-gray-50 disabled:text-gray-500";
  return (
    <dialog
      ref={dialog}
      onClose={onClose}
      aria-labelledby="quick-edit-title"
      className="w-[calc(100%-2rem)] max-w-md rounded-xl p-0 shadow-xl backdrop:bg-gray-900/40"
    >
      <form onSubmit={save} className="p-6" data-testid="quick-edit">
        <h2 id="quick-edit-title" className="text-lg font-semibold text-gray-900">
          Quick edit
        </h2>
        <p className="text-sm text-gray-500">/p/{product.slug}</p>

        <label className="mt-5 block text-sm font-medium text-gray-700">
          Title
          <input
            className={input}
            value={title}
            onChange={(e) => setTitle(e.target.value)}
            required
          />
        </label>
        <div className="mt-4 grid grid-cols-2 gap-4">
          <label className="block text-sm font-medium text-gray-700">
            Price ({currency})
            <input
              className={input}
              inputMode="decimal"
              value={price}
              onChange={(e) => setPrice(e.target.value)}
              required
            />
          </label>
          <label className="block text-sm font-medium text-gray-700">
            Stock
            <input
              className={input}
              inputMode="numeric"
              value={stock}
              onChange={(e) => setStock(e.target.value)}
            />
          </label>
        </div>
        {!singleVariant && (
          <p className="mt-2 text-xs text-gray-500">
            {product.variants.length} variants: a new price applies to all of them; stock can only
            be set to 0 (sold out) here.
          </p>
        )}
        <label className="mt-4 block text-sm font-medium text-gray-700">
          Status
          <select
            className={input}
            value={status}
            onChange={(e) => setStatus(e.target.value as Status)}
          >
            <option value="active">Active — shown on the storefront</option>
            <option value="draft">Draft — hidden</option>
            <option value="archived">Archived — hidden</option>
          </select>
        </label>

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
          <button
            type="button"
            onClick={onClose}
            className="rounded-md border border-gray-300 bg-white px-4 py-2 text-sm font-medium text-gray-700 hover:bg-gray-50"
          >
            Cancel
          </button>
          <button
            type="submit"
            disabled={saving}
            className="rounded-md bg-indigo-600 px-4 py-2 text-sm font-semibold text-white shadow-sm hover:bg-indigo-700 disabled:opacity-60"
          >
            {saving ? "Saving…" : "Save"}
          </button>
        </div>
      </form>
    </dialog>
  );
}

import { type FormEvent, useState } from "react";
import { api, type Id } from "../../../lib/api";
import { formatMoney, parseMoneyInput } from "../../../lib/money";
import { navigate } from "../../../lib/router";
import { useCurrentStore } from "../../app/currentStore";
import { useStorePaginatedQuery, useStoreQuery } from "../../app/storeHooks";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Field, Input, Select } from "../../components/Field";
import { pricingHref } from "./module";
import { useCreatePriceTest } from "./usePricing";

type Challenger = { label: string; price: string };

/** A draft test: today's price as the control plus 1–3 prices to try, none under the floor. */
export function NewTestDialog({ onClose }: { onClose: () => void }) {
  const { currency } = useCurrentStore();
  const products = useStorePaginatedQuery(api.catalog.list, { status: "active" }, 200);
  const [productId, setProductId] = useState("");
  const pricing = useStoreQuery(
    api.pricing.forProduct,
    productId ? { productId: productId as Id<"products"> } : "skip",
  );
  const [challengers, setChallengers] = useState<Challenger[]>([{ label: "B", price: "" }]);
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const create = useCreatePriceTest();
  const product = products.results.find((p) => p._id === productId);
  const floor = pricing.data?.suggestion?.floorCents;

  const set = (i: number, patch: Partial<Challenger>) =>
    setChallengers(challengers.map((c, j) => (j === i ? { ...c, ...patch } : c)));

  async function save(e: FormEvent) {
    e.preventDefault();
    if (!productId) return setProblem("Pick a product to test.");
    const parsed = [];
    for (const c of challengers) {
      const priceCents = parseMoneyInput(c.price, currency);
      if (priceCents === null)
        return setProblem(`“${c.price}” is not a price for ${c.label || "an arm"}.`);
      parsed.push({ label: c.label, priceCents });
    }
    setProblem(undefined);
    setError(null);
    setBusy(true);
    try {
      const testId = await create({ productId: productId as Id<"products">, challengers: parsed });
      navigate(pricingHref("tests", testId));
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog
      title="New price test"
      description="Visitors are split evenly between the prices."
      onClose={onClose}
    >
      <form onSubmit={save} className="mt-4 space-y-4" data-testid="new-test-form">
        <Field label="Product">
          <Select value={productId} onChange={(e) => setProductId(e.target.value)}>
            <option value="">Choose a product…</option>
            {products.results.map((p) => (
              <option key={p._id} value={p._id}>
                {p.title}
              </option>
            ))}
          </Select>
        </Field>
        {product && (
          <p className="text-sm text-gray-600" data-testid="test-floor">
            Control (A): today's {formatMoney(product.priceCents, currency)}.{" "}
            {floor !== undefined
              ? `Price floor: ${formatMoney(floor, currency)} — no arm may go below it.`
              : pricing.status === "success"
                ? "No supplier cost yet: add one so prices can be checked against the floor."
                : ""}
          </p>
        )}
        {challengers.map((c, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: rows are only appended or removed at the end
          <div key={i} className="grid grid-cols-[1fr_1fr_auto] items-end gap-3">
            <Field label={`Arm ${String.fromCharCode(66 + i)} label`}>
              <Input
                value={c.label}
                maxLength={40}
                onChange={(e) => set(i, { label: e.target.value })}
              />
            </Field>
            <Field label={`Price (${currency})`}>
              <Input
                inputMode="decimal"
                value={c.price}
                required
                onChange={(e) => set(i, { price: e.target.value })}
              />
            </Field>
            <Button
              size="sm"
              variant="ghost"
              className="mb-1"
              disabled={challengers.length === 1}
              onClick={() => setChallengers(challengers.filter((_, j) => j !== i))}
              aria-label={`Remove arm ${String.fromCharCode(66 + i)}`}
            >
              Remove
            </Button>
          </div>
        ))}
        {challengers.length < 3 && (
          <Button
            size="sm"
            onClick={() =>
              setChallengers([
                ...challengers,
                { label: String.fromCharCode(66 + challengers.length), price: "" },
              ])
            }
          >
            Add a price
          </Button>
        )}
        {problem && (
          <p role="alert" className="text-sm text-rose-700">
            {problem}
          </p>
        )}
        {error !== null && <ErrorPanel error={error} />}
        <div className="flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Creating…" : "Create draft"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

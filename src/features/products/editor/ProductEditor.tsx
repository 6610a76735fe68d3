import { type FormEvent, useEffect, useState } from "react";
import { SEO_ADVISED, unitEconomics } from "../../../../convex/model/productRules";
import { PRODUCT_STATUSES } from "../../../../convex/model/validators";
import { api, type Doc } from "../../../../lib/api";
import { formatBasisPoints, formatMoney, readMoneyInput } from "../../../../lib/money";
import { navigate, setLeaveGuard } from "../../../../lib/router";
import { useCurrentStore } from "../../../app/currentStore";
import { modulePath } from "../../../app/module";
import { RecordPresenceNote } from "../../../app/presence/RecordPresenceNote";
import { useMarkEditing } from "../../../app/presence/usePresence";
import { useStoreMutation } from "../../../app/storeHooks";
import { Button } from "../../../components/Button";
import { ErrorPanel } from "../../../components/ErrorPanel";
import { Field, Input, Select } from "../../../components/Field";
import { PageHeader } from "../../../components/PageHeader";
import { useToast } from "../../../components/Toast";
import { errorKind } from "../../../../convex/model/errors";
import { productHref, productsModule } from "../module";
import { PRODUCT_STATUS } from "../productStatus";
import { ConflictPanel } from "./ConflictPanel";
import { type Draft, DraftProblem, draftOf, inputOf } from "./editorDraft";
import { ImagesField } from "./ImagesField";
import { VariantsField } from "./VariantsField";
import { AiDraftsFor } from "../../ai/AiDraftsFor";

const LEAVE = "You have unsaved changes to this product. Leave without saving them?";
const TEXTAREA =
  "mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200";

/**
 * The product editor. `live` is the product as the server has it now (null: a new product); the
 * form starts from it and keeps the version it started from (`base`), so a save that would
 * overwrite someone else's change is refused (CONFLICT) and shown instead.
 */
export function ProductEditor({ live }: { live: Doc<"products"> | null }) {
  const { currency } = useCurrentStore();
  const toast = useToast();
  const create = useStoreMutation(api.catalog.create);
  const save = useStoreMutation(api.catalog.save);
  const [base, setBase] = useState(live);
  const [saved, setSaved] = useState(() => draftOf(live, currency));
  const [draft, setDraft] = useState(saved);
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [conflict, setConflict] = useState(false);
  const [busy, setBusy] = useState(false);
  const dirty = JSON.stringify(draft) !== JSON.stringify(saved);
  useMarkEditing();

  // Leaving with unsaved edits asks first: links in the app, Back, reload and closing the tab.
  useEffect(() => {
    if (!dirty) return;
    setLeaveGuard(() => window.confirm(LEAVE));
    const unload = (e: BeforeUnloadEvent) => {
      e.preventDefault();
      e.returnValue = LEAVE;
    };
    window.addEventListener("beforeunload", unload);
    return () => {
      setLeaveGuard(null);
      window.removeEventListener("beforeunload", unload);
    };
  }, [dirty]);

  // A refusal is about the values it was given: editing them clears it.
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on each edit of the draft
  useEffect(() => {
    setProblem(undefined);
    setError(null);
  }, [draft]);

  const set = <K extends keyof Draft>(key: K, value: Draft[K]) =>
    setDraft((d) => ({ ...d, [key]: value }));
  const changedSince = base !== null && live !== null && live.updatedAt !== base.updatedAt;

  // An AI draft this member accepted (or undid) is adopted into an unedited form at once;
  // with unsaved edits the conflict panel shows both versions instead.
  const [adoptLive, setAdoptLive] = useState(false);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs when the live version moves
  useEffect(() => {
    if (!adoptLive || !changedSince) return;
    setAdoptLive(false);
    if (!dirty) reloadTheirs();
  }, [adoptLive, changedSince]);

  async function submit(e?: FormEvent, from: Doc<"products"> | null = base) {
    e?.preventDefault();
    setProblem(undefined);
    setError(null);
    let input: ReturnType<typeof inputOf>;
    try {
      input = inputOf(draft, currency);
    } catch (err) {
      if (err instanceof DraftProblem) return setProblem(err.message);
      throw err;
    }
    setBusy(true);
    try {
      if (from === null) {
        const productId = await create({ product: input });
        setLeaveGuard(null);
        setSaved(draft);
        toast(`Created “${input.title.trim()}”.`);
        navigate(productHref(productId), { replace: true });
        return;
      }
      const result = await save({
        productId: from._id,
        baseUpdatedAt: from.updatedAt,
        baseStock: from.variants.map(({ sku, stock }) => ({ sku, stock })),
        product: input,
      });
      const next = draftOf(result, currency);
      setBase(result);
      setSaved(next);
      setDraft(next);
      setConflict(false);
      toast(`Saved “${result.title}”.`);
    } catch (err) {
      if (errorKind(err) === "CONFLICT") setConflict(true);
      else setError(err);
    } finally {
      setBusy(false);
    }
  }

  function reloadTheirs() {
    if (live === null) return;
    const next = draftOf(live, currency);
    setBase(live);
    setSaved(next);
    setDraft(next);
    setConflict(false);
  }

  const cheapest = cheapestPrice(draft, currency);
  const cost = readMoneyInput(draft.cost, currency);
  const economics =
    cheapest === null
      ? null
      : unitEconomics(cheapest, "cents" in cost && draft.cost.trim() ? cost.cents : undefined);

  return (
    <form onSubmit={(e) => void submit(e)} data-testid="product-editor" noValidate>
      <PageHeader
        title={base === null ? "Add product" : draft.title.trim() || "Untitled product"}
        summary={base === null ? "A new product starts as a draft." : `/p/${base.slug}`}
        actions={
          <div className="flex items-center gap-2">
            {dirty && (
              <span className="text-xs text-amber-700" data-testid="unsaved">
                Unsaved changes
              </span>
            )}
            <Button onClick={() => navigate(modulePath(productsModule))}>Back to products</Button>
            <Button type="submit" variant="primary" disabled={busy}>
              {busy ? "Saving…" : "Save"}
            </Button>
          </div>
        }
      />
      {base !== null && (
        <div className="mb-4">
          <RecordPresenceNote recordId={base._id} noun="product" />
        </div>
      )}
      {(conflict || changedSince) && live !== null && base !== null && (
        <ConflictPanel
          base={base}
          live={live}
          refused={conflict}
          busy={busy}
          onReload={reloadTheirs}
          onReapply={() => void submit(undefined, live)}
        />
      )}
      {problem && (
        <p role="alert" className="mb-4 rounded-md bg-rose-50 px-3 py-2 text-sm text-rose-800">
          {problem}
        </p>
      )}
      {error !== null && (
        <div className="mb-4">
          <ErrorPanel error={error} />
        </div>
      )}

      <div className="grid gap-4 lg:grid-cols-3">
        <div className="space-y-4 lg:col-span-2">
          <Section title="Basics">
            <Field label="Title">
              <Input value={draft.title} onChange={(e) => set("title", e.target.value)} />
            </Field>
            <div className="mt-4">
              <label className="block text-sm font-medium text-gray-700" htmlFor="description">
                Description
              </label>
              <textarea
                id="description"
                rows={6}
                className={TEXTAREA}
                value={draft.description}
                onChange={(e) => set("description", e.target.value)}
              />
              <Counter length={draft.description.length} max={20_000} />
            </div>
          </Section>
          <Section title="Images">
            <ImagesField
              images={draft.images}
              title={draft.title}
              onChange={(images) =>
                // A variant whose picture was removed falls back to the main picture.
                setDraft((d) => ({
                  ...d,
                  images,
                  variants: d.variants.map((v) =>
                    images.some((i) => i.url === v.imageUrl) ? v : { ...v, imageUrl: "" },
                  ),
                }))
              }
            />
          </Section>
          <Section title="Variants">
            <VariantsField draft={draft} currency={currency} onChange={(d) => setDraft(d)} />
          </Section>
          <Section title="Search engines">
            <Field label="SEO title">
              <Input value={draft.seoTitle} onChange={(e) => set("seoTitle", e.target.value)} />
            </Field>
            <Counter length={draft.seoTitle.length} max={70} advised={SEO_ADVISED.title} />
            <div className="mt-3">
              <label className="block text-sm font-medium text-gray-700" htmlFor="seo-description">
                SEO description
              </label>
              <textarea
                id="seo-description"
                rows={3}
                className={TEXTAREA}
                value={draft.seoDescription}
                onChange={(e) => set("seoDescription", e.target.value)}
              />
              <Counter
                length={draft.seoDescription.length}
                max={320}
                advised={SEO_ADVISED.description}
              />
            </div>
          </Section>
        </div>

        <div className="space-y-4">
          {base !== null && (
            <Section title="AI drafts">
              <AiDraftsFor table="products" id={base._id} onAccepted={() => setAdoptLive(true)} />
            </Section>
          )}
          <Section title="Status">
            <Field label="Status">
              <Select
                value={draft.status}
                onChange={(e) => set("status", e.target.value as Draft["status"])}
              >
                {PRODUCT_STATUSES.map((s) => (
                  <option key={s} value={s}>
                    {PRODUCT_STATUS[s].label} — {PRODUCT_STATUS[s].meaning}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="URL slug" className="mt-3">
              <Input
                value={draft.slug}
                placeholder="made from the title"
                onChange={(e) => set("slug", e.target.value)}
              />
            </Field>
            <Field label="Sale ends" className="mt-3">
              <Input
                type="datetime-local"
                value={draft.saleEndsAt}
                onChange={(e) => set("saleEndsAt", e.target.value)}
              />
            </Field>
            <p className="mt-1 text-xs text-gray-500">
              The storefront shows a countdown only while a sale end is set and ahead.
            </p>
          </Section>
          <Section title="Cost and profit">
            <Field label="Supplier URL">
              <Input
                type="url"
                value={draft.supplierUrl}
                placeholder="https://"
                onChange={(e) => set("supplierUrl", e.target.value)}
              />
            </Field>
            <Field label={`Supplier cost (${currency})`} className="mt-3">
              <Input
                inputMode="decimal"
                value={draft.cost}
                onChange={(e) => set("cost", e.target.value)}
              />
            </Field>
            <dl className="mt-3 grid grid-cols-2 gap-y-1 text-sm" data-testid="profit">
              <dt className="text-gray-500">Price (from)</dt>
              <dd className="text-right tabular-nums">
                {cheapest === null ? "—" : formatMoney(cheapest, currency)}
              </dd>
              <dt className="text-gray-500">Payment fees (2.9% + 30¢)</dt>
              <dd className="text-right tabular-nums">
                {economics ? formatMoney(economics.feesCents, currency) : "—"}
              </dd>
              <dt className="font-medium text-gray-700">Profit per unit</dt>
              <dd
                className={`text-right font-medium tabular-nums ${
                  (economics?.profitCents ?? 0) < 0 ? "text-rose-700" : "text-gray-900"
                }`}
                data-testid="profit-per-unit"
              >
                {economics?.profitCents === undefined
                  ? "add a cost"
                  : formatMoney(economics.profitCents, currency)}
              </dd>
              <dt className="text-gray-500">Margin</dt>
              <dd className="text-right tabular-nums" data-testid="margin">
                {economics?.marginBps === undefined ? "—" : formatBasisPoints(economics.marginBps)}
              </dd>
            </dl>
          </Section>
          <Section title="Organisation">
            <Field label="Category">
              <Input value={draft.category} onChange={(e) => set("category", e.target.value)} />
            </Field>
            <Field label="Tags (comma-separated)" className="mt-3">
              <Input value={draft.tags} onChange={(e) => set("tags", e.target.value)} />
            </Field>
          </Section>
        </div>
      </div>
    </form>
  );
}

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="rounded-xl border border-gray-200 bg-white p-4 shadow-sm">
      <h2 className="mb-3 text-sm font-semibold text-gray-900">{title}</h2>
      {children}
    </section>
  );
}

function Counter({ length, max, advised }: { length: number; max: number; advised?: number }) {
  const tone =
    length > max
      ? "text-rose-700"
      : advised !== undefined && length > advised
        ? "text-amber-700"
        : "text-gray-500";
  return (
    <p className={`mt-1 text-right text-xs tabular-nums ${tone}`} data-testid="counter">
      {length.toLocaleString()} / {(advised ?? max).toLocaleString()}
      {advised !== undefined && length > advised && length <= max && " — search results may cut it"}
      {length > max && ` — over the ${max.toLocaleString()} limit`}
    </p>
  );
}

function cheapestPrice(draft: Draft, currency: string): number | null {
  const prices = draft.variants
    .map((v) => readMoneyInput(v.price, currency))
    .filter((r): r is { cents: number } => "cents" in r)
    .map((r) => r.cents);
  return prices.length === 0 ? null : Math.min(...prices);
}

import { centsToInput, parseMoneyInput } from "../../../lib/money";
import { useCurrentStore } from "../../app/currentStore";
import { Field, Input } from "../../components/Field";
import { Panel } from "../../components/Panel";
import { SaveRow } from "./SaveRow";
import { type StoreSettings, useSectionForm, useUpdateShipping } from "./useStoreSettings";

/** What shoppers pay for shipping, what it costs the store, and the margin pricing aims for. */
export function ShippingPanel({
  settings,
  editable,
}: {
  settings: StoreSettings;
  editable: boolean;
}) {
  const { currency, can } = useCurrentStore();
  const update = useUpdateShipping();
  const s = settings.shipping;
  const costs = can("costs.view");
  const money = (text: string, label: string, optional: boolean) => {
    if (optional && text.trim() === "") return undefined;
    const cents = parseMoneyInput(text, currency);
    if (cents === null) throw new Error(`${label}: “${text}” is not an amount such as 4.99.`);
    return cents;
  };
  const form = useSectionForm(
    {
      flat: centsToInput(s.flatShippingCents, currency),
      threshold:
        s.freeShippingThresholdCents === undefined
          ? ""
          : centsToInput(s.freeShippingThresholdCents, currency),
      cost: s.shippingCostCents === undefined ? "" : centsToInput(s.shippingCostCents, currency),
      margin: s.targetMarginBps === undefined ? "" : String(s.targetMarginBps / 100),
    },
    async (draft) => {
      const margin = Number(draft.margin);
      if (draft.margin.trim() === "" || !Number.isFinite(margin)) {
        throw new Error(`Target margin: “${draft.margin}” is not a percent such as 50.`);
      }
      await update({
        flatShippingCents: money(draft.flat, "Flat rate", false)!,
        freeShippingThresholdCents: money(draft.threshold, "Free shipping over", true),
        shippingCostCents: money(draft.cost, "Your cost per unit", true),
        targetMarginBps: Math.round(margin * 100),
      });
    },
    "Shipping saved",
  );
  return (
    <Panel title="Shipping and margin">
      <form
        onSubmit={form.submit}
        className="grid grid-cols-1 gap-4 sm:grid-cols-2"
        data-testid="shipping-form"
      >
        <fieldset disabled={!editable} className="contents">
          <Field label={`Flat shipping rate (${currency})`}>
            <Input inputMode="decimal" value={form.draft.flat} onChange={form.set("flat")} />
          </Field>
          <Field label={`Free shipping over (${currency})`}>
            <Input
              inputMode="decimal"
              value={form.draft.threshold}
              onChange={form.set("threshold")}
              placeholder="Never free"
            />
          </Field>
          {costs && (
            <>
              <Field label={`Your shipping cost per unit (${currency})`}>
                <Input
                  inputMode="decimal"
                  value={form.draft.cost}
                  onChange={form.set("cost")}
                  placeholder="Same as the flat rate"
                />
              </Field>
              <Field label="Target margin (%)">
                <Input
                  inputMode="decimal"
                  value={form.draft.margin}
                  onChange={form.set("margin")}
                />
              </Field>
              <p className="text-xs text-gray-500 sm:col-span-2">
                Pricing uses your shipping cost and target margin for suggested prices and the price
                floor.
              </p>
            </>
          )}
          {editable && costs && <SaveRow label="Save shipping" {...form} />}
        </fieldset>
      </form>
    </Panel>
  );
}

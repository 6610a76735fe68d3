import { formatMoney } from "../../lib/money";
import type { Quote } from "../checkoutApi";

/** Subtotal → total, exactly as the server priced it. */
export function Totals({
  quote,
}: {
  quote: Pick<
    Quote,
    | "currency"
    | "subtotalCents"
    | "discountCents"
    | "shippingCents"
    | "taxCents"
    | "totalCents"
    | "coupon"
  >;
}) {
  const c = quote.currency;
  return (
    <dl className="space-y-2 text-sm text-stone-700" data-testid="totals">
      <Row label="Subtotal" value={formatMoney(quote.subtotalCents, c)} />
      {quote.discountCents > 0 && (
        <Row
          label={quote.coupon ? `Discount (${quote.coupon.label})` : "Discount"}
          value={`−${formatMoney(quote.discountCents, c)}`}
        />
      )}
      <Row
        label="Shipping"
        value={quote.shippingCents === 0 ? "Free" : formatMoney(quote.shippingCents, c)}
      />
      {quote.taxCents > 0 && <Row label="Tax" value={formatMoney(quote.taxCents, c)} />}
      <div className="flex justify-between border-t border-stone-200 pt-2 text-base font-semibold text-stone-900">
        <dt>Total</dt>
        <dd data-testid="total" className="tabular-nums">
          {formatMoney(quote.totalCents, c)}
        </dd>
      </div>
    </dl>
  );
}

function Row({ label, value }: { label: string; value: string }) {
  return (
    <div className="flex justify-between">
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

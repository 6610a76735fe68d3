import { useEffect } from "react";
import { formatMoney } from "../../lib/money";
import { clearCart } from "../cart";
import { checkoutApi, type Receipt } from "../checkoutApi";
import { pathIn, type StoreRef } from "../data";
import { useLive } from "../live";

/** The order confirmation, live: its status follows the team's fulfilment. */
export function OrderView({
  at,
  receiptToken,
  initial,
}: {
  at: StoreRef;
  receiptToken: string;
  initial: Receipt | null;
}) {
  const { data } = useLive(checkoutApi.receipt, { slug: at.slug, receiptToken }, initial);
  const receipt = data ?? initial;
  useEffect(() => {
    // A Stripe payment lands here without passing the test-payment form: the cart is done.
    if (receipt) clearCart(at.slug);
  }, [receipt, at.slug]);
  if (!receipt) {
    return (
      <p className="text-stone-600">We could not find this order. Check the link in your email.</p>
    );
  }
  const currency = receipt.currency ?? "USD";
  const lines = receipt.lines ?? receipt.items ?? [];
  const number = receipt.number ?? receipt.orderNumber;
  return (
    <div className="max-w-2xl" data-testid="order-confirmation">
      <p className="text-lg text-stone-700">
        Thank you{receipt.shipTo?.name ? `, ${receipt.shipTo.name}` : ""}! Your order{" "}
        <strong data-testid="order-number">#{number}</strong> is confirmed.
      </p>
      {receipt.email && (
        <p className="mt-1 text-sm text-stone-500">A receipt goes to {receipt.email}.</p>
      )}
      {receipt.status && (
        <p className="mt-1 text-sm text-stone-500">
          Status: <span data-testid="order-status">{receipt.status}</span>
        </p>
      )}
      <ul className="mt-6 divide-y divide-stone-200 border-y border-stone-200 text-sm">
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines never reorder
          <li key={i} className="flex justify-between gap-4 py-3">
            <span>
              {l.quantity} × {l.title}
              {l.variantTitle ? ` (${l.variantTitle})` : ""}
            </span>
            {l.lineTotalCents !== undefined && (
              <span className="tabular-nums">{formatMoney(l.lineTotalCents, currency)}</span>
            )}
          </li>
        ))}
      </ul>
      {receipt.totalCents !== undefined && (
        <p className="mt-4 flex justify-between text-base font-semibold text-stone-900">
          <span>Total paid</span>
          <span className="tabular-nums" data-testid="order-total">
            {formatMoney(receipt.totalCents, currency)}
          </span>
        </p>
      )}
      {receipt.shipTo && (
        <p className="mt-4 text-sm text-stone-600">
          Shipping to{" "}
          {[receipt.shipTo.name, receipt.shipTo.city, receipt.shipTo.country]
            .filter(Boolean)
            .join(", ")}
        </p>
      )}
      <a href={pathIn(at, "/")} className="mt-8 inline-block text-sm underline">
        Continue shopping
      </a>
    </div>
  );
}

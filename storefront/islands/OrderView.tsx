import { useEffect } from "react";
import { formatMoney } from "../../lib/money";
import { clearCart } from "../cart";
import { checkoutApi, type Receipt } from "../checkoutApi";
import { Totals } from "../components/Totals";
import { pathIn, type StoreRef, variantLabel } from "../data";
import { useLive } from "../live";

const STATUS_WORDS: Record<Receipt["status"], string> = {
  new: "Received — we are getting it ready",
  processing: "Being packed",
  shipped: "Shipped",
  delivered: "Delivered",
  cancelled: "Cancelled",
  refunded: "Refunded",
};

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
  const paid = receipt !== null;
  useEffect(() => {
    // A Stripe payment lands here without passing the test-payment form: the cart is done.
    if (paid) clearCart(at.slug);
  }, [paid, at.slug]);
  if (!receipt) {
    return (
      <p className="text-stone-600">We could not find this order. Check the link in your email.</p>
    );
  }
  const c = receipt.currency;
  return (
    <div className="max-w-2xl" data-testid="order-confirmation">
      <p className="text-lg text-stone-700">
        Thank you, {receipt.shipTo.name}! Your order{" "}
        <strong data-testid="order-number">#{receipt.number}</strong> is confirmed.
      </p>
      <p className="mt-1 text-sm text-stone-500">
        Placed {new Date(receipt.placedAt).toLocaleString()} · a receipt goes to {receipt.email}
        {receipt.paymentMode === "offline" ? " · test payment, no card was charged" : ""}
      </p>
      <p className="mt-3 text-sm">
        Status: <span data-testid="order-status">{STATUS_WORDS[receipt.status]}</span>
      </p>
      <ul className="mt-6 divide-y divide-stone-200 border-y border-stone-200 text-sm">
        {receipt.lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: an order's lines never reorder
          <li key={i} className="flex justify-between gap-4 py-3" data-testid="order-line">
            <span>
              {l.quantity} × {l.title}
              {variantLabel(l.variantTitle) ? ` (${l.variantTitle})` : ""}
            </span>
            <span className="tabular-nums">{formatMoney(l.totalCents, c)}</span>
          </li>
        ))}
      </ul>
      <div className="mt-4">
        <Totals
          quote={{
            currency: c,
            subtotalCents: receipt.subtotalCents,
            discountCents: receipt.discountCents,
            shippingCents: receipt.shippingCents,
            taxCents: receipt.taxCents,
            totalCents: receipt.totalCents,
            ...(receipt.couponCode
              ? { coupon: { code: receipt.couponCode, label: receipt.couponCode } }
              : {}),
          }}
        />
      </div>
      <p className="mt-4 text-sm text-stone-600">
        Shipping to {receipt.shipTo.name}, {receipt.shipTo.city}, {receipt.shipTo.country}
      </p>
      <a href={pathIn(at, "/")} className="mt-8 inline-block text-sm underline">
        Continue shopping
      </a>
    </div>
  );
}

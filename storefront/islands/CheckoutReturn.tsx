import { useEffect, useState } from "react";
import { checkoutApi } from "../checkoutApi";
import { pathIn, type StoreRef } from "../data";
import { useLive } from "../live";
import { pendingCheckout } from "../pending";

/**
 * Back from Stripe (?checkout=success|cancelled): waits, live, for the payment webhook to mark
 * the checkout paid, then shows the order. The checkout's handle was kept in this browser when
 * the shopper left for Stripe.
 */
export function CheckoutReturn({ at, outcome }: { at: StoreRef; outcome: string }) {
  const [checkoutId, setCheckoutId] = useState<string | null | undefined>(undefined);
  useEffect(() => setCheckoutId(pendingCheckout.read(at.slug)), [at.slug]);
  const { data } = useLive(checkoutApi.status, checkoutId ? { slug: at.slug, checkoutId } : "skip");
  const token = data?.status === "paid" ? data.receiptToken : undefined;
  useEffect(() => {
    if (!token) return;
    pendingCheckout.clear(at.slug);
    window.location.replace(pathIn(at, `/order/${encodeURIComponent(token)}`));
  }, [token, at]);

  const backToCart = (
    <a href={pathIn(at, "/cart")} className="underline">
      Back to your cart
    </a>
  );
  if (checkoutId === null) {
    return (
      <p className="text-stone-700">We could not find a checkout from this browser. {backToCart}</p>
    );
  }
  if (outcome === "cancelled" && data?.status !== "paid") {
    return (
      <p className="text-stone-700" role="status">
        Payment cancelled — nothing was charged and your cart is as you left it. {backToCart}
      </p>
    );
  }
  if (!data || data.status === "open" || data.status === "paid") {
    return (
      <p className="text-stone-600" role="status">
        Confirming your payment…
      </p>
    );
  }
  return (
    <p className="text-stone-700" role="alert">
      {data.message ??
        (data.status === "expired"
          ? "This checkout expired."
          : "The payment did not go through.")}{" "}
      {backToCart}
    </p>
  );
}

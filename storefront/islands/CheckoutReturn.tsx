import { useEffect } from "react";
import { checkoutApi } from "../checkoutApi";
import { pathIn, type StoreRef } from "../data";
import { useLive } from "../live";

/** Back from Stripe: waits (live) for the payment webhook, then shows the order. */
export function CheckoutReturn({ at, checkoutId }: { at: StoreRef; checkoutId: string }) {
  const { data, error } = useLive(checkoutApi.status, { slug: at.slug, checkoutId });
  const token = data?.status === "paid" ? data.receiptToken : undefined;
  useEffect(() => {
    if (token) window.location.replace(pathIn(at, `/order/${encodeURIComponent(token)}`));
  }, [token, at]);
  if (error) return <p className="text-rose-700">We could not find this checkout.</p>;
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
      <a href={pathIn(at, "/cart")} className="underline">
        Back to your cart
      </a>
    </p>
  );
}

import { Island } from "../components/Island";
import { PageTitle } from "../components/Layout";
import type { Receipt } from "../checkoutApi";
import { POLICY_TITLES, type PolicyKind, pathIn, type PublicStore, type StoreRef } from "../data";
import { CartView } from "../islands/CartView";
import { CheckoutReturn } from "../islands/CheckoutReturn";
import { CheckoutView } from "../islands/CheckoutView";
import { OrderView } from "../islands/OrderView";

function Shell({ children }: { children: React.ReactNode }) {
  return <section className="mx-auto max-w-6xl px-4 py-10 sm:px-6">{children}</section>;
}

export function CartPage({ at }: { at: StoreRef }) {
  return (
    <Shell>
      <PageTitle>Your cart</PageTitle>
      <Island name="cart" component={CartView} props={{ at }} />
    </Shell>
  );
}

export function CheckoutPage({ at }: { at: StoreRef }) {
  return (
    <Shell>
      <PageTitle>Checkout</PageTitle>
      <Island name="checkout" component={CheckoutView} props={{ at }} />
    </Shell>
  );
}

export function CheckoutReturnPage({ at, outcome }: { at: StoreRef; outcome: string }) {
  return (
    <Shell>
      <PageTitle>Payment</PageTitle>
      <Island name="checkout-return" component={CheckoutReturn} props={{ at, outcome }} />
    </Shell>
  );
}

export function OrderPage({
  at,
  receiptToken,
  receipt,
}: {
  at: StoreRef;
  receiptToken: string;
  receipt: Receipt | null;
}) {
  return (
    <Shell>
      <PageTitle>Order confirmed</PageTitle>
      <Island name="order" component={OrderView} props={{ at, receiptToken, initial: receipt }} />
    </Shell>
  );
}

export function PolicyPage({ store, kind }: { store: PublicStore; kind: PolicyKind }) {
  return (
    <Shell>
      <PageTitle>{POLICY_TITLES[kind]}</PageTitle>
      <div className="max-w-3xl space-y-4 leading-relaxed text-stone-700" data-testid="policy">
        {store.policies[kind].split(/\n{2,}/).map((para) => (
          <p key={para}>{para}</p>
        ))}
      </div>
    </Shell>
  );
}

export function NotFoundPage({
  at,
  what = "page",
}: {
  at: StoreRef | null;
  what?: "page" | "store";
}) {
  return (
    <section className="mx-auto max-w-xl px-4 py-24 text-center">
      <p className="text-sm font-semibold uppercase tracking-widest text-stone-500">404</p>
      <h1 className="mt-3 font-display text-3xl font-semibold text-stone-900">
        {what === "store" ? "This store does not exist" : "We could not find that page"}
      </h1>
      <p className="mt-3 text-stone-600">
        {what === "store"
          ? "Check the address, or ask the shop for its link."
          : "It may have moved, or the product is no longer available."}
      </p>
      {at && (
        <a
          href={pathIn(at, "/")}
          className="mt-8 inline-block rounded-full bg-stone-900 px-6 py-3 text-sm font-semibold text-white hover:bg-stone-700"
        >
          Back to the shop
        </a>
      )}
    </section>
  );
}

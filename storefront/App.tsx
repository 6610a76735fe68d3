/**
 * The whole page for the server renderer (scripts/storefront-ssr.ts). Only the islands inside
 * it run in the browser; this file and the pages never ship to shoppers.
 */
import type { Receipt } from "./checkoutApi";
import { Layout } from "./components/Layout";
import type { PolicyKind, PublicProduct, PublicStore, StoreRef } from "./data";
import { CategoryPage, type CategoryData } from "./pages/CategoryPage";
import { type HomeData, HomePage } from "./pages/HomePage";
import { ProductPage } from "./pages/ProductPage";
import { type TrackData, TrackPage } from "./pages/TrackPage";
import {
  CartPage,
  CheckoutPage,
  CheckoutReturnPage,
  NotFoundPage,
  OrderPage,
  PolicyPage,
} from "./pages/SimplePages";

export type PageData =
  | { kind: "home"; data: HomeData }
  | { kind: "category"; data: CategoryData }
  | { kind: "product"; product: PublicProduct }
  | { kind: "cart" }
  | { kind: "checkout" }
  | { kind: "checkout-return"; outcome: string }
  | { kind: "order"; receiptToken: string; receipt: Receipt | null }
  | { kind: "policy"; policy: PolicyKind }
  | { kind: "track"; data: TrackData }
  | { kind: "not-found" };

export function App({
  store,
  at,
  page,
  renderedAt,
}: {
  store: PublicStore | null;
  at: StoreRef;
  page: PageData;
  renderedAt: number;
}) {
  if (!store) return <NotFoundPage at={null} what="store" />;
  return (
    <Layout store={store} at={at}>
      {body(store, at, page, renderedAt)}
    </Layout>
  );
}

function body(store: PublicStore, at: StoreRef, page: PageData, renderedAt: number) {
  switch (page.kind) {
    case "home":
      return <HomePage store={store} at={at} data={page.data} />;
    case "category":
      return <CategoryPage store={store} at={at} data={page.data} />;
    case "product":
      return <ProductPage store={store} at={at} product={page.product} renderedAt={renderedAt} />;
    case "cart":
      return <CartPage at={at} />;
    case "checkout":
      return <CheckoutPage at={at} />;
    case "checkout-return":
      return <CheckoutReturnPage at={at} outcome={page.outcome} />;
    case "order":
      return <OrderPage at={at} receiptToken={page.receiptToken} receipt={page.receipt} />;
    case "track":
      return <TrackPage at={at} data={page.data} />;
    case "policy":
      return <PolicyPage store={store} kind={page.policy} />;
    case "not-found":
      return <NotFoundPage at={at} />;
  }
}

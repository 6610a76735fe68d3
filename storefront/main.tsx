/**
 * The storefront's only script. The server sent finished HTML; this brings its islands to life
 * (each loaded on demand, so a page ships the code of its own islands only) and keeps the
 * store's colours live. In the production build `react` is Preact (see vite.config.ts).
 */
import { createElement, type FunctionComponent } from "react";
import { hydrateRoot } from "react-dom/client";
import type { IslandName } from "./components/Island";
import { safeColor, storefrontApi } from "./data";
import { convex } from "./live";
import "./styles.css";

type Loader = () => Promise<FunctionComponent<object>>;
const ISLANDS: Record<IslandName, Loader> = {
  "cart-button": () => import("./islands/CartButton").then((m) => m.CartButton as never),
  product: () => import("./islands/ProductView").then((m) => m.ProductView as never),
  cart: () => import("./islands/CartView").then((m) => m.CartView as never),
  checkout: () => import("./islands/CheckoutView").then((m) => m.CheckoutView as never),
  order: () => import("./islands/OrderView").then((m) => m.OrderView as never),
  "checkout-return": () =>
    import("./islands/CheckoutReturn").then((m) => m.CheckoutReturn as never),
  "return-request": () => import("./islands/ReturnRequest").then((m) => m.ReturnRequest as never),
};

for (const el of document.querySelectorAll<HTMLElement>("[data-island]")) {
  const load = ISLANDS[el.dataset.island as IslandName];
  if (!load) continue;
  load().then((component) => {
    const props = JSON.parse(el.dataset.props ?? "{}") as object;
    // Hydrate: the server's elements are kept (the picture painted first stays the largest
    // paint), and each island's first render matches the server's HTML exactly.
    hydrateRoot(el, createElement(component, props));
    el.dataset.hydrated = "true"; // live from here on (tests wait for it)
  });
}

// Live re-theme: the team's colour change reaches open pages without a reload.
const slug = document.getElementById("root")?.dataset.storeSlug;
if (slug) {
  convex().onUpdate(storefrontApi.store, { slug }, (store) => {
    if (!store) return;
    const root = document.documentElement.style;
    root.setProperty("--sf-primary", safeColor(store.theme.primaryColor, "#1c1917"));
    root.setProperty("--sf-accent", safeColor(store.theme.accentColor, "#b45309"));
  });
}

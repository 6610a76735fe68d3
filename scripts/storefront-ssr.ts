/**
 * The shopper storefront rendered on the server: every page's HTML carries its content, title,
 * description, canonical URL, Open Graph tags and (products) JSON-LD before any JavaScript runs.
 * Data comes from the Convex deployment over HTTP (ConvexHttpClient), so the same renderer works
 * against the embedded backend or Convex Cloud. Only the islands inside run in the browser.
 */
import { ConvexHttpClient } from "convex/browser";
import {
  type FunctionArgs,
  type FunctionReference,
  type FunctionReturnType,
  getFunctionName,
} from "convex/server";
import { createElement } from "react";
import { renderToString } from "react-dom/server";
import { api } from "../convex/_generated/api.js";
import { splitStorePath } from "../lib/storePath.js";
import { App, type PageData } from "../storefront/App.js";
import { checkoutApi } from "../storefront/checkoutApi.js";
import {
  categoryPath,
  metaDescription,
  POLICY_KINDS,
  POLICY_TITLES,
  type PolicyKind,
  pathIn,
  productPath,
  type PublicProduct,
  type PublicStore,
  type StoreRef,
  safeColor,
} from "../storefront/data.js";

/**
 * A fetched answer is served as is for FRESH_MS; until STALE_MS it is still served while a
 * fresh read runs in the background (so a page never waits on a cold read it just made), and
 * after that it is never used: no shopper or crawler sees data more than a few seconds old.
 */
const FRESH_MS = 1_000;
const STALE_MS = 5_000;
const PAGE_SIZE = 24;
const SITEMAP_MAX = 10_000;

export interface RenderedPage {
  status: number;
  title: string;
  description: string;
  /** Tags for <head> (already escaped). */
  head: string;
  /** The rendered page, for inside <div id="root">. */
  body: string;
  /** Attributes for the root element (already escaped). */
  rootAttrs: string;
}

export interface StorefrontRenderer {
  /** `visitorId`: the shopper's sf_vid cookie, so A/B prices match what the islands show. */
  page(path: string, search: string, origin: string, visitorId?: string): Promise<RenderedPage>;
  /** /robots.txt and /sitemap.xml (also /s/<slug>/sitemap.xml); null for other paths. */
  file(
    path: string,
    origin: string,
  ): Promise<{ type: string; body: string; status: number } | null>;
}

export function createStorefrontRenderer(url: string, defaultSlug: string): StorefrontRenderer {
  const client = new ConvexHttpClient(url);
  const cache = new Map<string, { at: number; value: Promise<unknown> }>();
  const refreshing = new Set<string>();

  function read<Q extends FunctionReference<"query">>(
    query: Q,
    args: FunctionArgs<Q>,
  ): Promise<FunctionReturnType<Q>> {
    const key = `${getFunctionName(query)}${JSON.stringify(args)}`;
    const hit = cache.get(key);
    const age = hit ? Date.now() - hit.at : Number.POSITIVE_INFINITY;
    if (hit && age < FRESH_MS) return hit.value as Promise<FunctionReturnType<Q>>;
    const fresh = (): Promise<FunctionReturnType<Q>> => {
      const value = client.query(query, args);
      // Only a settled answer replaces the one being served.
      value.then(
        () => {
          if (cache.size > 1_000) cache.clear();
          cache.set(key, { at: Date.now(), value });
        },
        () => cache.delete(key),
      );
      return value;
    };
    if (hit && age < STALE_MS) {
      if (!refreshing.has(key)) {
        refreshing.add(key);
        void fresh()
          .catch(() => {})
          .finally(() => refreshing.delete(key));
      }
      return hit.value as Promise<FunctionReturnType<Q>>;
    }
    return fresh();
  }

  /** A function the deployment may not have yet (older deployments): null instead of an error. */
  async function readOptional<Q extends FunctionReference<"query">>(
    query: Q,
    args: FunctionArgs<Q>,
  ): Promise<FunctionReturnType<Q> | null> {
    try {
      return await read(query, args);
    } catch {
      return null;
    }
  }

  /**
   * /track: never cached (one shopper's order). Both fields or nothing is looked up; a mismatch
   * and a throttled visitor get a message that says nothing about the order.
   */
  async function track(
    slug: string,
    search: URLSearchParams,
    visitorId: string | undefined,
  ): Promise<PageData> {
    const number = (search.get("number") ?? "").trim().slice(0, 20);
    const email = (search.get("email") ?? "").trim().slice(0, 200);
    if (number === "" && email === "")
      return { kind: "track", data: { number, email, order: null } };
    if (number === "" || email === "") {
      const message = "Enter both the order number and the email used at checkout.";
      return { kind: "track", data: { number, email, order: null, message } };
    }
    try {
      const result = await client.mutation(api.tracking.lookup, {
        slug,
        number,
        email,
        ...(visitorId ? { visitorId } : {}),
      });
      return result.found
        ? { kind: "track", data: { number, email, order: result } }
        : { kind: "track", data: { number, email, order: null, message: result.message } };
    } catch (error) {
      const data = (error as { data?: { message?: string } }).data;
      const message = data?.message ?? "Tracking is unavailable right now. Try again shortly.";
      return { kind: "track", data: { number, email, order: null, message } };
    }
  }

  /** The page's data, read at the same time as the store (`store` resolves to it). */
  async function load(
    slug: string,
    store: Promise<PublicStore | null>,
    page: string,
    search: URLSearchParams,
    visitorId: string | undefined,
  ): Promise<PageData> {
    const visitor = visitorId ? { visitorId } : {};
    if (page === "/" || page === "/index.html") {
      const [first, categories, featured] = await Promise.all([
        read(api.storefront.products, {
          slug,
          paginationOpts: { numItems: PAGE_SIZE, cursor: null },
          ...visitor,
        }),
        read(api.storefront.categories, { slug }),
        readOptional(checkoutApi.featured, { slug, ...visitor }),
      ]);
      return {
        kind: "home",
        data: {
          featured: featured ?? [],
          products: first.page,
          categories,
          more: !first.isDone,
        },
      };
    }
    const match = (pattern: RegExp) => {
      const m = page.match(pattern);
      if (!m) return null;
      try {
        return decodeURIComponent(m[1]);
      } catch {
        return null;
      }
    };
    const productSlug = match(/^\/p\/([^/]+)\/?$/);
    if (productSlug !== null) {
      const product = await read(api.storefront.product, { slug, productSlug, ...visitor });
      return product ? { kind: "product", product } : { kind: "not-found" };
    }
    const category = match(/^\/c\/([^/]+)\/?$/);
    if (category !== null) {
      const cursor = search.get("after");
      const result = await read(api.storefront.products, {
        slug,
        category,
        paginationOpts: { numItems: PAGE_SIZE, cursor: cursor || null },
        ...visitor,
      }).catch(() => null);
      if (!result || (result.page.length === 0 && !cursor)) return { kind: "not-found" };
      return {
        kind: "category",
        data: {
          category,
          products: result.page,
          ...(result.isDone ? {} : { next: result.continueCursor }),
        },
      };
    }
    if (page === "/cart" || page === "/cart/") return { kind: "cart" };
    if (page === "/checkout" || page === "/checkout/") return { kind: "checkout" };
    if (page === "/checkout/return") {
      // Stripe sends the shopper back with ?checkout=success or ?checkout=cancelled.
      return { kind: "checkout-return", outcome: search.get("checkout") ?? "" };
    }
    const receiptToken = match(/^\/order\/([^/]+)\/?$/);
    if (receiptToken !== null) {
      // Never cached: a receipt is one shopper's, and fresh after paying.
      const receipt = await client
        .query(checkoutApi.receipt, { slug, receiptToken })
        .catch(() => null);
      return receipt ? { kind: "order", receiptToken, receipt } : { kind: "not-found" };
    }
    if (page === "/track" || page === "/track/") return await track(slug, search, visitorId);
    const policy = match(/^\/policies\/([^/]+)\/?$/) as PolicyKind | null;
    const found = await store;
    if (found && policy && POLICY_KINDS.includes(policy) && found.policies[policy].trim() !== "") {
      return { kind: "policy", policy };
    }
    return { kind: "not-found" };
  }

  return {
    async page(fullPath, searchText, origin, visitorId) {
      const { slug: given, base, page } = splitStorePath(fullPath);
      const at: StoreRef = { slug: given ?? defaultSlug, base };
      const storeRead = read(api.storefront.store, { slug: at.slug });
      const search = new URLSearchParams(searchText);
      const [store, loaded] = await Promise.all([
        storeRead,
        load(at.slug, storeRead, page, search, visitorId),
      ]);
      const data: PageData = store ? loaded : { kind: "not-found" };
      const renderedAt = Date.now();
      const body = renderToString(createElement(App, { store, at, page: data, renderedAt }));
      const meta = store
        ? describe(store, at, data, origin)
        : {
            title: "Store not found",
            description: "There is no store at this address.",
            tags: '<meta name="robots" content="noindex" />',
          };
      const theme = store
        ? `<style id="sf-theme">:root{--sf-primary:${safeColor(store.theme.primaryColor, "#1c1917")};--sf-accent:${safeColor(store.theme.accentColor, "#b45309")}}</style>`
        : "";
      const favicon = store?.faviconUrl
        ? `<link rel="icon" href="${escapeHtml(store.faviconUrl)}" />`
        : "";
      return {
        status: data.kind === "not-found" ? 404 : 200,
        title: meta.title,
        description: meta.description,
        head: `${meta.tags}${theme}${favicon}`,
        body,
        rootAttrs: store ? ` data-store-slug="${escapeHtml(store.slug)}"` : "",
      };
    },

    async file(path, origin) {
      if (path === "/robots.txt") {
        return {
          type: "text/plain; charset=utf-8",
          status: 200,
          body: [
            "User-agent: *",
            "Allow: /",
            "Disallow: /dashboard",
            "Disallow: /api/",
            "Disallow: /cart",
            "Disallow: /checkout",
            "Disallow: /order/",
            "Disallow: /track",
            `Sitemap: ${origin}/sitemap.xml`,
            "",
          ].join("\n"),
        };
      }
      const { slug: given, base, page } = splitStorePath(path);
      if (page !== "/sitemap.xml") return null;
      const at: StoreRef = { slug: given ?? defaultSlug, base };
      const store = await read(api.storefront.store, { slug: at.slug });
      if (!store) return { type: "text/plain; charset=utf-8", status: 404, body: "Not found" };
      const urls = [`${origin}${pathIn(at, "/")}`];
      const categories = await read(api.storefront.categories, { slug: at.slug });
      for (const c of categories) urls.push(`${origin}${categoryPath(at, c)}`);
      let cursor: string | null = null;
      for (let n = 0; n < SITEMAP_MAX; ) {
        const result: { page: PublicProduct[]; isDone: boolean; continueCursor: string } =
          await client.query(api.storefront.products, {
            slug: at.slug,
            paginationOpts: { numItems: 200, cursor },
          });
        for (const p of result.page) urls.push(`${origin}${productPath(at, p)}`);
        n += result.page.length;
        if (result.isDone) break;
        cursor = result.continueCursor;
      }
      for (const k of POLICY_KINDS) {
        if (store.policies[k].trim()) urls.push(`${origin}${pathIn(at, `/policies/${k}`)}`);
      }
      const body = `<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">\n${urls
        .map((u) => `  <url><loc>${escapeXml(u)}</loc></url>`)
        .join("\n")}\n</urlset>\n`;
      return { type: "application/xml; charset=utf-8", status: 200, body };
    },
  };
}

/** Title, description and the head tags a crawler or a link preview reads. */
function describe(
  store: PublicStore,
  at: StoreRef,
  page: PageData,
  origin: string,
): { title: string; description: string; tags: string } {
  const storeDescription = metaDescription(store.tagline ?? `Shop ${store.name}.`);
  let title = store.name;
  let description = storeDescription;
  let path = pathIn(at, "/");
  let type = "website";
  let image = store.logoUrl;
  let extra = "";
  let index = true;
  switch (page.kind) {
    case "home":
      image =
        page.data.featured[0]?.images[0]?.url ?? page.data.products[0]?.images[0]?.url ?? image;
      break;
    case "category":
      title = `${page.data.category} · ${store.name}`;
      description = metaDescription(
        `${page.data.category} from ${store.name}. ${storeDescription}`,
      );
      path = categoryPath(at, page.data.category);
      image = page.data.products[0]?.images[0]?.url ?? image;
      break;
    case "product": {
      const p = page.product;
      // The SEO title is written whole (it usually names the store already).
      title = p.seo?.title ?? `${p.title} · ${store.name}`;
      description = metaDescription(p.seo?.description ?? p.description);
      path = productPath(at, p);
      type = "product";
      image = p.images[0]?.url ?? image;
      const currency = store.currency.toUpperCase();
      const amount = (p.priceCents / 100).toFixed(2);
      const jsonLd = {
        "@context": "https://schema.org",
        "@type": "Product",
        name: p.title,
        description,
        category: p.category,
        sku: p.variants[0]?.sku,
        image: p.images.map((i) => absolute(i.url, origin)),
        url: `${origin}${path}`,
        brand: { "@type": "Brand", name: store.name },
        offers: {
          "@type": "Offer",
          url: `${origin}${path}`,
          price: amount,
          priceCurrency: currency,
          availability: `https://schema.org/${p.stock > 0 ? "InStock" : "OutOfStock"}`,
          ...(p.saleEndsAt && p.saleEndsAt > Date.now()
            ? { priceValidUntil: new Date(p.saleEndsAt).toISOString().slice(0, 10) }
            : {}),
        },
      };
      const hero = p.variants.find((v) => v.stock > 0)?.imageUrl ?? p.images[0]?.url;
      extra =
        // The picture is the page's largest paint: ask for it before the stylesheet is parsed.
        (hero
          ? `<link rel="preload" as="image" href="${escapeHtml(hero)}" fetchpriority="high" />`
          : "") +
        `<meta property="product:price:amount" content="${amount}" />` +
        `<meta property="product:price:currency" content="${currency}" />` +
        `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>`;
      break;
    }
    case "policy":
      title = `${POLICY_TITLES[page.policy]} · ${store.name}`;
      description = metaDescription(store.policies[page.policy]);
      path = pathIn(at, `/policies/${page.policy}`);
      break;
    case "cart":
    case "checkout":
    case "checkout-return":
    case "order":
      title = `${{ cart: "Your cart", checkout: "Checkout", "checkout-return": "Payment", order: "Order confirmed" }[page.kind]} · ${store.name}`;
      index = false;
      path = pathIn(at, page.kind === "cart" ? "/cart" : "/checkout");
      break;
    case "track":
      title = `Track your order · ${store.name}`;
      index = false;
      path = pathIn(at, "/track");
      break;
    case "not-found":
      title = `Not found · ${store.name}`;
      index = false;
      break;
  }
  const url = `${origin}${path}`;
  const e = escapeHtml;
  const tags = [
    index
      ? `<link rel="canonical" href="${e(url)}" />`
      : '<meta name="robots" content="noindex" />',
    `<meta property="og:type" content="${type}" />`,
    `<meta property="og:site_name" content="${e(store.name)}" />`,
    `<meta property="og:title" content="${e(title)}" />`,
    `<meta property="og:description" content="${e(description)}" />`,
    `<meta property="og:url" content="${e(url)}" />`,
    image ? `<meta property="og:image" content="${e(absolute(image, origin))}" />` : "",
    `<meta name="twitter:card" content="${image ? "summary_large_image" : "summary"}" />`,
    extra,
  ].join("");
  return { title, description, tags };
}

function absolute(url: string, origin: string): string {
  try {
    return new URL(url, origin).toString();
  } catch {
    return url;
  }
}

export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

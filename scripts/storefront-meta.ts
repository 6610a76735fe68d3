/**
 * Server-side <title>, description and product JSON-LD for storefront pages, so a crawler
 * (or a link preview) sees the page's real name without running JavaScript.
 */
import { ConvexHttpClient } from "convex/browser";
import { api } from "../convex/_generated/api.js";
import { splitStorePath } from "../lib/storePath.js";
import type { PageMeta } from "./app-server.js";

const TTL_MS = 10_000;

export function createStorefrontMeta(url: string, defaultSlug: string) {
  const client = new ConvexHttpClient(url);
  const cache = new Map<string, { at: number; value: PageMeta | null }>();

  async function compute(fullPath: string): Promise<PageMeta | null> {
    const { slug, page: path } = splitStorePath(fullPath);
    const storeSlug = slug ?? defaultSlug;
    const store = await client.query(api.storefront.store, { slug: storeSlug });
    if (!store) {
      // An unknown store under /s/ is a 404 page, not the default store.
      return slug !== null
        ? {
            title: "Store not found",
            description: "There is no store at this address.",
            status: 404,
          }
        : null;
    }
    if (path === "/" || path === "/index.html") {
      return { title: store.name, description: clip(store.tagline ?? `Shop ${store.name}.`) };
    }
    const match = path.match(/^\/p\/([^/]+)\/?$/);
    const notFound = {
      title: `Not found · ${store.name}`,
      description: `Shop ${store.name}.`,
      status: 404,
    };
    if (!match) return notFound;
    let productSlug: string;
    try {
      productSlug = decodeURIComponent(match[1]);
    } catch {
      return notFound;
    }
    const product = await client.query(api.storefront.product, { slug: storeSlug, productSlug });
    if (!product) return notFound;
    const description = clip(product.seo?.description ?? product.description);
    const jsonLd = {
      "@context": "https://schema.org",
      "@type": "Product",
      name: product.title,
      description,
      category: product.category,
      image: product.images.map((i) => i.url),
      offers: {
        "@type": "Offer",
        price: (product.priceCents / 100).toFixed(2),
        priceCurrency: store.currency.toUpperCase(),
        availability: `https://schema.org/${product.stock > 0 ? "InStock" : "OutOfStock"}`,
      },
    };
    return {
      // The SEO title is written whole (it usually names the store already).
      title: product.seo?.title ?? `${product.title} · ${store.name}`,
      description,
      head: `<script type="application/ld+json">${JSON.stringify(jsonLd).replace(/</g, "\\u003c")}</script>`,
    };
  }

  return async (path: string): Promise<PageMeta | null> => {
    const hit = cache.get(path);
    if (hit && Date.now() - hit.at < TTL_MS) return hit.value;
    const value = await compute(path);
    if (cache.size > 500) cache.clear();
    cache.set(path, { at: Date.now(), value });
    return value;
  };
}

function clip(text: string): string {
  const oneLine = text.replace(/\s+/g, " ").trim();
  return oneLine.length > 160 ? `${oneLine.slice(0, 157)}…` : oneLine;
}

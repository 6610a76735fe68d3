import { usePaginatedQuery, useQuery } from "convex/react";
import { useState } from "react";
import { useDocumentMeta } from "../../lib/router";
import { ProductCard } from "../components/ProductCard";
import { metaDescription, storeSlug, storefrontApi } from "../data";
import { useStore } from "../useStore";
import { NotFoundPage } from "./NotFoundPage";

const PAGE_SIZE = 24;

export function HomePage() {
  const store = useStore();
  const slug = storeSlug();
  const [category, setCategory] = useState<string | undefined>();
  const categories = useQuery(storefrontApi.categories, { slug });
  const { results, status, loadMore } = usePaginatedQuery(
    storefrontApi.products,
    { slug, ...(category ? { category } : {}) },
    { initialNumItems: PAGE_SIZE },
  );
  useDocumentMeta(
    store?.name ?? "Store",
    store ? metaDescription(store.tagline ?? `Shop ${store.name}.`) : undefined,
  );
  if (store === null) return <NotFoundPage what="store" />;

  return (
    <>
      <section className="border-b border-stone-200 bg-gradient-to-b from-white to-stone-50">
        <div className="mx-auto max-w-6xl px-4 py-14 sm:px-6 sm:py-20">
          {store ? (
            <>
              <h1 className="font-display text-4xl font-semibold tracking-tight text-stone-900 sm:text-5xl">
                {store.name}
              </h1>
              {store.tagline && (
                <p className="mt-4 max-w-2xl text-lg text-stone-600">{store.tagline}</p>
              )}
              <a
                href="#products"
                className="mt-8 inline-block rounded-full bg-stone-900 px-6 py-3 text-sm font-semibold text-white hover:bg-stone-700"
              >
                Shop the collection
              </a>
            </>
          ) : (
            <div aria-hidden className="space-y-4">
              <div className="h-12 w-72 animate-pulse rounded bg-stone-200" />
              <div className="h-6 w-96 max-w-full animate-pulse rounded bg-stone-200" />
            </div>
          )}
        </div>
      </section>

      <section
        id="products"
        aria-labelledby="products-title"
        className="mx-auto max-w-6xl scroll-mt-16 px-4 py-12 sm:px-6"
      >
        <div className="flex flex-wrap items-baseline justify-between gap-4">
          <h2 id="products-title" className="font-display text-2xl font-semibold text-stone-900">
            {category ?? "All products"}
          </h2>
          {categories && categories.length > 1 && (
            <nav aria-label="Categories" className="-mx-1 flex gap-2 overflow-x-auto px-1 pb-1">
              {[undefined, ...categories].map((c) => (
                <button
                  key={c ?? "all"}
                  type="button"
                  onClick={() => setCategory(c)}
                  aria-pressed={c === category}
                  className={`shrink-0 rounded-full border px-3.5 py-1.5 text-sm ${
                    c === category
                      ? "border-stone-900 bg-stone-900 text-white"
                      : "border-stone-300 bg-white text-stone-700 hover:border-stone-500"
                  }`}
                >
                  {c ?? "All"}
                </button>
              ))}
            </nav>
          )}
        </div>
        {status === "LoadingFirstPage" || !store ? (
          <ul
            className="mt-6 grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-3 lg:grid-cols-4"
            aria-busy="true"
          >
            {Array.from({ length: 8 }, (_, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
              <li key={i}>
                <div className="aspect-square animate-pulse rounded-xl bg-stone-200" />
                <div className="mt-3 h-4 w-3/4 animate-pulse rounded bg-stone-200" />
                <div className="mt-2 h-4 w-1/3 animate-pulse rounded bg-stone-200" />
              </li>
            ))}
          </ul>
        ) : results.length === 0 ? (
          <p className="mt-6 text-stone-600">No products here yet — check back soon.</p>
        ) : (
          <ul
            className="mt-6 grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-3 lg:grid-cols-4"
            data-testid="product-grid"
          >
            {results.map((p, i) => (
              <ProductCard key={p._id} product={p} currency={store.currency} eager={i < 4} />
            ))}
          </ul>
        )}
        {(status === "CanLoadMore" || status === "LoadingMore") && (
          <div className="mt-10 text-center">
            <button
              type="button"
              onClick={() => loadMore(PAGE_SIZE)}
              disabled={status === "LoadingMore"}
              className="rounded-full border border-stone-300 bg-white px-6 py-2.5 text-sm font-medium text-stone-800 hover:border-stone-500 disabled:opacity-60"
            >
              {status === "LoadingMore" ? "Loading…" : "Show more products"}
            </button>
          </div>
        )}
      </section>
    </>
  );
}

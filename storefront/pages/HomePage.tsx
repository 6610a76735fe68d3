import { formatMoney } from "../../lib/money";
import { ProductGrid } from "../components/ProductCard";
import { categoryPath, type PublicProduct, type PublicStore, type StoreRef } from "../data";

export interface HomeData {
  featured: PublicProduct[];
  products: PublicProduct[];
  categories: string[];
  /** True when there are more products than the landing shows. */
  more: boolean;
}

export function HomePage({
  store,
  at,
  data,
}: {
  store: PublicStore;
  at: StoreRef;
  data: HomeData;
}) {
  const hero = data.featured[0] ?? data.products[0];
  const inStock = data.products.filter((p) => p.stock > 0).length;
  return (
    <>
      <section className="border-b border-stone-200 bg-gradient-to-b from-white to-stone-50">
        <div className="mx-auto grid max-w-6xl items-center gap-8 px-4 py-12 sm:px-6 md:grid-cols-[3fr_2fr] md:py-16">
          <div>
            <h1 className="font-display text-4xl font-semibold tracking-tight text-stone-900 sm:text-5xl">
              {store.name}
            </h1>
            {store.tagline && (
              <p className="mt-4 max-w-2xl text-lg text-stone-600">{store.tagline}</p>
            )}
            <a
              href="#products"
              className="mt-8 inline-block rounded-full bg-[var(--sf-primary)] px-6 py-3 text-sm font-semibold text-white hover:opacity-90"
            >
              Shop the collection
            </a>
            {/* Social proof from what the store really has: its range, stock and terms. */}
            <ul
              className="mt-8 flex flex-wrap gap-x-6 gap-y-2 text-sm text-stone-600"
              data-testid="store-facts"
            >
              {inStock > 0 && (
                <li>
                  <strong className="text-stone-900">
                    {inStock}
                    {data.more ? "+" : ""}
                  </strong>{" "}
                  products in stock
                </li>
              )}
              {data.categories.length > 1 && (
                <li>
                  <strong className="text-stone-900">{data.categories.length}</strong> categories
                </li>
              )}
              {store.freeShippingThresholdCents !== undefined && (
                <li>
                  Free shipping over{" "}
                  <strong className="text-stone-900">
                    {formatMoney(store.freeShippingThresholdCents, store.currency)}
                  </strong>
                </li>
              )}
            </ul>
          </div>
          {hero?.images[0] && (
            <img
              src={hero.images[0].url}
              alt={hero.images[0].alt || hero.title}
              {...{ fetchpriority: "high" }}
              className="hidden aspect-square w-full rounded-2xl object-cover md:block"
            />
          )}
        </div>
      </section>

      {data.featured.length > 0 && (
        <section aria-labelledby="featured-title" className="mx-auto max-w-6xl px-4 pt-12 sm:px-6">
          <h2 id="featured-title" className="font-display text-2xl font-semibold text-stone-900">
            Featured
          </h2>
          <div data-testid="featured">
            <ProductGrid products={data.featured} store={at} currency={store.currency} />
          </div>
        </section>
      )}

      {data.categories.length > 0 && (
        <nav aria-label="Categories" className="mx-auto max-w-6xl px-4 pt-12 sm:px-6">
          <h2 className="font-display text-2xl font-semibold text-stone-900">Shop by category</h2>
          <ul className="mt-4 flex flex-wrap gap-2">
            {data.categories.map((c) => (
              <li key={c}>
                <a
                  href={categoryPath(at, c)}
                  className="inline-block rounded-full border border-stone-300 bg-white px-4 py-2 text-sm text-stone-800 hover:border-[var(--sf-accent)]"
                >
                  {c}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      )}

      <section
        id="products"
        aria-labelledby="products-title"
        className="mx-auto max-w-6xl scroll-mt-16 px-4 py-12 sm:px-6"
      >
        <h2 id="products-title" className="font-display text-2xl font-semibold text-stone-900">
          All products
        </h2>
        {data.products.length === 0 ? (
          <p className="mt-6 text-stone-600">No products here yet — check back soon.</p>
        ) : (
          <ProductGrid
            products={data.products}
            store={at}
            currency={store.currency}
            eagerCount={data.featured.length > 0 ? 0 : 4}
          />
        )}
        {data.more && data.categories.length > 0 && (
          <p className="mt-8 text-sm text-stone-600">
            More in each category:{" "}
            {data.categories.map((c, i) => (
              <span key={c}>
                {i > 0 && ", "}
                <a href={categoryPath(at, c)} className="underline">
                  {c}
                </a>
              </span>
            ))}
          </p>
        )}
      </section>
    </>
  );
}

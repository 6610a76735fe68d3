import { PageTitle } from "../components/Layout";
import { ProductGrid } from "../components/ProductCard";
import { categoryPath, pathIn, type PublicProduct, type PublicStore, type StoreRef } from "../data";

export interface CategoryData {
  category: string;
  products: PublicProduct[];
  /** The cursor of the next page, when there is one. */
  next?: string;
}

export function CategoryPage({
  store,
  at,
  data,
}: {
  store: PublicStore;
  at: StoreRef;
  data: CategoryData;
}) {
  return (
    <section className="mx-auto max-w-6xl px-4 py-10 sm:px-6">
      <nav aria-label="Breadcrumb" className="mb-4 text-sm text-stone-500">
        <a href={pathIn(at, "/")} className="hover:text-stone-800">
          Shop
        </a>
        <span aria-hidden> / </span>
        <span className="text-stone-800">{data.category}</span>
      </nav>
      <PageTitle>{data.category}</PageTitle>
      <ProductGrid products={data.products} store={at} currency={store.currency} />
      {data.next && (
        <a
          href={`${categoryPath(at, data.category)}?after=${encodeURIComponent(data.next)}`}
          className="mt-10 inline-block rounded-full border border-stone-300 bg-white px-6 py-2.5 text-sm font-medium text-stone-800 hover:border-stone-500"
        >
          More products
        </a>
      )}
    </section>
  );
}

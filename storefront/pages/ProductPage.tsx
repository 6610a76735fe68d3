import { Island } from "../components/Island";
import { categoryPath, pathIn, type PublicProduct, type PublicStore, type StoreRef } from "../data";
import { ProductView } from "../islands/ProductView";

export function ProductPage({
  store,
  at,
  product,
  renderedAt,
}: {
  store: PublicStore;
  at: StoreRef;
  product: PublicProduct;
  renderedAt: number;
}) {
  return (
    <article className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12" data-testid="product-page">
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-stone-500">
        <a href={pathIn(at, "/")} className="hover:text-stone-800">
          Shop
        </a>
        <span aria-hidden> / </span>
        <a href={categoryPath(at, product.category)} className="hover:text-stone-800">
          {product.category}
        </a>
        <span aria-hidden> / </span>
        <span className="text-stone-800">{product.title}</span>
      </nav>
      <Island
        name="product"
        component={ProductView}
        props={{ at, currency: store.currency, product, renderedAt }}
      />
    </article>
  );
}

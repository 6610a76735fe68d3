import { type PublicProduct, productPath, type StoreRef } from "../data";
import { Price } from "./Price";
import { ProductImage } from "./ProductImage";

export function ProductCard({
  product,
  store,
  currency,
  eager,
}: {
  product: PublicProduct;
  store: StoreRef;
  currency: string;
  eager?: boolean;
}) {
  const soldOut = product.stock <= 0;
  return (
    <li data-testid="product-card">
      <a href={productPath(store, product)} className="group block">
        <div className="relative aspect-square overflow-hidden rounded-xl bg-stone-100">
          <ProductImage
            src={product.images[0]?.url ?? null}
            alt={product.images[0]?.alt ?? product.title}
            eager={eager}
            className="transition duration-300 group-hover:scale-[1.03]"
          />
          {soldOut && (
            <span className="absolute left-2 top-2 rounded-full bg-white/90 px-2 py-0.5 text-xs font-medium text-stone-700">
              Sold out
            </span>
          )}
        </div>
        <h3 className="mt-3 text-sm font-medium text-stone-900 group-hover:underline">
          {product.title}
        </h3>
        <p className="text-xs text-stone-500">{product.category}</p>
        <Price
          cents={product.priceCents}
          compareAt={product.compareAtCents}
          currency={currency}
          from={new Set(product.variants.map((v) => v.priceCents)).size > 1}
          className="mt-1 block text-sm text-stone-700"
        />
      </a>
    </li>
  );
}

export function ProductGrid({
  products,
  store,
  currency,
  eagerCount = 4,
}: {
  products: PublicProduct[];
  store: StoreRef;
  currency: string;
  eagerCount?: number;
}) {
  return (
    <ul
      className="mt-6 grid grid-cols-2 gap-x-4 gap-y-8 md:grid-cols-3 lg:grid-cols-4"
      data-testid="product-grid"
    >
      {products.map((p, i) => (
        <ProductCard
          key={p._id}
          product={p}
          store={store}
          currency={currency}
          eager={i < eagerCount}
        />
      ))}
    </ul>
  );
}

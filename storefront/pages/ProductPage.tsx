import { useQuery } from "convex/react";
import { useState } from "react";
import { Link, useDocumentMeta } from "../../lib/router";
import { Price } from "../components/Price";
import { ProductImage } from "../components/ProductImage";
import { metaDescription, type PublicProduct, storePath, storeSlug, storefrontApi } from "../data";
import { useStore } from "../useStore";
import { NotFoundPage } from "./NotFoundPage";

export function ProductPage({ productSlug }: { productSlug: string }) {
  const store = useStore();
  const product = useQuery(storefrontApi.product, { slug: storeSlug(), productSlug });
  const storeName = store?.name ?? "Store";
  useDocumentMeta(
    product ? (product.seo?.title ?? `${product.title} · ${storeName}`) : storeName,
    product
      ? metaDescription(product.seo?.description ?? product.description ?? product.title)
      : undefined,
  );
  if (product === null || store === null) return <NotFoundPage what="product" />;
  if (product === undefined || store === undefined) return <ProductSkeleton />;
  return <ProductDetail product={product} currency={store.currency} />;
}

function ProductDetail({ product, currency }: { product: PublicProduct; currency: string }) {
  const [imageIndex, setImageIndex] = useState(0);
  const firstAvailable = product.variants.find((v) => v.stock > 0) ?? product.variants[0];
  const [sku, setSku] = useState(firstAvailable?.sku);
  const variant = product.variants.find((v) => v.sku === sku) ?? firstAvailable;
  const image = product.images[imageIndex] ?? product.images[0];

  return (
    <article className="mx-auto max-w-6xl px-4 py-8 sm:px-6 sm:py-12" data-testid="product-page">
      <nav aria-label="Breadcrumb" className="mb-6 text-sm text-stone-500">
        <Link href={storePath("/")} className="hover:text-stone-800">
          Shop
        </Link>
        <span aria-hidden> / </span>
        <span>{product.category}</span>
        <span aria-hidden> / </span>
        <span className="text-stone-800">{product.title}</span>
      </nav>
      <div className="grid gap-8 md:grid-cols-2 md:gap-12">
        <div>
          <div className="aspect-square overflow-hidden rounded-2xl bg-stone-100">
            <ProductImage src={image?.url ?? null} alt={image?.alt ?? product.title} eager />
          </div>
          {product.images.length > 1 && (
            <ul className="mt-3 grid grid-cols-5 gap-2">
              {product.images.map((img, i) => (
                <li key={img.url}>
                  <button
                    type="button"
                    onClick={() => setImageIndex(i)}
                    aria-label={`Show image ${i + 1}: ${img.alt}`}
                    aria-pressed={i === imageIndex}
                    className={`aspect-square w-full overflow-hidden rounded-lg ring-2 ${
                      i === imageIndex ? "ring-stone-900" : "ring-transparent hover:ring-stone-300"
                    }`}
                  >
                    <ProductImage src={img.url} alt="" />
                  </button>
                </li>
              ))}
            </ul>
          )}
        </div>

        <div>
          <h1 className="font-display text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">
            {product.title}
          </h1>
          <p className="mt-4 text-2xl text-stone-900" data-testid="product-price">
            <Price
              cents={variant?.priceCents ?? product.priceCents}
              compareAt={variant ? variant.compareAtCents : product.compareAtCents}
              currency={currency}
            />
          </p>

          {product.variants.length > 1 && (
            <fieldset className="mt-8">
              <legend className="text-sm font-medium text-stone-900">
                {Object.keys(product.variants[0].options).map(capitalize).join(" / ") || "Options"}
              </legend>
              <div className="mt-3 flex flex-wrap gap-2">
                {product.variants.map((v) => (
                  <label
                    key={v.sku}
                    className={`cursor-pointer rounded-full border px-4 py-2 text-sm has-[:focus-visible]:ring-2 has-[:focus-visible]:ring-stone-400 ${
                      v.sku === variant?.sku
                        ? "border-stone-900 bg-stone-900 text-white"
                        : "border-stone-300 bg-white text-stone-800 hover:border-stone-500"
                    } ${v.stock > 0 ? "" : "opacity-50 line-through"}`}
                  >
                    <input
                      type="radio"
                      name="variant"
                      value={v.sku}
                      checked={v.sku === variant?.sku}
                      onChange={() => setSku(v.sku)}
                      className="sr-only"
                    />
                    {v.title}
                  </label>
                ))}
              </div>
            </fieldset>
          )}

          <div className="mt-8">
            <button
              type="button"
              disabled
              aria-describedby="checkout-note"
              className="w-full cursor-not-allowed rounded-full bg-stone-400 px-6 py-3.5 text-sm font-semibold text-white sm:w-auto sm:min-w-64"
            >
              Add to cart
            </button>
            <p id="checkout-note" className="mt-3 text-sm text-stone-500">
              Checkout comes in a later release — you can browse, but not buy yet.
            </p>
            {variant && variant.stock <= 0 && (
              <p className="mt-2 text-sm font-medium text-rose-700">
                {product.variants.length > 1 ? "This option is sold out." : "Sold out."}
              </p>
            )}
            {variant && variant.stock > 0 && variant.stock <= 5 && (
              <p className="mt-2 text-sm font-medium text-amber-700">Only {variant.stock} left.</p>
            )}
          </div>

          {product.description && (
            <div className="mt-10 border-t border-stone-200 pt-6">
              <h2 className="text-sm font-medium text-stone-900">Description</h2>
              <div className="mt-3 space-y-3 leading-relaxed text-stone-700">
                {product.description.split(/\n{2,}/).map((para) => (
                  <p key={para}>{para}</p>
                ))}
              </div>
            </div>
          )}
        </div>
      </div>
    </article>
  );
}

function ProductSkeleton() {
  return (
    <div
      className="mx-auto grid max-w-6xl gap-8 px-4 py-12 sm:px-6 md:grid-cols-2"
      aria-busy="true"
    >
      <div className="aspect-square animate-pulse rounded-2xl bg-stone-200" />
      <div className="space-y-4">
        <div className="h-10 w-3/4 animate-pulse rounded bg-stone-200" />
        <div className="h-8 w-1/4 animate-pulse rounded bg-stone-200" />
        <div className="h-12 w-64 animate-pulse rounded-full bg-stone-200" />
      </div>
    </div>
  );
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

import { useEffect, useRef, useState } from "react";
import { formatMoney } from "../../lib/money";
import { addToCart } from "../cart";
import { checkoutApi } from "../checkoutApi";
import { Price } from "../components/Price";
import { ProductImage } from "../components/ProductImage";
import {
  defaultVariant,
  LOW_STOCK,
  pathIn,
  type PublicProduct,
  type StoreRef,
  storefrontApi,
} from "../data";
import { convex, useLive } from "../live";
import { visitorId } from "../visitor";

export interface ProductViewProps {
  at: StoreRef;
  currency: string;
  product: PublicProduct;
  /** The server's clock when it rendered, so the first paint of a countdown matches. */
  renderedAt: number;
}

/**
 * The product page's live part: pictures, price, variant picker, stock and the cart button.
 * It starts from the server-rendered product and follows every change the team makes.
 */
export function ProductView({ at, currency, product: initial, renderedAt }: ProductViewProps) {
  const { data } = useLive(
    storefrontApi.product,
    // The visitor's own price when the team runs a price test (the server rendered the same).
    { slug: at.slug, productSlug: initial.slug, ...visitorArg() },
    initial,
  );
  const product = data ?? initial;
  const gone = data === null;
  const [sku, setSku] = useState(() => defaultVariant(initial)?.sku);
  const [imageUrl, setImageUrl] = useState<string | null>(
    () => defaultVariant(initial)?.imageUrl ?? null,
  );
  const [quantity, setQuantity] = useState(1);
  // A shopper may pick a variant or a quantity before this island hydrates. Hydration keeps
  // the page's elements as they are, so the inputs hold their choice: adopt it, or "Add to
  // cart" would add 1 of the default variant while 2 of another are chosen.
  const form = useRef<HTMLDivElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: once, when the island takes over
  useEffect(() => {
    const chosen = form.current?.querySelector<HTMLInputElement>('input[name="variant"]:checked');
    if (chosen && chosen.value !== sku) pick(chosen.value);
    const shown = Number(form.current?.querySelector("select")?.value);
    if (Number.isInteger(shown) && shown > 1) setQuantity(shown);
  }, []);
  const [added, setAdded] = useState(false);
  const now = useNow(renderedAt, product.saleEndsAt);

  useEffect(() => {
    // Counted once per visitor and day by the server; a missing tracker never blocks shopping.
    convex()
      .mutation(checkoutApi.track, {
        slug: at.slug,
        visitorId: visitorId(),
        type: "product_view",
        productId: initial._id,
      })
      .catch(() => {});
  }, [at.slug, initial._id]);

  if (gone) {
    return (
      <p role="status" className="mx-auto max-w-6xl px-4 py-16 text-stone-600 sm:px-6">
        This product is no longer available.{" "}
        <a href={pathIn(at, "/")} className="underline">
          See what else we have
        </a>
        .
      </p>
    );
  }

  const variant = product.variants.find((v) => v.sku === sku) ?? defaultVariant(product);
  const images = product.images;
  const shown = images.find((i) => i.url === imageUrl) ?? images[0];
  const price = variant?.priceCents ?? product.priceCents;
  const compareAt = variant ? variant.compareAtCents : product.compareAtCents;
  const stock = variant?.stock ?? product.stock;
  const saleLeft =
    product.saleEndsAt !== undefined && product.saleEndsAt > now ? product.saleEndsAt - now : null;

  function pick(nextSku: string) {
    setSku(nextSku);
    setAdded(false);
    const next = product.variants.find((v) => v.sku === nextSku);
    if (next?.imageUrl) setImageUrl(next.imageUrl);
  }

  function add() {
    if (!variant || stock <= 0) return;
    addToCart(at.slug, {
      productId: product._id,
      sku: variant.sku,
      quantity: Math.min(quantity, stock),
      seenPriceCents: price,
    });
    setAdded(true);
    convex()
      .mutation(checkoutApi.track, {
        slug: at.slug,
        visitorId: visitorId(),
        type: "add_to_cart",
        productId: product._id,
      })
      .catch(() => {});
  }

  return (
    <div ref={form} className="grid gap-8 md:grid-cols-2 md:gap-12">
      <div>
        <div className="aspect-square overflow-hidden rounded-2xl bg-stone-100">
          <ProductImage
            key={shown?.url ?? "none"}
            src={shown?.url ?? null}
            alt={shown?.alt ?? product.title}
            eager
          />
        </div>
        {images.length > 1 && (
          <ul className="mt-3 grid grid-cols-5 gap-2">
            {images.map((img, i) => (
              <li key={img.url}>
                <button
                  type="button"
                  onClick={() => setImageUrl(img.url)}
                  aria-label={`Show image ${i + 1}: ${img.alt}`}
                  aria-pressed={img.url === shown?.url}
                  className={`aspect-square w-full overflow-hidden rounded-lg ring-2 ${
                    img.url === shown?.url
                      ? "ring-stone-900"
                      : "ring-transparent hover:ring-stone-300"
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
        <p className="text-sm text-stone-500">{product.category}</p>
        <h1 className="font-display text-3xl font-semibold tracking-tight text-stone-900 sm:text-4xl">
          {product.title}
        </h1>
        <p className="mt-4 text-2xl text-stone-900" data-testid="product-price">
          <Price cents={price} compareAt={compareAt} currency={currency} />
        </p>
        {saleLeft !== null && (
          <p className="mt-2 text-sm font-medium text-rose-700" data-testid="sale-countdown">
            Sale ends in {countdown(saleLeft)}
          </p>
        )}

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
                    onChange={() => pick(v.sku)}
                    className="sr-only"
                  />
                  {v.title}
                </label>
              ))}
            </div>
          </fieldset>
        )}

        <div className="mt-8 flex flex-wrap items-center gap-3">
          <label className="text-sm text-stone-700">
            <span className="sr-only">Quantity</span>
            <select
              value={quantity}
              onChange={(e) => setQuantity(Number(e.currentTarget.value))}
              disabled={stock <= 0}
              className="rounded-full border border-stone-300 bg-white px-3 py-3 text-sm"
              aria-label="Quantity"
            >
              {QUANTITIES.slice(0, Math.max(1, Math.min(10, stock))).map((n) => (
                <option key={n} value={n}>
                  {n}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={add}
            disabled={stock <= 0}
            className="rounded-full bg-[var(--sf-primary)] px-6 py-3.5 text-sm font-semibold text-white hover:opacity-90 disabled:cursor-not-allowed disabled:bg-stone-400 sm:min-w-64"
          >
            {stock <= 0 ? "Sold out" : "Add to cart"}
          </button>
        </div>
        <div className="mt-3 min-h-6 text-sm" aria-live="polite" data-testid="stock-note">
          {added ? (
            <p className="text-emerald-700">
              Added to your cart.{" "}
              <a href={pathIn(at, "/cart")} className="font-medium underline">
                View cart
              </a>
            </p>
          ) : stock <= 0 ? (
            <p className="font-medium text-rose-700">
              {product.variants.length > 1 ? "This option is sold out." : "Sold out."}
            </p>
          ) : stock <= LOW_STOCK ? (
            <p className="font-medium text-amber-700">Only {stock} left.</p>
          ) : (
            <p className="text-stone-500">In stock.</p>
          )}
        </div>
        {compareAt !== undefined && compareAt > price && (
          <p className="mt-1 text-sm text-stone-600">
            You save {formatMoney(compareAt - price, currency)}.
          </p>
        )}

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
  );
}

function visitorArg(): { visitorId?: string } {
  return typeof document === "undefined" ? {} : { visitorId: visitorId() };
}

const QUANTITIES = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10];

/** A clock that ticks each second only while a sale countdown is showing. */
function useNow(renderedAt: number, saleEndsAt: number | undefined): number {
  const [now, setNow] = useState(renderedAt);
  const ticking = saleEndsAt !== undefined && saleEndsAt > now;
  useEffect(() => {
    setNow(Date.now());
    if (!ticking) return;
    const id = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(id);
  }, [ticking]);
  return now;
}

export function countdown(ms: number): string {
  const s = Math.floor(ms / 1000);
  const d = Math.floor(s / 86400);
  const hms = [Math.floor((s % 86400) / 3600), Math.floor((s % 3600) / 60), s % 60]
    .map((n) => String(n).padStart(2, "0"))
    .join(":");
  return d > 0 ? `${d}d ${hms}` : hms;
}

function capitalize(s: string) {
  return s.charAt(0).toUpperCase() + s.slice(1);
}

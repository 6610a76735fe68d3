import { formatMoney } from "../../lib/money";
import { acceptPrices, type CartItem, setQuantity, useCart } from "../cart";
import type { Quote, QuoteLine } from "../checkoutApi";
import { ProductImage } from "../components/ProductImage";
import { Totals } from "../components/Totals";
import { pathIn, type StoreRef, variantLabel } from "../data";
import { useMounted } from "../mounted";
import { useQuote } from "../useQuote";

/**
 * The cart page. The browser only remembers what was chosen; every price, line and total shown
 * here comes from the server's quote, and anything that changed since it was added is said.
 */
export function CartView({ at }: { at: StoreRef }) {
  const mounted = useMounted();
  const cart = useCart(at.slug);
  const { quote, error, removed } = useQuote(at.slug, cart.items, mounted);
  const dropped = cart.dropped + removed;

  if (!mounted) return <p className="text-stone-500">Loading your cart…</p>;
  if (cart.items.length === 0) {
    return (
      <div data-testid="cart-empty">
        {dropped > 0 && <DroppedNote count={dropped} />}
        <p className="text-stone-600">Your cart is empty.</p>
        <a
          href={pathIn(at, "/")}
          className="mt-6 inline-block rounded-full bg-[var(--sf-primary)] px-6 py-3 text-sm font-semibold text-white"
        >
          Continue shopping
        </a>
      </div>
    );
  }
  if (!quote) {
    return (
      <p className="text-stone-500" role="status">
        {error ? "Checking the items in your cart…" : "Checking prices and stock…"}
      </p>
    );
  }

  const changes = priceChanges(cart.items, quote);
  const blocked = quote.lines.some((l) => l.problem);
  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_20rem]">
      <div>
        {dropped > 0 && <DroppedNote count={dropped} />}
        {changes.length > 0 && (
          <div
            role="status"
            className="mb-4 rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900"
            data-testid="price-changes"
          >
            <p className="font-medium">Some prices changed since you added them:</p>
            <ul className="mt-1 list-disc pl-5">
              {changes.map((c) => (
                <li key={c.key}>
                  {c.title}: was {formatMoney(c.was, quote.currency)}, now{" "}
                  {formatMoney(c.now, quote.currency)}
                </li>
              ))}
            </ul>
            <button
              type="button"
              className="mt-2 font-medium underline"
              onClick={() =>
                acceptPrices(
                  at.slug,
                  new Map(quote.lines.map((l) => [`${l.productId}|${l.sku}`, l.unitPriceCents])),
                )
              }
            >
              OK, got it
            </button>
          </div>
        )}
        <ul
          className="divide-y divide-stone-200 border-y border-stone-200"
          data-testid="cart-lines"
        >
          {quote.lines.map((line) => (
            <CartLine
              key={`${line.productId}|${line.sku}`}
              line={line}
              at={at}
              currency={quote.currency}
            />
          ))}
        </ul>
      </div>
      <aside className="h-fit rounded-2xl border border-stone-200 bg-white p-5">
        <Totals quote={quote} />
        {blocked && (
          <p className="mt-4 text-sm text-rose-700">
            Remove or change the items marked above to check out.
          </p>
        )}
        <a
          href={blocked ? undefined : pathIn(at, "/checkout")}
          aria-disabled={blocked}
          data-testid="go-checkout"
          className={`mt-5 block rounded-full px-6 py-3 text-center text-sm font-semibold text-white ${
            blocked ? "cursor-not-allowed bg-stone-400" : "bg-[var(--sf-primary)] hover:opacity-90"
          }`}
        >
          Check out
        </a>
      </aside>
    </div>
  );
}

function CartLine({ line, at, currency }: { line: QuoteLine; at: StoreRef; currency: string }) {
  const change = (q: number) => setQuantity(at.slug, line.productId, line.sku, q);
  return (
    <li className="flex gap-4 py-4" data-testid="cart-line">
      <div className="h-20 w-20 shrink-0 overflow-hidden rounded-lg bg-stone-100">
        <ProductImage src={line.imageUrl ?? null} alt={line.title} />
      </div>
      <div className="min-w-0 flex-1">
        <p className="font-medium text-stone-900">{line.title}</p>
        {variantLabel(line.variantTitle) && (
          <p className="text-sm text-stone-500">{line.variantTitle}</p>
        )}
        <p className="text-sm text-stone-600">{formatMoney(line.unitPriceCents, currency)} each</p>
        {line.problem && (
          <p className="mt-1 text-sm font-medium text-rose-700" data-testid="line-problem">
            {line.problem}
          </p>
        )}
        <div className="mt-2 flex items-center gap-2 text-sm">
          <button
            type="button"
            aria-label={`One fewer ${line.title}`}
            onClick={() => change(line.quantity - 1)}
            className="h-8 w-8 rounded-full border border-stone-300"
          >
            −
          </button>
          <span className="w-6 text-center tabular-nums" data-testid="line-quantity">
            {line.quantity}
          </span>
          <button
            type="button"
            aria-label={`One more ${line.title}`}
            onClick={() => change(line.quantity + 1)}
            disabled={line.quantity >= line.available}
            className="h-8 w-8 rounded-full border border-stone-300 disabled:opacity-40"
          >
            +
          </button>
          <button
            type="button"
            onClick={() => change(0)}
            className="ml-3 text-stone-500 underline hover:text-stone-900"
          >
            Remove
          </button>
        </div>
      </div>
      <p className="shrink-0 font-medium tabular-nums text-stone-900">
        {formatMoney(line.lineTotalCents, currency)}
      </p>
    </li>
  );
}

function DroppedNote({ count }: { count: number }) {
  return (
    <p
      role="status"
      className="mb-4 rounded-xl bg-stone-100 p-3 text-sm text-stone-700"
      data-testid="cart-dropped"
    >
      {count === 1
        ? "One item in your saved cart was not valid and was removed."
        : `${count} items in your saved cart were not valid and were removed.`}
    </p>
  );
}

function priceChanges(items: CartItem[], quote: Quote) {
  const out: Array<{ key: string; title: string; was: number; now: number }> = [];
  for (const line of quote.lines) {
    const item = items.find((i) => i.productId === line.productId && i.sku === line.sku);
    if (item?.seenPriceCents !== undefined && item.seenPriceCents !== line.unitPriceCents) {
      out.push({
        key: `${line.productId}|${line.sku}`,
        title: variantLabel(line.variantTitle)
          ? `${line.title} (${line.variantTitle})`
          : line.title,
        was: item.seenPriceCents,
        now: line.unitPriceCents,
      });
    }
  }
  return out;
}

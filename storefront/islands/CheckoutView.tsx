import { type FormEvent, useState } from "react";
import { formatMoney } from "../../lib/money";
import { clearCart, useCart } from "../cart";
import { checkoutApi, type ShippingAddress } from "../checkoutApi";
import { Totals } from "../components/Totals";
import { pathIn, type StoreRef, variantLabel } from "../data";
import { convex, errorKind, errorMessage } from "../live";
import { useMounted } from "../mounted";
import { pendingCheckout } from "../pending";
import { useQuote } from "../useQuote";
import { visitorId } from "../visitor";

type Step = { kind: "details" } | { kind: "pay"; checkoutId: string };

const EMPTY_ADDRESS: ShippingAddress = {
  name: "",
  line1: "",
  line2: "",
  city: "",
  region: "",
  postalCode: "",
  country: "US",
};

/** Checkout: contact and address, an optional code, the server's totals, then payment. */
export function CheckoutView({ at }: { at: StoreRef }) {
  const mounted = useMounted();
  const cart = useCart(at.slug);
  const [email, setEmail] = useState("");
  const [address, setAddress] = useState<ShippingAddress>(EMPTY_ADDRESS);
  const [codeInput, setCodeInput] = useState("");
  const [couponCode, setCouponCode] = useState<string | undefined>();
  const [step, setStep] = useState<Step>({ kind: "details" });
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [card, setCard] = useState("");

  const items = cart.items.map(({ productId, sku, quantity }) => ({ productId, sku, quantity }));
  const { quote, error } = useQuote(at.slug, cart.items, mounted, couponCode);

  if (!mounted) return <p className="text-stone-500">Loading checkout…</p>;
  if (items.length === 0 && step.kind === "details") {
    return (
      <p className="text-stone-600" data-testid="checkout-empty">
        Your cart is empty.{" "}
        <a href={pathIn(at, "/")} className="underline">
          Continue shopping
        </a>
      </p>
    );
  }
  if (!quote) {
    return (
      <p className="text-stone-500" role="status">
        {error ? "Checking the items in your cart…" : "Checking prices and stock…"}
      </p>
    );
  }
  const offline = quote.paymentMode === "offline";
  const blocked = quote.lines.some((l) => l.problem);

  async function start(e: FormEvent) {
    e.preventDefault();
    if (!quote) return;
    const missing = checkDetails(email, address);
    if (missing) return setProblem(missing);
    setBusy(true);
    setProblem(null);
    try {
      const result = await convex().action(checkoutApi.start, {
        slug: at.slug,
        visitorId: visitorId(),
        items,
        ...(couponCode ? { couponCode } : {}),
        email: email.trim(),
        shippingAddress: tidy(address),
        expectedTotalCents: quote.totalCents,
        returnUrl: `${window.location.origin}${pathIn(at, "/checkout/return")}`,
      });
      if (result.mode === "stripe") {
        pendingCheckout.save(at.slug, result.checkoutId);
        window.location.assign(result.url);
        return;
      }
      setStep({ kind: "pay", checkoutId: result.checkoutId });
    } catch (err) {
      const kind = errorKind(err);
      setProblem(
        kind === "CONFLICT"
          ? `${errorMessage(err)} The total above is up to date.`
          : errorMessage(err),
      );
    } finally {
      setBusy(false);
    }
  }

  async function pay(e: FormEvent) {
    e.preventDefault();
    if (step.kind !== "pay") return;
    setBusy(true);
    setProblem(null);
    try {
      const { receiptToken } = await convex().mutation(checkoutApi.payOffline, {
        slug: at.slug,
        checkoutId: step.checkoutId,
        cardNumber: card.replace(/\s+/g, ""),
      });
      clearCart(at.slug);
      window.location.assign(pathIn(at, `/order/${encodeURIComponent(receiptToken)}`));
    } catch (err) {
      setProblem(errorMessage(err));
      setBusy(false);
    }
  }

  const field = (key: keyof ShippingAddress) => ({
    value: address[key] ?? "",
    onChange: (e: { currentTarget: { value: string } }) => {
      const value = e.currentTarget.value;
      setAddress((a) => ({ ...a, [key]: value }));
    },
    disabled: step.kind !== "details",
  });

  return (
    <div className="grid gap-10 lg:grid-cols-[1fr_22rem]">
      <div>
        {offline && (
          <p
            className="mb-6 rounded-xl border border-sky-300 bg-sky-50 p-4 text-sm text-sky-900"
            data-testid="test-payment-banner"
          >
            <strong>Test payment — no real card is charged.</strong> Use 4242 4242 4242 4242 to pay,
            or 4000 0000 0000 0002 to see a declined card.
          </p>
        )}
        <form onSubmit={start} noValidate className="space-y-6" aria-label="Your details">
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold text-stone-900">Contact</legend>
            <Input
              label="Email"
              type="email"
              autoComplete="email"
              value={email}
              onChange={(e) => setEmail(e.currentTarget.value)}
              disabled={step.kind !== "details"}
            />
          </fieldset>
          <fieldset className="space-y-3">
            <legend className="text-lg font-semibold text-stone-900">Shipping address</legend>
            <Input label="Full name" autoComplete="name" {...field("name")} />
            <Input label="Address" autoComplete="address-line1" {...field("line1")} />
            <Input
              label="Apartment, suite (optional)"
              autoComplete="address-line2"
              {...field("line2")}
            />
            <div className="grid gap-3 sm:grid-cols-2">
              <Input label="City" autoComplete="address-level2" {...field("city")} />
              <Input
                label="State / region (optional)"
                autoComplete="address-level1"
                {...field("region")}
              />
              <Input label="Postal code" autoComplete="postal-code" {...field("postalCode")} />
              <Input
                label="Country code"
                autoComplete="country"
                maxLength={2}
                {...field("country")}
              />
            </div>
          </fieldset>
          {step.kind === "details" && (
            <button
              type="submit"
              disabled={busy || blocked}
              className="w-full rounded-full bg-[var(--sf-primary)] px-6 py-3.5 text-sm font-semibold text-white hover:opacity-90 disabled:bg-stone-400"
            >
              {busy
                ? "Checking…"
                : offline
                  ? "Continue to payment"
                  : `Pay ${formatMoney(quote.totalCents, quote.currency)}`}
            </button>
          )}
        </form>

        {step.kind === "pay" && (
          <form onSubmit={pay} className="mt-8 space-y-3" aria-label="Test payment">
            <h2 className="text-lg font-semibold text-stone-900">Test payment</h2>
            <Input
              label="Card number"
              inputMode="numeric"
              autoComplete="off"
              value={card}
              placeholder="4242 4242 4242 4242"
              onChange={(e) => setCard(e.currentTarget.value)}
            />
            <button
              type="submit"
              disabled={busy}
              className="w-full rounded-full bg-[var(--sf-primary)] px-6 py-3.5 text-sm font-semibold text-white hover:opacity-90 disabled:bg-stone-400"
            >
              {busy ? "Paying…" : `Pay ${formatMoney(quote.totalCents, quote.currency)} (test)`}
            </button>
          </form>
        )}
        {problem && (
          <p
            role="alert"
            className="mt-4 rounded-xl bg-rose-50 p-3 text-sm text-rose-800"
            data-testid="checkout-problem"
          >
            {problem}
          </p>
        )}
      </div>

      <aside className="h-fit space-y-4 rounded-2xl border border-stone-200 bg-white p-5">
        <h2 className="font-semibold text-stone-900">Order summary</h2>
        <ul className="space-y-2 text-sm">
          {quote.lines.map((l) => (
            <li key={`${l.productId}|${l.sku}`} className="flex justify-between gap-3">
              <span>
                {l.quantity} × {l.title}
                {variantLabel(l.variantTitle) ? ` (${l.variantTitle})` : ""}
                {l.problem && <span className="block text-rose-700">{l.problem}</span>}
              </span>
              <span className="tabular-nums">{formatMoney(l.lineTotalCents, quote.currency)}</span>
            </li>
          ))}
        </ul>
        {step.kind === "details" && (
          <form
            className="flex gap-2"
            onSubmit={(e) => {
              e.preventDefault();
              setCouponCode(codeInput.trim() || undefined);
            }}
          >
            <label className="sr-only" htmlFor="coupon">
              Discount code
            </label>
            <input
              id="coupon"
              value={codeInput}
              onChange={(e) => setCodeInput(e.currentTarget.value)}
              placeholder="Discount code"
              className="min-w-0 flex-1 rounded-lg border border-stone-300 px-3 py-2 text-sm"
            />
            <button type="submit" className="rounded-lg border border-stone-300 px-3 py-2 text-sm">
              Apply
            </button>
          </form>
        )}
        {quote.couponProblem && (
          <p className="text-sm text-rose-700" data-testid="coupon-problem">
            {quote.couponProblem}
          </p>
        )}
        {quote.coupon && (
          <p className="text-sm text-emerald-700">
            Code {quote.coupon.code} applied: {quote.coupon.label}
          </p>
        )}
        <Totals quote={quote} />
      </aside>
    </div>
  );
}

function Input({
  label,
  ...rest
}: { label: string } & React.InputHTMLAttributes<HTMLInputElement>) {
  return (
    <label className="block text-sm">
      <span className="text-stone-700">{label}</span>
      <input
        {...rest}
        className="mt-1 block w-full rounded-lg border border-stone-300 bg-white px-3 py-2 text-stone-900 disabled:bg-stone-100"
      />
    </label>
  );
}

/** What is missing, said plainly, before asking the server (which checks again). */
export function checkDetails(email: string, a: ShippingAddress): string | null {
  if (!/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email.trim())) return "Enter a valid email address.";
  if (!a.name.trim()) return "Enter the name to ship to.";
  if (!a.line1.trim()) return "Enter the street address.";
  if (!a.city.trim()) return "Enter the city.";
  if (!a.postalCode.trim()) return "Enter the postal code.";
  if (!/^[A-Za-z]{2}$/.test(a.country.trim())) return "Enter a two-letter country code (e.g. US).";
  return null;
}

function tidy(a: ShippingAddress): ShippingAddress {
  const out: ShippingAddress = {
    name: a.name.trim(),
    line1: a.line1.trim(),
    city: a.city.trim(),
    postalCode: a.postalCode.trim(),
    country: a.country.trim().toUpperCase(),
  };
  if (a.line2?.trim()) out.line2 = a.line2.trim();
  if (a.region?.trim()) out.region = a.region.trim();
  return out;
}

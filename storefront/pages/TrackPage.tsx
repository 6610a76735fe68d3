import { formatMoney } from "../../lib/money";
import { Island } from "../components/Island";
import { PageTitle } from "../components/Layout";
import { pathIn, type StoreRef } from "../data";
import { ReturnRequest } from "../islands/ReturnRequest";
import type { TrackedOrder } from "../trackApi";

export type TrackData = {
  number: string;
  email: string;
  order: TrackedOrder | null;
  /** Why there is no order to show (no match, a field missing, too many tries). */
  message?: string;
};

const RETURN_WORDS: Record<TrackedOrder["returns"][number]["status"], string> = {
  requested: "Return requested — the store will reply soon",
  approved: "Return approved — your refund is on its way",
  refunded: "Refunded",
  denied: "Return declined",
};

const day = (at: number) =>
  new Date(at).toLocaleDateString("en", { day: "numeric", month: "short", year: "numeric" });

/** /track: the look-up form, and (number + email matched) the order's timeline, server-rendered. */
export function TrackPage({ at, data }: { at: StoreRef; data: TrackData }) {
  const { order } = data;
  return (
    <section className="mx-auto max-w-3xl px-4 py-10 sm:px-6">
      <PageTitle sub="Enter your order number and the email you used at checkout.">
        Track your order
      </PageTitle>
      <form
        method="get"
        action={pathIn(at, "/track")}
        className="grid gap-3 sm:grid-cols-[1fr_2fr_auto] sm:items-end"
        data-testid="track-form"
      >
        <label className="text-sm text-stone-700">
          Order number
          <input
            name="number"
            required
            inputMode="numeric"
            defaultValue={data.number}
            placeholder="1042"
            className="mt-1 w-full rounded-md border border-stone-300 px-3 py-2"
          />
        </label>
        <label className="text-sm text-stone-700">
          Email
          <input
            name="email"
            type="email"
            required
            defaultValue={data.email}
            placeholder="you@example.com"
            className="mt-1 w-full rounded-md border border-stone-300 px-3 py-2"
          />
        </label>
        <button
          type="submit"
          className="rounded-md bg-[var(--sf-primary)] px-5 py-2 font-medium text-white"
        >
          Track
        </button>
      </form>
      {data.message && (
        <p role="alert" className="mt-6 text-stone-700" data-testid="track-message">
          {data.message}
        </p>
      )}
      {order && (
        <div className="mt-10" data-testid="track-result">
          <h2 className="font-display text-2xl font-semibold text-stone-900">
            Order #{order.number}
          </h2>
          <p className="mt-1 text-sm text-stone-500">
            Placed {day(order.placedAt)} · {formatMoney(order.totalCents, order.currency)} ·{" "}
            {order.items.map((i) => `${i.quantity} × ${i.title}`).join(", ")}
          </p>
          <ol className="mt-6 space-y-0" data-testid="track-timeline">
            {order.timeline.map((step, i) => (
              <li key={step.key} className="relative flex gap-4 pb-6" data-done={step.done}>
                {i < order.timeline.length - 1 && (
                  <span
                    aria-hidden
                    className={`absolute left-[9px] top-5 h-full w-0.5 ${step.done ? "bg-[var(--sf-primary)]" : "bg-stone-200"}`}
                  />
                )}
                <span
                  aria-hidden
                  className={`relative mt-0.5 h-5 w-5 shrink-0 rounded-full border-2 ${step.done ? "border-[var(--sf-primary)] bg-[var(--sf-primary)]" : "border-stone-300 bg-white"}`}
                />
                <div className="min-w-0">
                  <p className={step.done ? "font-medium text-stone-900" : "text-stone-400"}>
                    {step.label}
                    {step.at !== undefined && (
                      <span className="ml-2 text-sm font-normal text-stone-500">
                        {day(step.at)}
                      </span>
                    )}
                  </p>
                  {step.trackingNumber && (
                    <p className="mt-1 break-all text-sm text-stone-600">
                      {step.carrier} ·{" "}
                      {step.trackingUrl ? (
                        <a
                          href={step.trackingUrl}
                          rel="noopener noreferrer"
                          target="_blank"
                          className="underline"
                          data-testid="track-carrier-link"
                        >
                          {step.trackingNumber}
                        </a>
                      ) : (
                        step.trackingNumber
                      )}
                    </p>
                  )}
                </div>
              </li>
            ))}
          </ol>
          {order.returns.length > 0 && (
            <ul className="mb-6 space-y-2 text-sm" data-testid="track-returns">
              {order.returns.map((r) => (
                <li key={r.requestedAt} className="rounded-md bg-stone-100 px-4 py-3">
                  <p className="font-medium text-stone-900">{RETURN_WORDS[r.status]}</p>
                  <p className="text-stone-600">
                    {day(r.requestedAt)} · “{r.reason}” ·{" "}
                    {formatMoney(r.refundCents, order.currency)}
                  </p>
                  {r.note && <p className="mt-1 text-stone-700">The store says: {r.note}</p>}
                </li>
              ))}
            </ul>
          )}
          {order.canReturn && (
            <Island
              name="return-request"
              component={ReturnRequest}
              props={{ slug: at.slug, number: data.number, email: data.email }}
            />
          )}
        </div>
      )}
    </section>
  );
}

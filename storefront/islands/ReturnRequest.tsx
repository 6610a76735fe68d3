import { useState } from "react";
import { convex, errorMessage } from "../live";
import { trackApi } from "../trackApi";
import { visitorId } from "../visitor";

/**
 * "Return this order" on /track: the reason, then the request (checked again on the server with
 * the same number + email). The page reloads to show the return in the timeline.
 */
export function ReturnRequest({
  slug,
  number,
  email,
}: {
  slug: string;
  number: string;
  email: string;
}) {
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState("");
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);

  if (!open) {
    return (
      <button
        type="button"
        onClick={() => setOpen(true)}
        className="rounded-md border border-stone-300 px-4 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100"
      >
        Return this order
      </button>
    );
  }
  async function submit(event: { preventDefault(): void }) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const result = await convex().mutation(trackApi.requestReturn, {
        slug,
        number,
        email,
        reason,
        visitorId: visitorId(),
      });
      if (!result.ok) throw new Error(result.message);
      window.location.reload();
    } catch (err) {
      setError(err instanceof Error && !("data" in err) ? err.message : errorMessage(err));
      setBusy(false);
    }
  }
  return (
    <form onSubmit={submit} className="space-y-3" data-testid="return-form">
      <label className="block text-sm font-medium text-stone-800" htmlFor="return-reason">
        Why is it coming back?
      </label>
      <textarea
        id="return-reason"
        required
        maxLength={1000}
        rows={3}
        value={reason}
        onChange={(e) => setReason(e.currentTarget.value)}
        className="w-full rounded-md border border-stone-300 px-3 py-2 text-sm"
        placeholder="Arrived damaged, wrong size…"
      />
      {error && (
        <p role="alert" className="text-sm text-rose-700">
          {error}
        </p>
      )}
      <div className="flex gap-3">
        <button
          type="submit"
          disabled={busy || reason.trim() === ""}
          className="rounded-md bg-[var(--sf-primary)] px-4 py-2 text-sm font-medium text-white disabled:opacity-50"
        >
          {busy ? "Sending…" : "Request return"}
        </button>
        <button
          type="button"
          onClick={() => setOpen(false)}
          className="px-2 text-sm text-stone-600 underline"
        >
          Cancel
        </button>
      </div>
    </form>
  );
}

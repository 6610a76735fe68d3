import { ErrorPanel } from "../../components/ErrorPanel";
import { Skeleton } from "../../components/Skeleton";

/**
 * Everything under the options that is not an option: the first-search skeleton, "nothing
 * matches" and a failed search with what to do next.
 * Screen readers hear the same through the polite live region.
 */
export function PaletteStatus({
  query,
  pending,
  showingResults,
  empty,
  error,
  onRetry,
}: {
  query: string;
  pending: boolean;
  showingResults: boolean;
  empty: boolean;
  error: unknown;
  onRetry: () => void;
}) {
  const announce = error
    ? "The search failed."
    : pending
      ? "Searching…"
      : empty
        ? `No products or orders match “${query}”.`
        : "";
  return (
    <>
      <p role="status" aria-live="polite" className="sr-only">
        {announce}
      </p>
      {error !== null && error !== undefined ? (
        <div className="p-2">
          <ErrorPanel error={error} onRetry={onRetry} />
        </div>
      ) : pending && !showingResults ? (
        <div className="space-y-2 px-3 py-2" aria-hidden data-testid="palette-loading">
          <p className="text-xs font-semibold uppercase tracking-wide text-gray-400">Searching…</p>
          {[0, 1, 2].map((i) => (
            <div key={i} className="flex items-center gap-3">
              <Skeleton className="h-8 w-8" />
              <Skeleton className="h-4 flex-1" />
              <Skeleton className="h-4 w-14" />
            </div>
          ))}
        </div>
      ) : empty ? (
        <div className="px-3 py-8 text-center text-sm" data-testid="palette-empty">
          <p className="font-medium text-gray-900">No products or orders match “{query}”.</p>
          <p className="mt-1 text-gray-500">
            Try the start of a product title, a customer’s name or email, or an order number such as
            #1042.
          </p>
        </div>
      ) : null}
    </>
  );
}

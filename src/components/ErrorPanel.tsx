import { explainError } from "../lib/errors";
import { Button } from "./Button";
import { Icon } from "./Icon";

/** An error a person can act on: what happened, why, and what to do next. */
export function ErrorPanel({
  error,
  onRetry,
  next,
}: {
  error: unknown;
  onRetry?: () => void;
  /** A better next step than the kind's general one, where the page knows the situation. */
  next?: string;
}) {
  const e = explainError(error);
  if (next) e.next = next;
  return (
    <div role="alert" className="rounded-xl border border-rose-200 bg-rose-50 p-5 text-sm">
      <div className="flex items-start gap-3">
        <Icon name="alert" className="mt-0.5 h-5 w-5 shrink-0 text-rose-600" />
        <div className="min-w-0">
          <h2 className="font-semibold text-rose-900">{e.title}</h2>
          <p className="mt-1 break-words text-rose-800">{e.message}</p>
          <p className="mt-2 text-rose-900">
            <span className="font-medium">What to do: </span>
            {e.next}
          </p>
          {onRetry && (
            <Button variant="danger" className="mt-3" onClick={onRetry}>
              Try again
            </Button>
          )}
        </div>
      </div>
    </div>
  );
}

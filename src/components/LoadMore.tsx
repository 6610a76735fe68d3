import { countOf, type Noun } from "../../lib/plural";
import type { ListStatus } from "../app/storeHooks";
import { Button } from "./Button";

/** The footer of a paginated list: "Load more", a spinner, or "that's everything". */
export function LoadMore({
  status,
  onLoadMore,
  count,
  noun,
}: {
  status: ListStatus;
  onLoadMore: () => void;
  count: number;
  noun: Noun;
}) {
  return (
    <div className="flex items-center justify-between gap-3 border-t border-gray-100 px-4 py-3 text-sm text-gray-500">
      <span data-testid="list-count">
        Showing {countOf(count, noun)}
        {status === "Exhausted" ? " — that’s all" : ""}
      </span>
      {(status === "CanLoadMore" || status === "LoadingMore") && (
        <Button onClick={onLoadMore} disabled={status === "LoadingMore"} size="sm">
          {status === "LoadingMore" ? "Loading…" : "Load more"}
        </Button>
      )}
    </div>
  );
}

/** The footer of a paginated list: "Load more", a spinner, or "that's everything". */
export function LoadMore({
  status,
  onLoadMore,
  count,
  noun,
}: {
  status: "LoadingFirstPage" | "CanLoadMore" | "LoadingMore" | "Exhausted";
  onLoadMore: () => void;
  count: number;
  noun: string;
}) {
  return (
    <div className="flex items-center justify-between gap-3 border-t border-gray-100 px-4 py-3 text-sm text-gray-500">
      <span>
        Showing {count} {noun}
        {status === "Exhausted" ? " — that’s all" : ""}
      </span>
      {(status === "CanLoadMore" || status === "LoadingMore") && (
        <button
          type="button"
          onClick={onLoadMore}
          disabled={status === "LoadingMore"}
          className="rounded-md border border-gray-300 bg-white px-3 py-1.5 font-medium text-gray-700 shadow-sm hover:bg-gray-50 disabled:opacity-60"
        >
          {status === "LoadingMore" ? "Loading…" : "Load more"}
        </button>
      )}
    </div>
  );
}

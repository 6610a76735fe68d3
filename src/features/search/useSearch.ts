import { useCallback, useEffect, useRef, useState } from "react";
import { api, type Doc } from "../../../lib/api";
import { useStoreQuery } from "../../app/storeHooks";

export interface SearchResults {
  /** The text these results answer (results for an older text stay on screen, dimmed). */
  text: string;
  products: Doc<"products">[];
  orders: Doc<"orders">[];
}

/**
 * The palette's two live searches (products by title, orders by customer, email or number).
 * `results` is the latest complete answer, kept while the answer for a newer text is on its
 * way; an empty text searches nothing. `retry` re-subscribes after a failure.
 */
export function useSearch(text: string): {
  results: SearchResults | null;
  error: Error | null;
  retry: () => void;
} {
  const [retrying, setRetrying] = useState(false);
  const args = text === "" || retrying ? "skip" : { text };
  const products = useStoreQuery(api.catalog.search, args);
  const orders = useStoreQuery(api.orders.search, args);
  // Skipping for one render drops the failed subscription, so the next one runs afresh.
  useEffect(() => {
    if (retrying) setRetrying(false);
  }, [retrying]);

  const last = useRef<SearchResults | null>(null);
  if (text === "") last.current = null;
  if (products.status === "success" && orders.status === "success") {
    const prev = last.current;
    if (prev?.text !== text || prev.products !== products.data || prev.orders !== orders.data) {
      last.current = { text, products: products.data, orders: orders.data };
    }
  }
  const retry = useCallback(() => setRetrying(true), []);
  return { results: last.current, error: products.error ?? orders.error ?? null, retry };
}

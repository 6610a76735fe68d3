import { useQuery } from "convex/react";
import { Component, type ReactNode, useEffect } from "react";
import { api, type Doc, type Id } from "../../../lib/api";

export interface SearchResults {
  /** The text these results answer (results for an older text stay on screen, dimmed). */
  text: string;
  products: Doc<"products">[];
  orders: Doc<"orders">[];
}

/**
 * The two live searches. Renders nothing: it reports each complete answer (and every live
 * update of it) to the palette, which owns the list and the keyboard. An empty text skips both.
 */
export function SearchSource({
  storeId,
  text,
  onResults,
}: {
  storeId: Id<"stores">;
  text: string;
  onResults: (results: SearchResults) => void;
}) {
  const args = text === "" ? "skip" : { storeId, text };
  const products = useQuery(api.catalog.search, args);
  const orders = useQuery(api.orders.search, args);
  useEffect(() => {
    if (products !== undefined && orders !== undefined) onResults({ text, products, orders });
  }, [text, products, orders, onResults]);
  return null;
}

/**
 * A failed search throws while rendering (useQuery); this catches it for the searches only, so
 * the input and the page commands keep working, and hands the error to the palette to explain.
 */
export class SearchErrorBoundary extends Component<
  { children: ReactNode; resetKey: string; onError: (error: unknown, key: string) => void },
  { failed: boolean; key: string }
> {
  state = { failed: false, key: this.props.resetKey };

  static getDerivedStateFromError() {
    return { failed: true };
  }

  static getDerivedStateFromProps(props: { resetKey: string }, state: { key: string }) {
    return props.resetKey !== state.key ? { failed: false, key: props.resetKey } : null;
  }

  componentDidCatch(error: unknown) {
    this.props.onError(error, this.props.resetKey);
  }

  render() {
    return this.state.failed ? null : this.props.children;
  }
}

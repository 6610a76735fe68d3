import { useEffect, useState } from "react";
import { type CartItem, removeLines } from "./cart";
import { checkoutApi, type Quote } from "./checkoutApi";
import { convex, useLive } from "./live";
import { visitorId } from "./visitor";

/**
 * The server's live quote for the cart. When the server refuses the cart as a whole (a line
 * edited into something that is not a product id at all), each line is asked about alone and
 * the unreadable ones are dropped, so one bad line cannot lock the shopper out of checkout.
 */
export function useQuote(
  slug: string,
  items: CartItem[],
  enabled: boolean,
  couponCode?: string,
): { quote: Quote | undefined; error: Error | null; removed: number } {
  const lines = items.map(({ productId, sku, quantity }) => ({ productId, sku, quantity }));
  const { data, error } = useLive(
    checkoutApi.quote,
    enabled && lines.length > 0
      ? { slug, visitorId: visitorId(), items: lines, ...(couponCode ? { couponCode } : {}) }
      : "skip",
  );
  const [removed, setRemoved] = useState(0);
  const failing = error !== null && lines.length > 0;
  const key = JSON.stringify(lines);
  // biome-ignore lint/correctness/useExhaustiveDependencies: `key` stands for `lines`
  useEffect(() => {
    if (!failing) return;
    let cancelled = false;
    void (async () => {
      const bad: CartItem[] = [];
      for (const line of lines) {
        try {
          await convex().query(checkoutApi.quote, { slug, visitorId: visitorId(), items: [line] });
        } catch {
          bad.push(line);
        }
      }
      if (!cancelled && bad.length > 0) {
        setRemoved((n) => n + bad.length);
        removeLines(slug, bad);
      }
    })();
    return () => {
      cancelled = true;
    };
  }, [failing, key, slug]);
  return { quote: lines.length > 0 ? data : undefined, error, removed };
}

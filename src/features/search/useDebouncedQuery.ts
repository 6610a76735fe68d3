import { useEffect, useState } from "react";

/**
 * The trimmed text once typing has paused for `delayMs` (each keystroke restarts the wait), so
 * a search runs per pause, not per key. Clearing the text applies at once.
 */
export function useDebouncedQuery(text: string, delayMs: number): string {
  const trimmed = text.trim();
  const [query, setQuery] = useState(trimmed);
  useEffect(() => {
    if (trimmed === "") return setQuery("");
    const timer = setTimeout(() => setQuery(trimmed), delayMs);
    return () => clearTimeout(timer);
  }, [trimmed, delayMs]);
  return query;
}

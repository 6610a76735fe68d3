import {
  type AnchorHTMLAttributes,
  type MouseEvent,
  useCallback,
  useEffect,
  useMemo,
  useSyncExternalStore,
} from "react";

/**
 * A tiny History-API router shared by both apps: one `usePathname` hook, `navigate`, and a
 * `Link` that keeps ordinary browser behaviour (new tab, modifier keys).
 */
const listeners = new Set<() => void>();

function subscribe(listener: () => void) {
  listeners.add(listener);
  window.addEventListener("popstate", listener);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("popstate", listener);
  };
}

// While set, leaving the current address in the app asks it first (an editor with unsaved
// changes); it returns false to stay. The browser's Back button is undone the same way.
let leaveGuard: { path: string; allow: () => boolean } | null = null;

export function setLeaveGuard(allow: (() => boolean) | null) {
  leaveGuard = allow ? { path: window.location.pathname + window.location.search, allow } : null;
}

if (typeof window !== "undefined") {
  window.addEventListener("popstate", () => {
    const guard = leaveGuard;
    if (guard && window.location.pathname + window.location.search !== guard.path) {
      if (!guard.allow()) window.history.pushState(null, "", guard.path);
    }
  });
}

/** `keepScroll`: the new address opens something over the same page (a dialog), not a new page. */
export function navigate(to: string, options: { replace?: boolean; keepScroll?: boolean } = {}) {
  if (to === window.location.pathname + window.location.search) return;
  if (leaveGuard && !leaveGuard.allow()) return;
  if (options.replace) window.history.replaceState(null, "", to);
  else window.history.pushState(null, "", to);
  if (!options.keepScroll) window.scrollTo(0, 0);
  for (const l of listeners) l();
}

/**
 * Matches "orders/:id" against "orders/k97…": the named segments, decoded, or null when the
 * path has another shape. Leading and trailing slashes do not count.
 */
export function matchPath(pattern: string, path: string): Record<string, string> | null {
  const want = pattern.split("/").filter(Boolean);
  const have = path.split("/").filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < want.length; i++) {
    if (want[i].startsWith(":")) {
      try {
        params[want[i].slice(1)] = decodeURIComponent(have[i]);
      } catch {
        return null; // a malformed %-escape is not an address we serve
      }
    } else if (want[i] !== have[i]) {
      return null;
    }
  }
  return params;
}

export function usePathname(): string {
  return useSyncExternalStore(
    subscribe,
    () => window.location.pathname,
    () => "/",
  );
}

/** One query-string parameter of the current address ("?edit=…"), live like `usePathname`. */
export function useSearchParam(name: string): string | null {
  const search = useSyncExternalStore(
    subscribe,
    () => window.location.search,
    () => "",
  );
  return useMemo(() => new URLSearchParams(search).get(name), [search, name]);
}

export function Link({
  href,
  onClick,
  ...rest
}: AnchorHTMLAttributes<HTMLAnchorElement> & { href: string }) {
  const handle = useCallback(
    (e: MouseEvent<HTMLAnchorElement>) => {
      onClick?.(e);
      if (
        e.defaultPrevented ||
        e.button !== 0 ||
        e.metaKey ||
        e.ctrlKey ||
        e.shiftKey ||
        e.altKey ||
        rest.target
      ) {
        return;
      }
      e.preventDefault();
      navigate(href);
    },
    [href, onClick, rest.target],
  );
  return <a href={href} onClick={handle} {...rest} />;
}

/** Sets <title> and the meta description while a page is shown. */
export function useDocumentMeta(title: string, description?: string) {
  useEffect(() => {
    document.title = title;
    if (description !== undefined) {
      let meta = document.querySelector<HTMLMetaElement>('meta[name="description"]');
      if (!meta) {
        meta = document.createElement("meta");
        meta.name = "description";
        document.head.appendChild(meta);
      }
      meta.content = description;
    }
  }, [title, description]);
}

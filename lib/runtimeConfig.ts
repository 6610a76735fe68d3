/**
 * Settings the server injects into the HTML at request time (scripts/app-server.ts), so a
 * built bundle works against whatever backend port `npm start` chose.
 */
export interface RuntimeConfig {
  /** Convex deployment URL (WebSocket sync + HTTP API). */
  url: string;
  /** HTTP actions URL. */
  siteUrl?: string;
  /** Set when the workspace should sign in with Clerk instead of the offline demo sign-in. */
  clerkPublishableKey?: string;
  /** Store the storefront shows. */
  storeSlug?: string;
}

declare global {
  interface Window {
    // `sameOrigin`: the app server forwards the Convex API from its own origin (npm start).
    __CONVEX_CONFIG__?: Partial<RuntimeConfig> & { sameOrigin?: boolean };
  }
}

export function getRuntimeConfig(): RuntimeConfig {
  const injected = typeof window === "undefined" ? undefined : window.__CONVEX_CONFIG__;
  const url = injected?.sameOrigin
    ? window.location.origin
    : (injected?.url ?? import.meta.env.VITE_CONVEX_URL);
  if (!url) {
    throw new Error(
      "No Convex deployment URL: start the app with `npm start` (it injects one) or set VITE_CONVEX_URL.",
    );
  }
  return {
    url,
    siteUrl: injected?.siteUrl ?? import.meta.env.VITE_CONVEX_SITE_URL,
    clerkPublishableKey:
      injected?.clerkPublishableKey || import.meta.env.VITE_CLERK_PUBLISHABLE_KEY || undefined,
    storeSlug: injected?.storeSlug || "demo",
  };
}

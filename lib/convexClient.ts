import { ConvexReactClient } from "convex/react";
import { getRuntimeConfig } from "./runtimeConfig";

let client: ConvexReactClient | null = null;

/** One client per page: it owns the WebSocket every live query shares. */
export function getConvexClient(): ConvexReactClient {
  // Reuse the stored token on load instead of refreshing at once: the refresh secret rotates,
  // so a refresh cut off by leaving the page (a click right after load) would end the session.
  client ??= new ConvexReactClient(getRuntimeConfig().url, { initialAuthTokenReuse: true });
  return client;
}

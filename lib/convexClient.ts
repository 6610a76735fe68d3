import { ConvexReactClient } from "convex/react";
import { getRuntimeConfig } from "./runtimeConfig";

let client: ConvexReactClient | null = null;

/** One client per page: it owns the WebSocket every live query shares. */
export function getConvexClient(): ConvexReactClient {
  client ??= new ConvexReactClient(getRuntimeConfig().url);
  return client;
}

/** Real Convex clients for the backend under test. */
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import WebSocket from "ws";

/** A ConvexClient speaking the WebSocket sync protocol (the `ws` package as its socket). */
export function wsClient(url: string): ConvexClient {
  return new ConvexClient(url, {
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    unsavedChangesWarning: false,
  });
}

/** Admin keys by deployment URL: /api/local/stats answers admins only. */
const adminKeys = new Map<string, string>();

export function registerAdminKey(url: string, adminKey: string) {
  adminKeys.set(url, adminKey);
}

export function adminHttpClient(url: string, adminKey: string): ConvexHttpClient {
  registerAdminKey(url, adminKey);
  const http = new ConvexHttpClient(url);
  // setAdminAuth is marked @internal in the package's types, but is how admin calls are made.
  (http as unknown as { setAdminAuth(key: string): void }).setAdminAuth(adminKey);
  return http;
}

export interface ServerStats {
  queryExecutions: number;
  mutations: number;
  actions: number;
  /** SQLite commits (a group commit holds several mutations). */
  commits: number;
  /** fdatasync calls on the WAL, and the milliseconds they took in all. */
  walSyncs: number;
  walSyncMs: number;
  ts: string;
}

export async function serverStats(url: string): Promise<ServerStats> {
  const key = adminKeys.get(url);
  const res = await fetch(`${url}/api/local/stats`, {
    headers: key ? { Authorization: `Convex ${key}` } : {},
  });
  if (!res.ok) throw new Error(`GET /api/local/stats: HTTP ${res.status}`);
  return (await res.json()) as ServerStats;
}

export async function closeAll(clients: ConvexClient[]) {
  await Promise.allSettled(clients.map((c) => c.close()));
}

/**
 * Latencies of an HTTP round trip that runs no function (`POST /api/query_ts`), sent with fetch
 * as ConvexHttpClient sends its calls: the floor under the page figures.
 */
export async function noopRoundTrips(url: string, runs: number, warmup: number) {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const res = await fetch(`${url}/api/query_ts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    await res.json();
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  return samples;
}

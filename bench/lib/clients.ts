/** Real Convex clients for the backend under test. */
import http from "node:http";
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

/**
 * A fetch for ConvexHttpClient's `fetch` option over node:http with a keep-alive agent: just
 * what the client reads back (ok, status, text, json). Node 20's built-in fetch (undici) costs
 * a no-op round trip to the backend 0.6–1.6 ms at p50 and 8–12 ms at p99 on this machine, where
 * node:http takes 0.2–0.4 ms and ~3 ms: the page figures measure the backend with both.
 */
export function keepAliveFetch(): typeof globalThis.fetch {
  const agent = new http.Agent({ keepAlive: true, maxSockets: 8 });
  const call = (input: string | URL | Request, init?: RequestInit) =>
    new Promise<Response>((resolve, reject) => {
      const target = new URL(String(input));
      const req = http.request(
        target,
        {
          method: init?.method ?? "GET",
          agent,
          headers: init?.headers as Record<string, string> | undefined,
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on("data", (c: Buffer) => chunks.push(c));
          res.on("error", reject);
          res.on("end", () => {
            const text = Buffer.concat(chunks).toString("utf8");
            const status = res.statusCode ?? 0;
            resolve({
              ok: status >= 200 && status < 300,
              status,
              text: async () => text,
              json: async () => JSON.parse(text),
            } as unknown as Response);
          });
        },
      );
      req.on("error", reject);
      req.end(typeof init?.body === "string" ? init.body : undefined);
    });
  return call as typeof globalThis.fetch;
}

export function adminHttpClient(
  url: string,
  adminKey: string,
  fetch?: typeof globalThis.fetch,
): ConvexHttpClient {
  registerAdminKey(url, adminKey);
  const http = new ConvexHttpClient(url, fetch ? { fetch } : undefined);
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
export async function noopRoundTrips(
  url: string,
  runs: number,
  warmup: number,
  send: typeof globalThis.fetch = fetch,
) {
  const samples: number[] = [];
  for (let i = 0; i < warmup + runs; i++) {
    const t0 = performance.now();
    const res = await send(`${url}/api/query_ts`, {
      method: "POST",
      headers: { "Content-Type": "application/json" },
      body: "{}",
    });
    await res.json();
    if (i >= warmup) samples.push(performance.now() - t0);
  }
  return samples;
}

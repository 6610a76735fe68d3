/**
 * Small-mutation throughput: N ConvexClients over WebSocket, each issuing `bench:bump` back to
 * back (each call awaits the previous one) on its own counter, for a fixed duration.
 */
import { fn } from "./app";
import { closeAll, serverStats, wsClient } from "./clients";
import { startCpuWindow } from "./machine";
import { round, type Summary, summarize } from "./stats";

export interface ThroughputResult {
  clients: number;
  durationS: number;
  mutations: number;
  perSecond: number;
  /** Mutations the server counted in the same window (GET /api/local/stats). */
  serverMutations: number;
  /** Client-observed latency of one mutation call, ms. */
  latencyMs: Summary;
  /** CPUs used by the backend process and by the bench (clients) process during the window. */
  cpu: { serverCpus: number; clientCpus: number };
}

export async function measureThroughput(
  url: string,
  clientCount: number,
  durationMs: number,
  warmupMs: number,
  serverPid: number,
): Promise<ThroughputResult> {
  const clients = Array.from({ length: clientCount }, () => wsClient(url));
  try {
    const loop = async (i: number, until: number, latencies: number[] | null) => {
      const name = `tp-${clientCount}-${i}`;
      let n = 0;
      while (performance.now() < until) {
        const t0 = performance.now();
        await clients[i].mutation(fn.bump, { name });
        latencies?.push(performance.now() - t0);
        n++;
      }
      return n;
    };
    // Warm-up: connect, create the counters, let the JIT settle. Not counted.
    const warmEnd = performance.now() + warmupMs;
    await Promise.all(clients.map((_, i) => loop(i, warmEnd, null)));

    const before = await serverStats(url);
    const latencies: number[] = [];
    const cpu = startCpuWindow(serverPid);
    const start = performance.now();
    const counts = await Promise.all(clients.map((_, i) => loop(i, start + durationMs, latencies)));
    const elapsed = performance.now() - start;
    const cpuUsed = cpu();
    const after = await serverStats(url);
    const mutations = counts.reduce((a, b) => a + b, 0);
    return {
      clients: clientCount,
      durationS: round(elapsed / 1000),
      mutations,
      perSecond: Math.round(mutations / (elapsed / 1000)),
      serverMutations: after.mutations - before.mutations,
      latencyMs: summarize(latencies),
      cpu: cpuUsed,
    };
  } finally {
    await closeAll(clients);
  }
}

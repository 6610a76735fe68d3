/**
 * Small-mutation throughput: N ConvexClients over WebSocket, each issuing `bench:bump` on its
 * own counter for a fixed duration. With `inFlight` 1 every call awaits the previous one; with
 * more, the client keeps that many calls outstanding (as an app does when it fires several
 * mutations without awaiting each), and the server still applies them in the order sent.
 */
import { fn } from "./app";
import { closeAll, type ServerStats, serverStats, wsClient } from "./clients";
import { startCpuWindow } from "./machine";
import { round, type Summary, summarize } from "./stats";

export interface ThroughputResult {
  clients: number;
  /** Calls each client keeps outstanding. */
  inFlight: number;
  durationS: number;
  mutations: number;
  perSecond: number;
  /** Mutations the server counted in the same window (GET /api/local/stats). */
  serverMutations: number;
  /** Disk flushes (fdatasync of the WAL) in the window, their mean duration, mutations per flush. */
  flushes: { count: number; meanMs: number; mutationsPerFlush: number };
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
  inFlight = 1,
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
    // `inFlight` loops per client, each awaiting its own calls: that many outstanding at once.
    const lanes = (until: number, latencies: number[] | null) =>
      Promise.all(
        clients.flatMap((_, i) =>
          Array.from({ length: inFlight }, () => loop(i, until, latencies)),
        ),
      );
    // Warm-up: connect, create the counters, let the JIT settle. Not counted.
    await Promise.all(clients.map((_, i) => loop(i, performance.now() + 50, null)));
    await lanes(performance.now() + warmupMs, null);

    const before = await serverStats(url);
    const latencies: number[] = [];
    const cpu = startCpuWindow(serverPid);
    const start = performance.now();
    const counts = await lanes(start + durationMs, latencies);
    const elapsed = performance.now() - start;
    const cpuUsed = cpu();
    const after = await serverStats(url);
    const mutations = counts.reduce((a, b) => a + b, 0);
    return {
      clients: clientCount,
      inFlight,
      durationS: round(elapsed / 1000),
      mutations,
      perSecond: Math.round(mutations / (elapsed / 1000)),
      serverMutations: after.mutations - before.mutations,
      flushes: flushFigures(before, after),
      latencyMs: summarize(latencies),
      cpu: cpuUsed,
    };
  } finally {
    await closeAll(clients);
  }
}

function flushFigures(before: ServerStats, after: ServerStats) {
  const count = after.walSyncs - before.walSyncs;
  return {
    count,
    meanMs: count ? round((after.walSyncMs - before.walSyncMs) / count, 3) : 0,
    mutationsPerFlush: count ? round((after.mutations - before.mutations) / count, 2) : 0,
  };
}

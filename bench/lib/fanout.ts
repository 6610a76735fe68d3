/**
 * Fan-out: many ConvexClients subscribed (onUpdate) to the same query; one more client writes
 * the value they watch. Each sample is the time from the mutation call until every subscriber's
 * callback has seen the new value.
 */
import type { ConvexClient } from "convex/browser";
import { fn } from "./app";
import { closeAll, serverStats, wsClient } from "./clients";
import { cpuMs } from "./machine";
import { round, type Summary, summarize, withTimeout } from "./stats";

export const FANOUT_COUNTER = "fanout";

export interface FanoutResult {
  subscribers: number;
  rounds: number;
  /** Mutation call → all subscribers saw the value, ms. */
  allSeenMs: Summary;
  /** Mutation call → the first subscriber saw the value, ms. */
  firstSeenMs: Summary;
  /** Mutation call → the writer's mutation promise resolved, ms. */
  writerMs: Summary;
  /** Query executions on the server per write (one per subscriber expected). */
  queryExecutionsPerWrite: number;
  /**
   * CPU time per round, ms, of the backend process and of the bench process (which hosts every
   * client), beside the round's wall time: says which side the fan-out waits on.
   */
  cpuPerRoundMs: { server: number; clients: number; wall: number };
}

export interface Subscribers {
  clients: ConvexClient[];
  writer: ConvexClient;
  /** Resolves with the time every subscriber has seen `value` (and the first one's time). */
  waitAll(value: number): Promise<{ first: number; last: number }>;
}

/** Connects `count` subscribers and a writer; resolves once all of them hold the current value. */
export async function connectSubscribers(url: string, count: number): Promise<Subscribers> {
  const writer = wsClient(url);
  await writer.mutation(fn.setCounter, { name: FANOUT_COUNTER, value: 0 });
  const clients: ConvexClient[] = [];
  const latest: Array<number | null | undefined> = new Array(count).fill(undefined);
  let waiting: {
    value: number;
    seen: boolean[];
    left: number;
    first: number;
    resolve: (t: { first: number; last: number }) => void;
    reject: (e: Error) => void;
  } | null = null;
  let failure: Error | null = null;
  for (let i = 0; i < count; i++) {
    const client = wsClient(url);
    clients.push(client);
    client.onUpdate(
      fn.getCounter,
      { name: FANOUT_COUNTER },
      (value) => {
        const now = performance.now();
        latest[i] = value;
        const w = waiting;
        if (w && value === w.value && !w.seen[i]) {
          w.seen[i] = true;
          if (w.first === 0) w.first = now;
          if (--w.left === 0) {
            waiting = null;
            w.resolve({ first: w.first, last: now });
          }
        }
      },
      (error) => {
        // A failing query must fail the bench clearly, not crash it from inside the client.
        failure ??= new Error(`subscriber ${i}: bench:getCounter failed: ${error.message}`);
        waiting?.reject(failure);
        waiting = null;
      },
    );
  }
  const waitAll = (value: number) =>
    new Promise<{ first: number; last: number }>((resolve, reject) => {
      if (failure) return reject(failure);
      const seen = latest.map((v) => v === value);
      const left = seen.filter((s) => !s).length;
      if (left === 0) {
        const now = performance.now();
        resolve({ first: now, last: now });
        return;
      }
      waiting = { value, seen, left, first: 0, resolve, reject };
    });
  await withTimeout(waitAll(0), 60_000, `${count} subscribers receiving their first result`);
  return { clients, writer, waitAll };
}

export async function measureFanout(
  url: string,
  subs: Subscribers,
  rounds: number,
  warmup: number,
  serverPid: number,
): Promise<FanoutResult> {
  const all: number[] = [];
  const first: number[] = [];
  const writerMs: number[] = [];
  let queries = 0;
  let serverCpu = 0;
  let clientCpu = 0;
  for (let r = 1; r <= warmup + rounds; r++) {
    const before = r > warmup ? await serverStats(url) : null;
    const seen = subs.waitAll(r);
    const s0 = cpuMs(serverPid);
    const c0 = cpuMs("self");
    const t0 = performance.now();
    const written = subs.writer
      .mutation(fn.setCounter, { name: FANOUT_COUNTER, value: r })
      .then(() => performance.now());
    const { first: f, last } = await withTimeout(seen, 30_000, `fan-out round ${r}`);
    const w = await written;
    const s1 = cpuMs(serverPid);
    const c1 = cpuMs("self");
    if (before) {
      serverCpu += s1 - s0;
      clientCpu += c1 - c0;
      all.push(last - t0);
      first.push(f - t0);
      writerMs.push(w - t0);
      queries += (await serverStats(url)).queryExecutions - before.queryExecutions;
    }
  }
  return {
    subscribers: subs.clients.length,
    rounds,
    allSeenMs: summarize(all),
    firstSeenMs: summarize(first),
    writerMs: summarize(writerMs),
    queryExecutionsPerWrite: round(queries / rounds, 1),
    cpuPerRoundMs: {
      server: round(serverCpu / rounds, 1),
      clients: round(clientCpu / rounds, 1),
      wall: round(all.reduce((a, b) => a + b, 0) / rounds, 1),
    },
  };
}

export async function closeSubscribers(subs: Subscribers) {
  await closeAll([...subs.clients, subs.writer]);
}

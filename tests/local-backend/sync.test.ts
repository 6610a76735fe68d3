/**
 * Sync protocol behaviour of the embedded backend, through real ConvexClients (WebSocket).
 *
 * ASSUMPTION (backend contract used by the "not re-run" tests): `GET {url}/api/local/stats`
 * with the admin key (`Authorization: Convex <key>`) answers 200 with JSON `{ queryExecutions: number, ... }`, where queryExecutions counts every
 * execution of a query function (subscription runs and re-runs, one-shot queries) since start.
 */
import { ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  type BackendHandle,
  newClient,
  requireBackend,
  startConformanceBackend,
  stopConformanceBackend,
  withTimeout,
} from "./harness/backend";

const fn = (name: string) => makeFunctionReference<any>(name) as any;
const api = {
  names: fn("crud:names"),
  insertItem: fn("crud:insertItem"),
  deleteItem: fn("crud:deleteItem"),
  range: fn("indexes:range"),
  strictInsert: fn("validation:strictInsert"),
  strictList: fn("validation:strictList"),
  page: fn("pagination:page"),
  increment: fn("crud:increment"),
  getItem: fn("crud:getItem"),
  seedPages: fn("pagination:seed"),
};

/** Polls until `check` returns true (or throws its last failure after `ms`). */
async function eventually(check: () => boolean, what: string, ms = 10_000): Promise<void> {
  const deadline = Date.now() + ms;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

/** A live subscription recording every value (and error) the client delivers. */
function watch<T = any>(client: ConvexClient, query: any, args: Record<string, unknown>) {
  const values: T[] = [];
  const errors: Error[] = [];
  const unsubscribe = client.onUpdate(
    query,
    args,
    (v: T) => values.push(v),
    (e: Error) => errors.push(e),
  );
  return {
    values,
    errors,
    last: () => values[values.length - 1],
    unsubscribe,
    /** Waits until the latest value satisfies `pred`. */
    until: (pred: (v: T) => boolean, what: string) =>
      eventually(() => values.length > 0 && pred(values[values.length - 1]), what),
  };
}

let handle: BackendHandle | undefined;
let open: ConvexClient[] = [];

function client(): ConvexClient {
  const c = newClient(handle as BackendHandle);
  open.push(c);
  return c;
}

/** queryExecutions from the backend's stats endpoint (see ASSUMPTION above). */
async function queryExecutions(): Promise<number> {
  const backend = requireBackend(handle);
  const res = await fetch(`${backend.url}/api/local/stats`, {
    headers: { Authorization: `Convex ${backend.adminKey}` },
  });
  expect(res.status, "GET /api/local/stats").toBe(200);
  const body = (await res.json()) as { queryExecutions?: unknown };
  expect(typeof body.queryExecutions, "stats.queryExecutions").toBe("number");
  return body.queryExecutions as number;
}

beforeAll(async () => {
  handle = await startConformanceBackend("sync");
});

afterAll(async () => {
  await stopConformanceBackend(handle);
});

beforeEach(async () => {
  const backend = requireBackend(handle);
  await withTimeout(backend.run("testing:reset", {}), 20_000, "testing:reset");
});

afterEach(async () => {
  await Promise.allSettled(open.map((c) => c.close()));
  open = [];
});

describe("subscriptions across clients", () => {
  it("client B's onUpdate sees client A's mutation", async () => {
    const a = client();
    const b = client();
    const names = watch<string[]>(b, api.names, {});
    await names.until((v) => v.length === 0, "B's initial (empty) result");

    await a.mutation(api.insertItem, { name: "from-a", n: 1 });
    await names.until((v) => v.includes("from-a"), "B sees A's insert");

    await a.mutation(api.insertItem, { name: "second", n: 2 });
    await names.until((v) => v.join() === "from-a,second", "B sees A's second insert");
    expect(names.errors).toEqual([]);
    // Every delivered value is a state the database actually went through, in commit order.
    const seen = names.values.map((v) => v.join());
    expect(seen[0]).toBe("");
    expect(seen.at(-1)).toBe("from-a,second");
    expect(seen.filter((s) => !["", "from-a", "from-a,second"].includes(s))).toEqual([]);
  });

  it("a subscribed query that starts failing reports the error, then recovers", async () => {
    const a = client();
    const b = client();
    // unique() on n == 3 fails while two documents have n == 3.
    const sub = watch<string | null>(b, api.range, {
      index: "by_n",
      ops: [{ op: "eq", field: "n", value: 3 }],
      mode: "unique",
    });
    await sub.until((v) => v === null, "initial null");
    await a.mutation(api.insertItem, { name: "first", n: 3 });
    await sub.until((v) => v === "first", "one match");
    const second = await a.mutation(api.insertItem, { name: "second", n: 3 });
    await eventually(() => sub.errors.length > 0, "onError for the failing query");
    expect(sub.errors[0].message).toMatch(/more than one result/);
    await a.mutation(api.deleteItem, { id: second });
    await sub.until((v) => v === "first", "recovered after the delete");
  });

  it("a subscribed paginated query keeps its page boundary when documents are inserted inside it", async () => {
    // Convex re-runs a page with the end cursor of its first run (the query journal), so a page
    // grows or shrinks instead of shifting documents into the next page (gapless pagination).
    const a = client();
    const b = client();
    await a.mutation(api.seedPages, { group: "g", ns: [10, 20, 30, 40, 50] });
    const sub = watch<{ page: number[]; isDone: boolean }>(b, api.page, {
      group: "g",
      paginationOpts: { numItems: 3, cursor: null },
    });
    await sub.until((v) => v.page.join() === "10,20,30", "first page");
    await a.mutation(api.seedPages, { group: "g", ns: [15] });
    await sub.until((v) => v.page.includes(15), "page re-run after an insert inside it");
    // Not [10, 15, 20]: the page still ends at 30.
    expect(sub.last()).toMatchObject({ page: [10, 15, 20, 30], isDone: false });
    await a.mutation(api.seedPages, { group: "g", ns: [45] });
    // An insert after the page's end cursor does not change it.
    await a.mutation(api.seedPages, { group: "g", ns: [5] });
    await sub.until((v) => v.page[0] === 5, "insert before the first document");
    expect(sub.last()).toMatchObject({ page: [5, 10, 15, 20, 30], isDone: false });
  });
});

describe("mutation completion", () => {
  it("a mutation's promise resolves only after the client's subscriptions reflect it", async () => {
    const a = client();
    const names = watch<string[]>(a, api.names, {});
    await names.until((v) => v.length === 0, "initial result");
    for (let i = 0; i < 5; i++) {
      const name = `m${i}`;
      let lastAtResolve: string[] | undefined;
      let localAtResolve: unknown;
      await a.mutation(api.insertItem, { name, n: i }).then(() => {
        lastAtResolve = names.last();
        localAtResolve = a.client.localQueryResult("crud:names", {});
      });
      expect(lastAtResolve, `last onUpdate value when mutation ${name} resolved`).toContain(name);
      expect(localAtResolve, `local query result when mutation ${name} resolved`).toContain(name);
    }
  });

  it("a mutation resolves even when no subscribed query depends on it", async () => {
    const a = client();
    const strict = watch<unknown[]>(a, api.strictList, {});
    await strict.until((v) => v.length === 0, "initial strict list");
    await withTimeout(
      a.mutation(api.insertItem, { name: "x", n: 1 }),
      10_000,
      "mutation resolution",
    );
    // And on a client with no subscriptions at all.
    const c = client();
    await withTimeout(
      c.mutation(api.insertItem, { name: "y", n: 2 }),
      10_000,
      "mutation resolution",
    );
    expect(await c.query(api.names, {})).toEqual(["x", "y"]);
  });

  it("mutations sent by one client without waiting run in the order they were sent", async () => {
    const a = client();
    const names = Array.from({ length: 20 }, (_, i) => `o${i}`);
    await Promise.all(names.map((name, i) => a.mutation(api.insertItem, { name, n: i })));
    expect(await a.query(api.names, {})).toEqual(names);
  });
});

describe("transactions", () => {
  it("concurrent read-modify-write mutations from several clients are serializable", async () => {
    const clients = [client(), client(), client(), client()];
    const id = await clients[0].mutation(api.insertItem, { name: "counter", n: 0 });
    const perClient = 10;
    const results = await Promise.all(
      clients.flatMap((c) =>
        Array.from({ length: perClient }, () => c.mutation(api.increment, { id })),
      ),
    );
    const total = clients.length * perClient;
    // Each increment saw a distinct committed value: no lost updates.
    expect([...results].sort((x, y) => x - y)).toEqual(
      Array.from({ length: total }, (_, i) => i + 1),
    );
    expect((await clients[1].query(api.getItem, { id })).n).toBe(total);
  });
});

describe("re-running subscriptions (uses GET /api/local/stats, see ASSUMPTION)", () => {
  it("a write to another table does not re-run a subscription", async () => {
    const a = client();
    const b = client();
    const names = watch<string[]>(b, api.names, {}); // reads `items`
    const strict = watch<unknown[]>(b, api.strictList, {}); // reads `strict`
    await names.until((v) => v.length === 0, "names initial");
    await strict.until((v) => v.length === 0, "strict initial");

    const before = await queryExecutions();
    await a.mutation(api.strictInsert, { doc: { name: "s", count: 1 } });
    await strict.until((v) => v.length === 1, "B sees the strict insert");
    const after = await queryExecutions();
    expect(after - before, "query executions caused by one write to `strict`").toBe(1);
    expect(names.values.length, "names delivered once (initial value only)").toBe(1);
  });

  it("a write outside a subscription's index range does not re-run it", async () => {
    const a = client();
    const b = client();
    const fives = watch<string[]>(b, api.range, {
      index: "by_n",
      ops: [{ op: "eq", field: "n", value: 5 }],
    });
    const strict = watch<unknown[]>(b, api.strictList, {}); // a barrier: see below
    await fives.until((v) => v.length === 0, "fives initial");
    await strict.until((v) => v.length === 0, "strict initial");

    const before = await queryExecutions();
    await a.mutation(api.insertItem, { name: "hundred", n: 100 }); // same table, outside n == 5
    // Barrier: once B sees this later write, any re-run due to the first one has happened.
    await a.mutation(api.strictInsert, { doc: { name: "barrier", count: 1 } });
    await strict.until((v) => v.length === 1, "barrier seen");
    const middle = await queryExecutions();
    expect(middle - before, "executions: only the barrier's subscription re-ran").toBe(1);

    await a.mutation(api.insertItem, { name: "five", n: 5 }); // inside the range
    await fives.until((v) => v.join() === "five", "B sees the insert inside its range");
    const after = await queryExecutions();
    expect(after - middle, "executions caused by a write inside the range").toBe(1);
  });
});

describe("reconnect", () => {
  it("after its socket drops, a client reconnects, resubscribes, and an in-flight mutation runs once", async () => {
    // A WebSocket that records its instances and can lose the next MutationResponse: it drops
    // the connection instead of delivering it, as if the network failed after the server ran
    // the mutation. The client then re-sends the mutation on its new connection (same session,
    // same request id), and the server must answer without running it a second time.
    const sockets: TrackedWebSocket[] = [];
    let loseNextMutationResponse = false;
    class TrackedWebSocket extends WebSocket {
      constructor(...args: ConstructorParameters<typeof WebSocket>) {
        super(...args);
        sockets.push(this);
      }
      override emit(event: string | symbol, ...args: any[]): boolean {
        if (
          event === "message" &&
          loseNextMutationResponse &&
          String(args[0]).includes('"MutationResponse"')
        ) {
          loseNextMutationResponse = false;
          this.terminate();
          return true;
        }
        return super.emit(event, ...args);
      }
    }
    const c = new ConvexClient(requireBackend(handle).url, {
      webSocketConstructor: TrackedWebSocket as unknown as typeof globalThis.WebSocket,
      unsavedChangesWarning: false,
      logger: false,
    });
    open.push(c);
    const other = client();
    const names = watch<string[]>(c, api.names, {});
    await names.until((v) => v.length === 0, "initial result");

    // 1. The response to an executed mutation is lost.
    let before = sockets.length;
    loseNextMutationResponse = true;
    await withTimeout(
      c.mutation(api.insertItem, { name: "lost-response", n: 1 }),
      20_000,
      "mutation whose response was lost",
    );
    expect(loseNextMutationResponse, "the MutationResponse was intercepted").toBe(false);
    expect(sockets.length, "the client opened a new connection").toBeGreaterThan(before);

    // 2. The socket drops at various moments around a mutation.
    for (let i = 0; i < 3; i++) {
      before = sockets.length;
      const pending = c.mutation(api.insertItem, { name: `once${i}`, n: i });
      await new Promise((r) => setTimeout(r, i * 3));
      sockets[sockets.length - 1].terminate();
      await withTimeout(pending, 20_000, `mutation once${i} across a reconnect`);
      await eventually(
        () => sockets.length > before && c.connectionState().isWebSocketConnected,
        `client reconnected (drop ${i + 1})`,
        20_000,
      );
    }

    const all: string[] = await other.query(api.names, {});
    for (const name of ["lost-response", "once0", "once1", "once2"]) {
      expect(
        all.filter((n) => n === name),
        `copies of ${name}`,
      ).toHaveLength(1);
    }
    // The subscription was re-established on the new connection.
    await other.mutation(api.insertItem, { name: "after-reconnect", n: 9 });
    await names.until((v) => v.includes("after-reconnect"), "update after reconnecting");
  });
});

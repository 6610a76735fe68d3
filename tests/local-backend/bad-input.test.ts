/**
 * Bad input must fail cleanly and leave the embedded backend serving everyone else:
 * unknown functions, invalid arguments, schema-breaking writes, malformed WebSocket frames,
 * malformed or oversized HTTP bodies, bad admin keys, clients vanishing mid-request.
 */
import { request } from "node:http";
import { ConvexHttpClient, type ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  type BackendHandle,
  newAdminHttpClient,
  newClient,
  requireBackend,
  startConformanceBackend,
  stopConformanceBackend,
  withAdminAuth,
  withTimeout,
} from "./harness/backend";

const fn = (name: string) => makeFunctionReference<any>(name) as any;
const api = {
  names: fn("crud:names"),
  count: fn("crud:count"),
  insertItem: fn("crud:insertItem"),
  insertMany: fn("crud:insertMany"),
  strictInsert: fn("validation:strictInsert"),
  strictList: fn("validation:strictList"),
  secretQuery: fn("internalFns:secretQuery"),
  missing: fn("nope:missing"),
};

let handle: BackendHandle | undefined;
let open: ConvexClient[] = [];
let sockets: WebSocket[] = [];

function client(): ConvexClient {
  const c = newClient(handle as BackendHandle);
  open.push(c);
  return c;
}

/** The server still answers a fresh client (and an already connected one, when given). */
async function expectServerUp(existing?: ConvexClient): Promise<void> {
  const fresh = client();
  await withTimeout(
    fresh.mutation(api.insertItem, { name: "alive", n: 0 }),
    10_000,
    "fresh client mutation",
  );
  expect(await withTimeout(fresh.query(api.names, {}), 10_000, "fresh client query")).toContain(
    "alive",
  );
  if (existing) {
    const count = await withTimeout(existing.query(api.count, {}), 10_000, "existing client query");
    expect(count).toBeGreaterThan(0);
  }
}

beforeAll(async () => {
  handle = await startConformanceBackend("bad-input");
});

afterAll(async () => {
  await stopConformanceBackend(handle);
});

beforeEach(async () => {
  const backend = requireBackend(handle);
  await withTimeout(backend.run("testing:reset", {}), 20_000, "testing:reset");
});

afterEach(async () => {
  for (const s of sockets) s.terminate();
  sockets = [];
  await Promise.allSettled(open.map((c) => c.close()));
  open = [];
});

// ---------------------------------------------------------------------------------------------
// Raw WebSocket and HTTP helpers

interface RawSocket {
  ws: WebSocket;
  messages: any[];
  closed: Promise<{ code: number; reason: string }>;
  send(message: unknown): void;
  /** Waits for a server message satisfying `pred`. */
  waitFor(pred: (m: any) => boolean, what: string, ms?: number): Promise<any>;
}

async function rawSocket(): Promise<RawSocket> {
  const backend = requireBackend(handle);
  const ws = new WebSocket(`${backend.url.replace(/^http/, "ws")}/api/1.48.0/sync`);
  sockets.push(ws);
  const messages: any[] = [];
  ws.on("message", (data) => {
    try {
      messages.push(JSON.parse(data.toString()));
    } catch {
      messages.push({ unparsable: data.toString() });
    }
  });
  const closed = new Promise<{ code: number; reason: string }>((resolve) =>
    ws.on("close", (code, reason) => resolve({ code, reason: reason.toString() })),
  );
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    }),
    10_000,
    "WebSocket open",
  );
  const waitFor = async (pred: (m: any) => boolean, what: string, ms = 10_000) => {
    const deadline = Date.now() + ms;
    for (;;) {
      const found = messages.find(pred);
      if (found) return found;
      if (Date.now() > deadline) {
        throw new Error(
          `timed out waiting for ${what}; got ${JSON.stringify(messages).slice(0, 800)}`,
        );
      }
      await new Promise((r) => setTimeout(r, 10));
    }
  };
  return {
    ws,
    messages,
    closed,
    send: (m) => ws.send(typeof m === "string" || Buffer.isBuffer(m) ? m : JSON.stringify(m)),
    waitFor,
  };
}

const connectMessage = () => ({
  type: "Connect",
  sessionId: crypto.randomUUID(),
  connectionCount: 0,
  lastCloseReason: null,
  clientTs: Date.now(),
});

/** POSTs a raw body with node:http (so an early answer to a huge body is still observed). */
function postRaw(
  url: string,
  body: string | Buffer,
  headers: Record<string, string> = { "Content-Type": "application/json" },
): Promise<{ status: number; text: string }> {
  return new Promise((resolve, reject) => {
    let answered = false;
    const req = request(url, { method: "POST", headers }, (res) => {
      answered = true;
      const chunks: Buffer[] = [];
      res.on("data", (c: Buffer) => chunks.push(c));
      res.on("end", () =>
        resolve({ status: res.statusCode ?? 0, text: Buffer.concat(chunks).toString() }),
      );
      res.on("error", reject);
    });
    // A server may answer (e.g. 413) and stop reading before the body is fully sent.
    req.on("error", (e) => {
      if (!answered) reject(new Error(`no HTTP response, the connection failed: ${e.message}`));
    });
    req.end(body);
  });
}

// ---------------------------------------------------------------------------------------------

describe("function calls with bad input fail cleanly", () => {
  it("an unknown function path: the client gets an error naming it, and keeps working", async () => {
    const c = client();
    await expect(c.query(api.missing, {})).rejects.toThrow(/nope:missing|nope/);
    await expect(c.mutation(api.missing, {})).rejects.toThrow(/nope/);
    await expect(c.action(api.missing, {})).rejects.toThrow(/nope/);
    const http = new ConvexHttpClient(requireBackend(handle).url);
    await expect(http.query(api.missing, {})).rejects.toThrow(/nope/);
    await expect(http.mutation(api.missing, {})).rejects.toThrow(/nope/);
    await c.mutation(api.insertItem, { name: "still-works", n: 1 });
    expect(await c.query(api.names, {})).toEqual(["still-works"]);
  });

  it("arguments failing validation are rejected before the function runs", async () => {
    const c = client();
    await expect(c.mutation(api.insertItem, { name: 42, n: 1 })).rejects.toThrow(/validat/i);
    await expect(c.mutation(api.insertItem, { name: "x" })).rejects.toThrow(/validat/i);
    await expect(c.mutation(api.insertItem, { name: "x", n: 1, bogus: true })).rejects.toThrow(
      /validat/i,
    );
    const http = new ConvexHttpClient(requireBackend(handle).url);
    await expect(http.mutation(api.insertItem, { name: "x", n: "1" })).rejects.toThrow(/validat/i);
    expect(await c.query(api.count, {})).toBe(0);
  });

  it("a schema-breaking write is rejected and nothing is stored", async () => {
    const c = client();
    await expect(
      c.mutation(api.strictInsert, { doc: { name: "x", count: "1" } }),
    ).rejects.toThrow();
    await expect(
      c.mutation(api.strictInsert, { doc: { name: "x", count: 1, extra: 1 } }),
    ).rejects.toThrow();
    await expect(c.mutation(api.strictInsert, { doc: { count: 1 } })).rejects.toThrow();
    expect(await c.query(api.strictList, {})).toEqual([]);
  });

  it("a wrong admin key cannot call internal functions", async () => {
    const url = requireBackend(handle).url;
    const http = withAdminAuth(new ConvexHttpClient(url), "definitely-not-the-admin-key");
    await expect(http.query(api.secretQuery, {})).rejects.toThrow();
    // The real key works.
    expect(await newAdminHttpClient(handle as BackendHandle).query(api.secretQuery, {})).toBe(
      "internal query result",
    );
  });
});

describe("malformed WebSocket traffic", () => {
  const frames: [string, string | Buffer][] = [
    ["text that is not JSON", "this is {not json"],
    ["a JSON array", "[1,2,3]"],
    ["JSON null", "null"],
    ["an unknown message type", JSON.stringify({ type: "Bogus", x: 1 })],
    [
      "a Mutation with missing fields, before Connect",
      JSON.stringify({ type: "Mutation", requestId: "x" }),
    ],
    ["a binary frame", Buffer.from([0, 1, 2, 255, 254])],
  ];
  for (const [label, frame] of frames) {
    it(`${label}: the server answers with an error or closes that socket, and stays up`, async () => {
      // "Answers with an error": a FatalError, or a failed Mutation/ActionResponse.
      const bystander = client();
      await bystander.mutation(api.insertItem, { name: "bystander", n: 1 });

      const raw = await rawSocket();
      raw.send(frame);
      const outcome = await Promise.race([
        raw.closed.then(() => "closed"),
        raw
          .waitFor(
            (m) =>
              m.type === "FatalError" ||
              ((m.type === "MutationResponse" || m.type === "ActionResponse") &&
                m.success === false),
            "an error answer",
            5_000,
          )
          .then(
            () => "answered with an error",
            () => "neither an error answer nor a close within 5 s",
          ),
      ]);
      expect(
        ["closed", "answered with an error"],
        `socket outcome after ${label}; server sent ${JSON.stringify(raw.messages).slice(0, 500)}`,
      ).toContain(outcome);

      await expectServerUp(bystander);
    });
  }

  it("a well-formed session asking for unknown functions gets protocol answers, not a closed socket", async () => {
    const raw = await rawSocket();
    raw.send(connectMessage());
    raw.send({
      type: "ModifyQuerySet",
      baseVersion: 0,
      newVersion: 1,
      modifications: [{ type: "Add", queryId: 0, udfPath: "nope:missing", args: [{}] }],
    });
    const transition = await raw.waitFor(
      (m) => m.type === "Transition" && m.modifications?.some((x: any) => x.queryId === 0),
      "a Transition for query 0",
    );
    expect(transition.modifications.find((x: any) => x.queryId === 0).type).toBe("QueryFailed");

    raw.send({ type: "Mutation", requestId: 0, udfPath: "nope:missing", args: [{}] });
    const response = await raw.waitFor((m) => m.type === "MutationResponse", "MutationResponse");
    expect(response).toMatchObject({ requestId: 0, success: false });
    expect(String(response.result)).toMatch(/nope/);

    raw.send({ type: "Mutation", requestId: 1, udfPath: "crud:insertItem", args: [{ name: 5 }] });
    const invalid = await raw.waitFor(
      (m) => m.type === "MutationResponse" && m.requestId === 1,
      "response 1",
    );
    expect(invalid.success).toBe(false);

    raw.send({
      type: "Mutation",
      requestId: 2,
      udfPath: "crud:insertItem",
      args: [{ name: "raw", n: 1 }],
    });
    const ok = await raw.waitFor(
      (m) => m.type === "MutationResponse" && m.requestId === 2,
      "response 2",
    );
    expect(ok.success).toBe(true);
    expect(raw.ws.readyState).toBe(WebSocket.OPEN);
  });
});

describe("malformed or oversized HTTP requests", () => {
  it("an oversized body to /api/mutation gets a 4xx with a clear message, and the server stays up", async () => {
    const url = requireBackend(handle).url;
    const huge = "x".repeat(40 * 1024 * 1024);
    const body = JSON.stringify({
      path: "crud:insertItem",
      format: "convex_encoded_json",
      args: [{ name: huge, n: 1 }],
    });
    const res = await withTimeout(postRaw(`${url}/api/mutation`, body), 30_000, "oversized POST");
    expect(res.status, `status (body: ${res.text.slice(0, 300)})`).toBeGreaterThanOrEqual(400);
    expect(res.status).toBeLessThan(500);
    expect(res.text).toMatch(/too large|too big|size|limit|exceed|maximum/i);
    await expectServerUp();
    expect(await client().query(api.names, {})).toEqual(["alive"]);
  });

  it("a body that is not JSON, or has no function path, gets a 4xx", async () => {
    const url = requireBackend(handle).url;
    for (const endpoint of ["/api/query", "/api/mutation", "/api/action"]) {
      const notJson = await postRaw(`${url}${endpoint}`, "{this is not json");
      expect(notJson.status, `${endpoint} with a non-JSON body`).toBeGreaterThanOrEqual(400);
      expect(notJson.status).toBeLessThan(500);
      const noPath = await postRaw(
        `${url}${endpoint}`,
        JSON.stringify({ format: "convex_encoded_json", args: [{}] }),
      );
      expect(noPath.status, `${endpoint} without a path`).toBeGreaterThanOrEqual(400);
      expect(noPath.status).toBeLessThan(500);
    }
    await expectServerUp();
  });
});

describe("clients that disappear mid-request", () => {
  it("a socket closed right after sending a mutation: the mutation is all-or-nothing, others are served", async () => {
    const bystander = client();
    await bystander.mutation(api.insertItem, { name: "bystander", n: 1 });
    const names = Array.from({ length: 300 }, (_, i) => `bulk${i}`);

    const raw = await rawSocket();
    raw.send(connectMessage());
    raw.send({ type: "Mutation", requestId: 0, udfPath: "crud:insertMany", args: [{ names }] });
    raw.ws.terminate();

    // Give the server time to finish (or drop) the orphaned mutation, then check atomicity.
    await new Promise((r) => setTimeout(r, 1_000));
    const count = await withTimeout(
      bystander.query(api.count, {}),
      10_000,
      "count after disconnect",
    );
    expect([1, 1 + names.length]).toContain(count);
    await expectServerUp(bystander);
  });

  it("a ConvexClient closed with a mutation in flight does not disturb other clients", async () => {
    const bystander = client();
    const names = Array.from({ length: 300 }, (_, i) => `c${i}`);
    const leaving = newClient(handle as BackendHandle);
    const pending = leaving.mutation(api.insertMany, { names }).catch(() => "rejected");
    await leaving.close();
    void pending;
    await new Promise((r) => setTimeout(r, 1_000));
    const count = await withTimeout(bystander.query(api.count, {}), 10_000, "count after close");
    expect([0, names.length]).toContain(count);
    await expectServerUp(bystander);
  });
});

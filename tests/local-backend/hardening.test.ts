/**
 * Hardening of the embedded backend's server: token expiry on open sockets, saved mutation
 * replies, the admin key, uploads, response headers, body limits, the stats endpoint, file
 * permissions and durable commits. Each test was written against the unhardened server first.
 */
import fs from "node:fs";
import { request } from "node:http";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { startBackend } from "../../local-backend/index.js";
import type { Runtime } from "../../local-backend/runtime/runtime.js";
import { TEST_ISSUER } from "./harness/auth";
import {
  type BackendHandle,
  CONFORMANCE_FUNCTIONS_DIR,
  requireBackend,
  startConformanceBackend,
  stopConformanceBackend,
  withTimeout,
} from "./harness/backend";
import { tmpDataDir, waitFor } from "./helpers";

let handle: BackendHandle | undefined;
const sockets: WebSocket[] = [];

beforeAll(async () => {
  handle = await startConformanceBackend("hardening", {
    // Short enough to watch a URL expire, long enough that a loaded machine still starts the
    // streamed upload (two 4 MB parts) inside it (300 ms failed under load with a 401).
    uploadUrlTtlMs: 1_500,
    mutationReplyGraceMs: 200,
    maxSavedMutationReplies: 10,
  });
});
afterAll(async () => {
  for (const ws of sockets) ws.terminate();
  await stopConformanceBackend(handle);
});

const backend = () => requireBackend(handle);
const runtime = () => backend().runtime as Runtime;
const adminHeader = () => ({ Authorization: `Convex ${backend().adminKey}` });

/** A raw sync-protocol socket recording every server message. */
async function rawSocket(sessionId: string = crypto.randomUUID()) {
  const ws = new WebSocket(`${backend().url.replace(/^http/, "ws")}/api/1.48.0/sync`);
  sockets.push(ws);
  const messages: any[] = [];
  ws.on("message", (data) => messages.push(JSON.parse(data.toString())));
  await withTimeout(
    new Promise<void>((resolve, reject) => {
      ws.once("open", () => resolve());
      ws.once("error", reject);
    }),
    10_000,
    "WebSocket open",
  );
  const send = (m: unknown) => ws.send(JSON.stringify(m));
  send({ type: "Connect", sessionId, connectionCount: 0, lastCloseReason: null, clientTs: 0 });
  return {
    ws,
    messages,
    send,
    waitFor: (pred: (m: any) => boolean, what: string) =>
      waitFor(
        () => messages.find(pred),
        (m) => m !== undefined,
        10_000,
      ).catch(() => {
        throw new Error(`no ${what}; got ${JSON.stringify(messages).slice(0, 500)}`);
      }),
    mutation: (requestId: number, udfPath: string, args: Record<string, unknown>) =>
      send({ type: "Mutation", requestId, udfPath, args: [args] }),
  };
}

async function stats(): Promise<Record<string, number>> {
  const res = await fetch(`${backend().url}/api/local/stats`, { headers: adminHeader() });
  expect(res.status).toBe(200);
  return (await res.json()) as Record<string, number>;
}

const names = async () => (await backend().run("crud:names", {})) as string[];

describe("auth on an open WebSocket", () => {
  it("an expired token stops working: the next mutation gets an AuthError and does not run", async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const token = await handle!.tokens!.sign({ subject: "u-exp", issuer: TEST_ISSUER }, exp);
    const raw = await rawSocket();
    raw.send({ type: "Authenticate", tokenType: "User", value: token, baseVersion: 0 });
    raw.mutation(0, "crud:insertItem", { name: "before-expiry", n: 1 });
    await raw.waitFor((m) => m.type === "MutationResponse" && m.requestId === 0, "first reply");
    await new Promise((r) => setTimeout(r, exp * 1000 - Date.now() + 100));
    raw.mutation(1, "crud:insertItem", { name: "after-expiry", n: 2 });
    const err = await raw.waitFor((m) => m.type === "AuthError", "AuthError");
    expect(err).toMatchObject({ authUpdateAttempted: false, baseVersion: 0 });
    expect(String(err.error)).toMatch(/expired/i);
    await new Promise((r) => setTimeout(r, 200));
    expect(raw.messages.some((m) => m.type === "MutationResponse" && m.requestId === 1)).toBe(
      false,
    );
    expect(await names()).not.toContain("after-expiry");
  });
});

describe("saved mutation replies", () => {
  it("are keyed by session and identity: another caller reusing a session id runs its own", async () => {
    const token = await handle!.tokens!.sign({ subject: "owner", issuer: TEST_ISSUER });
    const sessionId = crypto.randomUUID();
    const owner = await rawSocket(sessionId);
    owner.send({ type: "Authenticate", tokenType: "User", value: token, baseVersion: 0 });
    owner.mutation(0, "auth:whoamiMutation", {});
    const mine = await owner.waitFor((m) => m.type === "MutationResponse", "owner reply");
    expect(mine.result).toMatchObject({ subject: "owner" });
    const intruder = await rawSocket(sessionId);
    intruder.mutation(0, "auth:whoamiMutation", {});
    const theirs = await intruder.waitFor((m) => m.type === "MutationResponse", "intruder reply");
    expect(theirs.result).toBeNull();
  });

  it("answer a mutation re-sent on a new socket while its first run waits for the lock: it runs once", async () => {
    const id = (await backend().run("crud:insertItem", { name: "resent", n: 0 })) as string;
    const sessionId = crypto.randomUUID();
    const first = await rawSocket(sessionId);
    // Hold the lock so the first run cannot finish before the client's re-send arrives.
    let release!: () => void;
    const held = runtime().lock.run(() => new Promise<void>((r) => (release = r)));
    first.mutation(0, "crud:increment", { id });
    await new Promise((r) => setTimeout(r, 50));
    const second = await rawSocket(sessionId);
    second.mutation(0, "crud:increment", { id });
    await new Promise((r) => setTimeout(r, 50));
    release();
    await held;
    const a = await first.waitFor((m) => m.type === "MutationResponse", "first reply");
    const b = await second.waitFor((m) => m.type === "MutationResponse", "re-sent reply");
    expect([a.success, a.result]).toEqual([true, 1]);
    expect([b.success, b.result, b.ts]).toEqual([true, 1, a.ts]);
    expect(await backend().run("crud:getItem", { id })).toMatchObject({ n: 1 });
  });

  it("are dropped after the session disconnects, and capped in total", async () => {
    const before = (await stats()).savedMutationReplies;
    expect(typeof before).toBe("number");
    const raw = await rawSocket();
    for (let i = 0; i < 25; i++) raw.mutation(i, "nope:missing", {});
    await raw.waitFor((m) => m.type === "MutationResponse" && m.requestId === 24, "last reply");
    expect((await stats()).savedMutationReplies).toBeLessThanOrEqual(10);
    expect((await stats()).savedMutationReplies).toBeGreaterThan(0);
    raw.ws.close();
    await waitFor(
      async () => (await stats()).savedMutationReplies,
      (n) => n === 0,
      5_000,
    );
  });
});

describe("admin key", () => {
  it.each([
    ["empty", ""],
    ["short", "local|abc"],
  ])("an %s admin key file is refused at start", async (_label, key) => {
    const dataDir = tmpDataDir("adminkey");
    fs.writeFileSync(path.join(dataDir, "admin_key"), key);
    await expect(
      startBackend({
        functionsDir: CONFORMANCE_FUNCTIONS_DIR,
        dataDir,
        port: 0,
        sitePort: 0,
        quiet: true,
      }),
    ).rejects.toThrow(/admin key/i);
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it("a generated key is long, owner-only, and written without leftovers", () => {
    const dir = handle!.dataDir;
    const key = fs.readFileSync(path.join(dir, "admin_key"), "utf8");
    expect(key.length).toBeGreaterThanOrEqual(32);
    expect(fs.statSync(path.join(dir, "admin_key")).mode & 0o077).toBe(0);
    expect(
      fs.readdirSync(dir).filter((f) => f.startsWith("admin_key") && f !== "admin_key"),
    ).toEqual([]);
  });
});

/** Sends `chunks` as a chunked POST, calling `between` after the first one is sent. */
function chunkedPost(
  url: string,
  chunks: Buffer[],
  between?: () => Promise<void>,
): Promise<{ status: number; text: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const req = request(
      url,
      { method: "POST", headers: { "Content-Type": "text/plain" } },
      (res) => {
        const body: Buffer[] = [];
        res.on("data", (c: Buffer) => body.push(c));
        res.on("end", () =>
          resolve({
            status: res.statusCode ?? 0,
            text: Buffer.concat(body).toString(),
            headers: res.headers,
          }),
        );
      },
    );
    req.on("error", reject);
    void (async () => {
      for (let i = 0; i < chunks.length; i++) {
        if (!req.write(chunks[i])) await new Promise((r) => req.once("drain", r));
        if (i === 0 && between) await between();
      }
      req.end();
    })().catch(reject);
  });
}

describe("limits and headers", () => {
  it("an upload is streamed to disk while it arrives, and the file is served with nosniff", async () => {
    const uploadUrl = (await backend().run("storage:generateUploadUrl", {})) as string;
    const dir = path.join(handle!.dataDir, "storage");
    const part = Buffer.alloc(4 * 1024 * 1024, 7);
    const res = await chunkedPost(uploadUrl, [part, part], async () => {
      // Before the request ends, the first part is already in a file on disk.
      await waitFor(
        () =>
          fs
            .readdirSync(dir)
            .filter((f) => f.startsWith(".upload-"))
            .reduce((n, f) => n + fs.statSync(path.join(dir, f)).size, 0),
        (n) => n >= part.length,
        5_000,
      );
    });
    expect(res.status).toBe(200);
    const { storageId } = JSON.parse(res.text);
    const url = (await backend().run("storage:getUrl", { id: storageId })) as string;
    const file = await fetch(url);
    expect(file.headers.get("x-content-type-options")).toBe("nosniff");
    expect((await file.arrayBuffer()).byteLength).toBe(2 * part.length);
  });

  it("unused upload URLs expire and are purged", async () => {
    const url = (await backend().run("storage:generateUploadUrl", {})) as string;
    expect((await stats()).pendingUploadUrls).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 1_600));
    const res = await fetch(url, { method: "POST", body: "late" });
    expect(res.status).toBe(401);
    await waitFor(
      async () => (await stats()).pendingUploadUrls,
      (n) => n === 0,
      5_000,
    );
  });

  it("a body over the limit without Content-Length is answered with 413, not a dropped socket", async () => {
    const chunk = Buffer.alloc(1024 * 1024, 32);
    const res = await chunkedPost(
      `${backend().url}/api/mutation`,
      Array.from({ length: 18 }, () => chunk),
    );
    expect(res.status).toBe(413);
    expect(res.text).toMatch(/limit/);
  });

  it("/api/local/stats needs the admin key", async () => {
    expect((await fetch(`${backend().url}/api/local/stats`)).status).toBe(401);
    const wrong = await fetch(`${backend().url}/api/local/stats`, {
      headers: { Authorization: "Convex local|wrong" },
    });
    expect(wrong.status).toBe(401);
    expect(
      (await fetch(`${backend().url}/api/local/stats`, { headers: adminHeader() })).status,
    ).toBe(200);
  });

  it("the data folder's files are readable by their owner only", async () => {
    await backend().run("crud:insertItem", { name: "perm", n: 1 });
    const walk = (dir: string): string[] =>
      fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
        const p = path.join(dir, e.name);
        return e.isDirectory() ? [p, ...walk(p)] : [p];
      });
    const open = [handle!.dataDir, ...walk(handle!.dataDir)].filter(
      (p) => (fs.statSync(p).mode & 0o077) !== 0,
    );
    expect(open).toEqual([]);
  });
});

describe("durability", () => {
  it("a mutation is acknowledged only after its commit was synced to disk (fdatasync of the WAL)", async () => {
    const store = runtime().store as unknown as { syncWal(): Promise<void>; walSyncs: number };
    const original = store.syncWal.bind(store);
    let release!: () => void;
    let syncStarted = false;
    store.syncWal = async () => {
      syncStarted = true;
      await new Promise<void>((r) => (release = r));
      await original();
    };
    try {
      const before = store.walSyncs;
      let acknowledged = false;
      const done = backend()
        .run("crud:insertItem", { name: "synced", n: 1 })
        .then(() => (acknowledged = true));
      await waitFor(
        () => syncStarted,
        (v) => v,
        5_000,
      );
      await new Promise((r) => setTimeout(r, 50));
      expect(acknowledged).toBe(false);
      release();
      await done;
      expect(store.walSyncs).toBe(before + 1);
    } finally {
      store.syncWal = original;
    }
  });
});

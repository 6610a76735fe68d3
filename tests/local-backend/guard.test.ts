/**
 * The deployment port's optional Host and Origin guard: off by default (as Convex's API), and
 * when an embedding app narrows it, a page on another site can neither reach it by DNS
 * rebinding nor call it from a browser, over HTTP or the sync WebSocket.
 */
import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import {
  type BackendHandle,
  requireBackend,
  startConformanceBackend,
  stopConformanceBackend,
} from "./harness/backend";

let handle: BackendHandle | undefined;

beforeAll(async () => {
  handle = await startConformanceBackend("guard", {
    allowedHosts: ["127.0.0.1", "localhost"],
    allowedOrigins: ["http://127.0.0.1:3000"],
  });
});
afterAll(async () => {
  await stopConformanceBackend(handle);
});

function get(path: string, headers: Record<string, string>): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(`${requireBackend(handle).url}${path}`, { headers }, (res) => {
      res.resume();
      resolve(res.statusCode ?? 0);
    });
    req.on("error", reject);
    req.end();
  });
}

function upgrade(headers: Record<string, string>): Promise<"open" | "refused"> {
  return new Promise((resolve) => {
    const ws = new WebSocket(
      `${requireBackend(handle).url.replace(/^http/, "ws")}/api/1.48.0/sync`,
      {
        headers,
      },
    );
    ws.on("open", () => {
      ws.terminate();
      resolve("open");
    });
    ws.on("error", () => resolve("refused"));
  });
}

describe("deployment port guard", () => {
  it("answers loopback names on any port, and no other Host", async () => {
    const { port } = new URL(requireBackend(handle).url);
    expect(await get("/version", { host: `localhost:${port}` })).not.toBe(403);
    expect(await get("/version", { host: `rebound.example:${port}` })).toBe(403);
  });

  it("refuses browser pages from other origins; tools without an Origin pass", async () => {
    expect(await get("/version", { origin: "http://127.0.0.1:3000" })).not.toBe(403);
    expect(await get("/version", { origin: "http://evil.example" })).toBe(403);
    expect(await get("/version", {})).not.toBe(403);
  });

  it("applies the same rules to the sync WebSocket", async () => {
    expect(await upgrade({ origin: "http://127.0.0.1:3000" })).toBe("open");
    expect(await upgrade({ origin: "http://evil.example" })).toBe("refused");
  });
});

/**
 * ctx.meta.getRequestMetadata() reports the calling client's IP and user agent, as Convex does,
 * over the HTTP API, the WebSocket protocol and HTTP actions (convex-test has no client, so this
 * is checked here rather than in a conformance scenario).
 */
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterAll, beforeAll, expect, test } from "vitest";
import WebSocket from "ws";
import {
  type BackendHandle,
  requireBackend,
  startConformanceBackend,
  stopConformanceBackend,
} from "./harness/backend";

const requestMeta = makeFunctionReference<"mutation">("meta:requestMeta");
const requestMetaAction = makeFunctionReference<"action">("meta:requestMetaAction");

let handle: BackendHandle | undefined;
beforeAll(async () => {
  handle = await startConformanceBackend("request-metadata");
});
afterAll(async () => stopConformanceBackend(handle));

test("HTTP API, WebSocket and HTTP action calls carry the client's ip and user agent", async () => {
  const backend = requireBackend(handle);
  const http = new ConvexHttpClient(backend.url);
  const viaHttp = await http.mutation(requestMeta, {});
  expect(viaHttp.ip).toBe("127.0.0.1");
  expect(typeof viaHttp.userAgent).toBe("string");

  class UaWebSocket extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers: { "User-Agent": "sync-test-agent/1.0" } });
    }
  }
  const ws = new ConvexClient(backend.url, {
    webSocketConstructor: UaWebSocket as unknown as typeof globalThis.WebSocket,
    unsavedChangesWarning: false,
  });
  try {
    expect(await ws.mutation(requestMeta, {})).toEqual({
      ip: "127.0.0.1",
      userAgent: "sync-test-agent/1.0",
    });
    // An action passes its request metadata on to the functions it calls.
    expect(await ws.action(requestMetaAction, {})).toEqual({
      ip: "127.0.0.1",
      userAgent: "sync-test-agent/1.0",
    });
  } finally {
    await ws.close();
  }

  const res = await fetch(`${backend.siteUrl}/request-meta`, {
    headers: { "User-Agent": "site-agent/2.0" },
  });
  expect(await res.json()).toEqual({ ip: "127.0.0.1", userAgent: "site-agent/2.0" });
});

/**
 * Serves the app's HTTP actions (default export of http.ts, an HttpRouter) on the site URL.
 * The raw body and headers reach the handler untouched, so webhook signatures verify.
 */
import { randomUUID } from "node:crypto";
import type http from "node:http";
import { Readable } from "node:stream";
import type { Runtime } from "../runtime/runtime.js";
import { ANONYMOUS } from "../runtime/runtime.js";
import { callerFrom, readBody } from "./http.js";
import { connectionOf } from "../runtime/context.js";

export async function handleSite(
  runtime: Runtime,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  origin: string,
) {
  const url = new URL(req.url ?? "/", origin);
  const router = runtime.app.http;
  const match = router?.lookup(url.pathname, req.method as any);
  if (!match) {
    res.writeHead(404, { "Content-Type": "text/plain" });
    res.end("No matching routes found");
    return;
  }
  const [handler] = match;
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (Array.isArray(v)) for (const item of v) headers.append(k, item);
    else if (v !== undefined) headers.set(k, v);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  const body = hasBody ? await readBody(req, 20 * 1024 * 1024) : undefined;
  const request = new Request(url.href, {
    method: req.method,
    headers,
    body: body?.length ? new Uint8Array(body) : undefined,
  });
  let caller = ANONYMOUS;
  if (req.headers.authorization?.startsWith("Bearer ")) {
    try {
      caller = await callerFrom(runtime, req.headers.authorization);
    } catch {
      caller = ANONYMOUS; // an HTTP action decides for itself what an unauthenticated call means
    }
  }
  caller = { ...caller, ...connectionOf(req) };
  let response: Response;
  try {
    response = await runtime.runHttpAction(handler, request, caller);
    if (!(response instanceof Response))
      throw new Error("The HTTP action did not return a Response.");
  } catch (e) {
    const err = e as Error;
    const requestId = randomUUID().replace(/-/g, "").slice(0, 16);
    res.writeHead(500, { "Content-Type": "application/json" });
    res.end(
      JSON.stringify({
        code: `[Request ID: ${requestId}] Server Error: Uncaught ${err?.name ?? "Error"}: ${err?.message ?? String(e)}`,
        trace: err?.stack ?? "",
      }),
    );
    return;
  }
  const outHeaders: Record<string, string | string[]> = {};
  response.headers.forEach((value, key) => {
    if (key === "set-cookie") return;
    outHeaders[key] = value;
  });
  const cookies = response.headers.getSetCookie?.() ?? [];
  if (cookies.length) outHeaders["set-cookie"] = cookies;
  res.writeHead(response.status, response.statusText, outHeaders);
  if (!response.body) {
    res.end();
    return;
  }
  Readable.fromWeb(response.body as any).pipe(res);
}

/**
 * HTTP endpoints on the deployment URL: the API ConvexHttpClient uses (/api/query, /api/mutation,
 * /api/action, /api/function, /api/run/<path>), file storage upload/download, and a small stats
 * endpoint. Bodies are size-limited; every failure is a clear JSON error, never a crash.
 */
import { createHash } from "node:crypto";
import fs from "node:fs";
import type http from "node:http";
import type { JSONValue } from "convex/values";
import { type Caller, connectionOf } from "../runtime/context.js";
import { FunctionError, toFunctionError } from "../runtime/errors.js";
import { ANONYMOUS, type Runtime } from "../runtime/runtime.js";
import { isAdminKey } from "./admin-key.js";
import { encodeTs } from "./ts.js";

export const MAX_BODY_BYTES = 16 * 1024 * 1024 + 1024;
const UDF_FAILED = 560;

export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

/** After refusing an oversized body, read (and discard) at most this much more before hanging up. */
const MAX_DISCARD_BYTES = 64 * 1024 * 1024;

function tooLarge(limit: number, declared?: number) {
  return new HttpError(
    413,
    "PayloadTooLarge",
    declared !== undefined
      ? `Request body is ${declared} bytes; the limit is ${limit} bytes.`
      : `Request body exceeds the limit of ${limit} bytes.`,
  );
}

/**
 * Keeps reading (and dropping) what is left of a refused body, so the client is still listening
 * when the 413 goes out instead of seeing its socket reset; a client that keeps sending past the
 * discard allowance is cut off.
 */
function discardRest(req: http.IncomingMessage) {
  let dropped = 0;
  req.removeAllListeners("data");
  req.on("data", (c: Buffer) => {
    dropped += c.length;
    if (dropped > MAX_DISCARD_BYTES) req.destroy();
  });
  req.resume();
}

export function readBody(req: http.IncomingMessage, limit = MAX_BODY_BYTES): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      discardRest(req);
      reject(tooLarge(limit, declared));
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (c: Buffer) => {
      size += c.length;
      if (size > limit) {
        discardRest(req);
        reject(tooLarge(limit));
        return;
      }
      chunks.push(c);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

/** Largest single upload accepted through an upload URL. */
export const MAX_UPLOAD_BYTES = 1024 * 1024 * 1024;

/**
 * Streams a request body into `file` (never holding it in memory), hashing as it goes; refuses
 * bodies over `limit` with 413 and removes the partial file.
 */
export function streamBodyToFile(
  req: http.IncomingMessage,
  file: string,
  limit = MAX_UPLOAD_BYTES,
): Promise<{ sha256: string; size: number }> {
  return new Promise((resolve, reject) => {
    const declared = Number(req.headers["content-length"] ?? 0);
    if (declared > limit) {
      discardRest(req);
      reject(tooLarge(limit, declared));
      return;
    }
    const hash = createHash("sha256");
    let size = 0;
    let failed = false;
    const out = fs.createWriteStream(file, { mode: 0o600 });
    const fail = (e: unknown) => {
      if (failed) return;
      failed = true;
      out.destroy();
      fs.rmSync(file, { force: true });
      reject(e);
    };
    req.on("data", (c: Buffer) => {
      if (failed) return;
      size += c.length;
      if (size > limit) {
        discardRest(req);
        fail(tooLarge(limit));
        return;
      }
      hash.update(c);
      if (!out.write(c)) {
        req.pause();
        out.once("drain", () => req.resume());
      }
    });
    req.on("end", () => {
      if (failed) return;
      out.end(() => resolve({ sha256: hash.digest("base64"), size }));
    });
    req.on("error", fail);
    out.on("error", fail);
  });
}

export function sendJson(res: http.ServerResponse, status: number, body: unknown) {
  if (res.headersSent) return;
  // After a refused body the rest of the request may still be arriving: don't reuse the socket.
  const close = status === 413 ? { Connection: "close" } : {};
  res.writeHead(status, { "Content-Type": "application/json", ...CORS, ...close });
  res.end(JSON.stringify(body));
}

export const CORS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Headers": "Content-Type, Authorization, Convex-Client",
  "Access-Control-Allow-Methods": "GET, POST, OPTIONS",
};

/** Resolves the Authorization header: "Convex <admin key>" or "Bearer <jwt>". */
export async function callerFrom(runtime: Runtime, header: string | undefined): Promise<Caller> {
  if (!header) return ANONYMOUS;
  const [scheme, token] = header.split(" ", 2);
  if (scheme === "Convex") {
    if (!isAdminKey(runtime, token))
      throw new HttpError(
        401,
        "BadAdminKey",
        "The provided admin key is invalid for this deployment.",
      );
    return { identity: null, token: null, admin: true };
  }
  if (scheme === "Bearer" && token) {
    try {
      return { identity: await runtime.auth.verify(token), token, admin: false };
    } catch (e) {
      throw new HttpError(401, "Unauthenticated", (e as Error).message);
    }
  }
  throw new HttpError(
    401,
    "Unauthenticated",
    "Authorization header must be 'Bearer <token>' or 'Convex <admin key>'.",
  );
}

function parseJson(body: Buffer): any {
  try {
    return JSON.parse(body.toString("utf8") || "{}");
  } catch {
    throw new HttpError(400, "BadJsonBody", "The request body is not valid JSON.");
  }
}

export async function handleApi(
  runtime: Runtime,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
) {
  const path = url.pathname;
  if (req.method === "OPTIONS") {
    res.writeHead(204, CORS);
    res.end();
    return;
  }
  if (path === "/api/local/stats" && req.method === "GET") {
    // Counters reveal activity on the deployment: admins only.
    const caller = await callerFrom(runtime, req.headers.authorization);
    if (!caller.admin)
      throw new HttpError(401, "BadAdminKey", "/api/local/stats needs the admin key.");
    return sendJson(res, 200, {
      ...runtime.stats,
      ...runtime.statsExtra(),
      ts: runtime.db.currentTs.toString(),
    });
  }
  if (path.startsWith("/api/storage/")) return handleStorage(runtime, req, res, url);
  if (req.method !== "POST")
    throw new HttpError(405, "MethodNotAllowed", `${req.method} is not allowed on ${path}.`);
  if (path === "/api/query_ts") return sendJson(res, 200, { ts: encodeTs(runtime.db.currentTs) });

  let kind: "query" | "mutation" | "action" | "any";
  let fnPath: string;
  let args: JSONValue;
  const body = parseJson(await readBody(req));
  if (
    path === "/api/query" ||
    path === "/api/query_at_ts" ||
    path === "/api/mutation" ||
    path === "/api/action"
  ) {
    kind = path === "/api/mutation" ? "mutation" : path === "/api/action" ? "action" : "query";
    if (typeof body.path !== "string")
      throw new HttpError(400, "BadRequest", "The body must have a string `path`.");
    fnPath = body.path;
    args = Array.isArray(body.args) ? (body.args[0] ?? {}) : (body.args ?? {});
  } else if (path === "/api/function" || path.startsWith("/api/run/")) {
    kind = "any";
    fnPath =
      path === "/api/function"
        ? body.path
        : decodeURIComponent(path.slice("/api/run/".length)).replace(/\/([^/]+)$/, ":$1");
    if (typeof fnPath !== "string")
      throw new HttpError(400, "BadRequest", "The body must have a string `path`.");
    args = body.args ?? {};
  } else {
    throw new HttpError(404, "NotFound", `No API route ${path}.`);
  }
  const caller = {
    ...(await callerFrom(runtime, req.headers.authorization)),
    ...connectionOf(req),
  };
  try {
    if (kind === "any") {
      const reg = runtime.lookup(fnPath, guessKind(runtime, fnPath), caller);
      kind = reg.kind;
    }
    const out =
      kind === "query"
        ? await runtime.runQuery(fnPath, args, caller)
        : kind === "mutation"
          ? await runtime.runMutation(fnPath, args, caller)
          : await runtime.runAction(fnPath, args, caller);
    // The result is already JSON text: embed it rather than parse and re-serialise it.
    res.writeHead(200, { "Content-Type": "application/json", ...CORS });
    res.end(
      `{"status":"success","value":${out.result.json},"logLines":${JSON.stringify(out.logLines)}}`,
    );
  } catch (e) {
    const err = toFunctionError(e);
    const payload: Record<string, unknown> = {
      status: "error",
      errorMessage: err.message,
      logLines: [],
    };
    if (err.data !== undefined) payload.errorData = err.data;
    sendJson(res, UDF_FAILED, payload);
  }
}

function guessKind(runtime: Runtime, fnPath: string) {
  const reg = runtime.app.functions.get(fnPath.includes(":") ? fnPath : `${fnPath}:default`);
  if (!reg) throw new FunctionError(`Could not find public function for '${fnPath}'.`);
  return reg.kind;
}

async function handleStorage(
  runtime: Runtime,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  url: URL,
) {
  if (url.pathname === "/api/storage/upload") {
    if (req.method !== "POST") throw new HttpError(405, "MethodNotAllowed", "Upload with POST.");
    if (!runtime.files.consumeUploadToken(url.searchParams.get("token")))
      throw new HttpError(
        401,
        "InvalidUploadToken",
        "This upload URL is invalid or has expired. Generate a new one with storage.generateUploadUrl().",
      );
    const tmp = runtime.files.tempPath();
    const meta = await streamBodyToFile(req, tmp);
    const storageId = await runtime.files.adopt(
      tmp,
      meta,
      (req.headers["content-type"] as string) || null,
    );
    return sendJson(res, 200, { storageId });
  }
  const id = url.pathname.slice("/api/storage/".length);
  const file = /^[0-9a-z]+$/.test(id) ? runtime.files.read(id) : null;
  if (!file) throw new HttpError(404, "FileNotFound", `No file with storage ID ${id}.`);
  const headers: Record<string, string | number> = {
    "Cache-Control": "private, max-age=2592000",
    "Accept-Ranges": "bytes",
    Digest: `sha-256=${file.sha256}`,
    // Served from the deployment origin: never let a browser sniff an upload into HTML/JS.
    "X-Content-Type-Options": "nosniff",
    ...CORS,
  };
  if (file.contentType) headers["Content-Type"] = file.contentType;
  const size = file.bytes.length;
  // A single byte range (what browsers send for media) is answered with 206, as Convex does.
  const range = /^bytes=(\d*)-(\d*)$/.exec(String(req.headers.range ?? ""));
  if (range && (range[1] || range[2])) {
    let start = range[1] ? Number(range[1]) : Math.max(0, size - Number(range[2]));
    let end = range[1] ? (range[2] ? Math.min(Number(range[2]), size - 1) : size - 1) : size - 1;
    if (start >= size || start > end) {
      res.writeHead(416, { "Content-Range": `bytes */${size}`, ...CORS });
      res.end();
      return;
    }
    start = Math.max(0, start);
    end = Math.min(end, size - 1);
    res.writeHead(206, {
      ...headers,
      "Content-Range": `bytes ${start}-${end}/${size}`,
      "Content-Length": end - start + 1,
    });
    res.end(file.bytes.subarray(start, end + 1));
    return;
  }
  res.writeHead(200, { ...headers, "Content-Length": size });
  res.end(file.bytes);
}

export { FunctionError };

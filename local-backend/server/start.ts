/**
 * Starts the embedded backend: opens the data folder, loads the app's functions, and serves
 * the deployment URL (WebSocket sync + HTTP API + storage) and the site URL (HTTP actions).
 */
import fs from "node:fs";
import http from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { convexToJson, jsonToConvex, type JSONValue } from "convex/values";
import { WebSocketServer } from "ws";
import type { BackendOptions, RunningBackend } from "../index.js";
import { loadEnv } from "../runtime/env.js";
import { buildAndLoad } from "../runtime/modules.js";
import { connectionOf } from "../runtime/context.js";
import { Runtime } from "../runtime/runtime.js";
import { SqliteStore } from "../storage/sqlite.js";
import { refusal } from "./guard.js";
import { CORS, HttpError, handleApi, sendJson } from "./http.js";
import { handleSite } from "./site.js";
import { loadOrCreateAdminKey } from "./admin-key.js";
import { MutationReplies } from "./replies.js";
import { SyncSession } from "./sync.js";
import { CronRunner } from "../runtime/crons.js";

const MAX_WS_FRAME = 32 * 1024 * 1024;

function listen(server: http.Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => {
      server.off("error", reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

/** Bundled function code lands with the default umask: restrict it like the rest of the folder. */
function ownerOnly(dir: string) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      fs.chmodSync(p, 0o700);
      ownerOnly(p);
    } else fs.chmodSync(p, 0o600);
  }
}

export async function startBackend(options: BackendOptions): Promise<RunningBackend> {
  const host = options.host ?? "127.0.0.1";
  const functionsDir = path.resolve(options.functionsDir);
  const dataDir = path.resolve(options.dataDir);
  if (options.reset) fs.rmSync(dataDir, { recursive: true, force: true });
  // The data folder holds the admin key, the database and uploaded files: owner only.
  fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  fs.chmodSync(dataDir, 0o700);
  if (!fs.existsSync(functionsDir)) throw new Error(`Functions folder not found: ${functionsDir}`);
  const adminKey = loadOrCreateAdminKey(dataDir);

  const store = new SqliteStore(path.join(dataDir, "convex.sqlite3"));
  const runtime = new Runtime(store, dataDir);
  runtime.adminKey = adminKey;
  if (options.uploadUrlTtlMs !== undefined) runtime.files.uploadUrlTtlMs = options.uploadUrlTtlMs;
  const replies = new MutationReplies(
    options.mutationReplyGraceMs ?? 60_000,
    options.maxSavedMutationReplies ?? 10_000,
  );
  runtime.statsExtra = () => ({
    savedMutationReplies: replies.size,
    pendingUploadUrls: runtime.files.pendingUploadUrls,
    walSyncs: store.walSyncs,
    walSyncMs: Math.round(store.walSyncMs * 1000) / 1000,
  });
  const env = loadEnv(functionsDir, options.env);
  Object.assign(process.env, env);
  runtime.env = env;
  const buildDir = path.join(dataDir, "modules");
  fs.mkdirSync(buildDir, { recursive: true, mode: 0o700 });
  try {
    runtime.setApp(await buildAndLoad(functionsDir, buildDir));
    ownerOnly(buildDir);
  } catch (e) {
    store.close(); // leave the data folder free for the next attempt
    throw e;
  }

  const sessions = new Set<SyncSession>();
  runtime.listeners.add((event) => {
    for (const s of sessions) s.onCommit(event);
  });

  const log = (...a: unknown[]) => {
    if (!options.quiet) console.log("[backend]", ...a);
  };

  const guard = { allowedHosts: options.allowedHosts, allowedOrigins: options.allowedOrigins };
  const api = http.createServer((req, res) => {
    const refused = refusal(req, guard);
    if (refused) return sendJson(res, 403, { code: "Forbidden", message: refused });
    const url = new URL(req.url ?? "/", "http://localhost");
    handleApi(runtime, req, res, url).catch((e) => {
      if (e instanceof HttpError)
        return sendJson(res, e.status, { code: e.code, message: e.message });
      log("internal error", e);
      sendJson(res, 500, { code: "InternalServerError", message: (e as Error).message });
    });
  });
  const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_WS_FRAME });
  api.on("upgrade", (req, socket, head) => {
    if (refusal(req, guard)) {
      socket.write("HTTP/1.1 403 Forbidden\r\nConnection: close\r\n\r\n");
      socket.destroy();
      return;
    }
    const url = new URL(req.url ?? "/", "http://localhost");
    if (!/^\/api\/[^/]+\/sync$/.test(url.pathname)) {
      socket.write("HTTP/1.1 404 Not Found\r\n\r\n");
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      const session = new SyncSession(
        ws,
        runtime,
        replies,
        (s) => sessions.delete(s),
        connectionOf(req),
      );
      sessions.add(session);
    });
  });
  const port = await listen(api, options.port ?? 3210, host);
  const url = `http://${host}:${port}`;
  runtime.files.baseUrl = (options.publicUrl ?? url).replace(/\/+$/, "");

  const site = http.createServer((req, res) => {
    if (
      req.method === "OPTIONS" &&
      !runtime.app.http?.lookup(new URL(req.url ?? "/", url).pathname, "OPTIONS")
    ) {
      res.writeHead(204, CORS);
      res.end();
      return;
    }
    handleSite(runtime, req, res, siteUrl).catch((e) => {
      if (e instanceof HttpError)
        return sendJson(res, e.status, { code: e.code, message: e.message });
      sendJson(res, 500, { code: "InternalServerError", message: (e as Error).message });
    });
  });
  const sitePort = await listen(site, options.sitePort ?? (options.port ? port + 1 : 3211), host);
  const siteUrl = `http://${host}:${sitePort}`;
  process.env.CONVEX_SITE_URL = siteUrl;
  process.env.CONVEX_CLOUD_URL = url;

  await runtime.scheduler.start();
  runtime.onScheduled = () => runtime.scheduler.wake();
  const crons = new CronRunner(runtime);
  crons.start();

  let watcher: fs.FSWatcher | null = null;
  if (options.watch) {
    let timer: NodeJS.Timeout | null = null;
    watcher = fs.watch(functionsDir, { recursive: true }, (_event, file) => {
      if (!file || file.includes("_generated") || file.startsWith(".")) return;
      if (timer) clearTimeout(timer);
      timer = setTimeout(async () => {
        try {
          runtime.setApp(await buildAndLoad(functionsDir, buildDir));
          ownerOnly(buildDir);
          crons.start();
          for (const s of sessions) s.invalidateAll();
          log(`reloaded functions after a change to ${file}`);
        } catch (e) {
          log(`could not reload functions: ${(e as Error).message}`);
        }
      }, 150);
    });
  }

  return {
    url,
    siteUrl,
    adminKey: runtime.adminKey,
    async run(fnPath: string, args: Record<string, unknown> = {}) {
      const caller = { identity: null, token: null, admin: true };
      const reg = runtime.app.functions.get(fnPath.includes(":") ? fnPath : `${fnPath}:default`);
      if (!reg) throw new Error(`No function ${fnPath}`);
      const json = convexToJson(args as any) as JSONValue;
      const out =
        reg.kind === "query"
          ? await runtime.runQuery(fnPath, json, caller)
          : reg.kind === "mutation"
            ? await runtime.runMutation(fnPath, json, caller)
            : await runtime.runAction(fnPath, json, caller);
      return jsonToConvex(out.value);
    },
    documentCount() {
      return store
        .allTables()
        .filter((t) => !t.name.startsWith("_"))
        .reduce((n, t) => n + t.count, 0);
    },
    runtime,
    async close() {
      watcher?.close();
      crons.stop();
      runtime.scheduler.stop();
      runtime.files.stop();
      for (const client of wss.clients) client.terminate();
      wss.close();
      api.closeAllConnections?.();
      site.closeAllConnections?.();
      await Promise.all([new Promise((r) => api.close(r)), new Promise((r) => site.close(r))]);
      // Let committed mutations finish syncing (and be acknowledged) before the file closes.
      await runtime.durable();
      store.close();
    },
  } as RunningBackend;
}

/**
 * The one HTTP port both apps are served on.
 *
 *   /api/*            the Convex HTTP API and sync WebSocket, forwarded to the backend
 *                     (scripts/app-proxy.ts), so the browser needs this one origin only
 *   /auth/*           offline accounts (scripts/offline-auth.ts), when enabled
 *   /config.json      the runtime config the HTML gets injected
 *   /dashboard[/…]    team workspace (dashboard/index.html)
 *   /robots.txt, [/s/<slug>]/sitemap.xml   for crawlers (scripts/storefront-ssr.ts)
 *   everything else   shopper storefront, rendered on the server into index.html
 *                     (scripts/storefront-ssr.ts), or a static file
 *
 * `--dev` hands modules to Vite's dev server in middleware mode (hot reload over the same
 * port); otherwise files come from the built dist/ folder.
 */
import { createReadStream } from "node:fs";
import { readFile, stat } from "node:fs/promises";
import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { extname, join, normalize, resolve, sep } from "node:path";
import { brotliCompressSync, constants as zlib, gzipSync } from "node:zlib";
import type { ViteDevServer } from "vite";
import { allowedHosts, hostAllowed, proxyHttp, proxyUpgrade, refuseHost } from "./app-proxy.js";
import { demoImageFor } from "./demo-images.js";
import type { OfflineAuth } from "./offline-auth.js";
import type { RenderedPage, StorefrontRenderer } from "./storefront-ssr.js";

export interface BrowserConfig {
  /**
   * true: the browser reaches the Convex deployment through this same origin (app-proxy.ts,
   * `npm start`); false: directly at `url` (a cloud deployment, `npm run serve:storefront`).
   */
  sameOrigin: boolean;
  url?: string;
  siteUrl: string;
  clerkPublishableKey?: string;
  storeSlug: string;
}

export interface AppRuntime {
  config: BrowserConfig;
  /** Where /api/* is forwarded: the embedded backend's own URL. */
  backendUrl: string;
  auth: OfflineAuth | null;
  /** Renders storefront pages on the server (content, title, meta, JSON-LD). */
  storefront?: StorefrontRenderer;
  /** PUBLIC_URL: the storefront's public origin for canonical URLs; else the request's Host. */
  publicUrl?: string;
}

export interface AppServer {
  origin: string;
  port: number;
  /** The Host values this server answers to (loopback, LAN addresses, PUBLIC_HOSTS). */
  hosts: Set<string>;
  server: Server;
  setRuntime(runtime: AppRuntime): void;
  close(): Promise<void>;
}

const MIME: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".json": "application/json; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".jpg": "image/jpeg",
  ".jpeg": "image/jpeg",
  ".webp": "image/webp",
  ".avif": "image/avif",
  ".gif": "image/gif",
  ".ico": "image/x-icon",
  ".txt": "text/plain; charset=utf-8",
  ".woff2": "font/woff2",
  ".webmanifest": "application/manifest+json",
};
const COMPRESSIBLE = new Set([".html", ".js", ".mjs", ".css", ".json", ".svg", ".txt"]);
const SECURITY_HEADERS = {
  "x-content-type-options": "nosniff",
  "referrer-policy": "strict-origin-when-cross-origin",
};

export async function startAppServer(options: {
  root: string;
  host: string;
  port: number;
  dev: boolean;
  /** PUBLIC_HOSTS: extra names (comma-separated) the app may be reached under. */
  publicHosts?: string;
}): Promise<AppServer> {
  const distDir = join(options.root, "dist");
  let runtime: AppRuntime | null = null;
  let vite: ViteDevServer | null = null;
  let hosts = new Set<string>();
  const htmlCache = new Map<string, { mtime: number; html: string }>();
  const compressed = new Map<string, { key: string; gzip?: Buffer; br?: Buffer }>();

  async function templateFor(app: "storefront" | "dashboard", url: string): Promise<string> {
    const rel = app === "dashboard" ? "dashboard/index.html" : "index.html";
    if (vite) {
      const raw = await readFile(join(options.root, rel), "utf8");
      return vite.transformIndexHtml(url, raw);
    }
    // Re-read when the file changes, so a `vite build` during a run is picked up.
    const file = join(distDir, rel);
    const mtime = (await stat(file)).mtimeMs;
    const cached = htmlCache.get(rel);
    if (cached?.mtime === mtime) return cached.html;
    let html = await readFile(file, "utf8");
    if (app === "storefront") html = await inlineStylesheets(html);
    htmlCache.set(rel, { mtime, html });
    return html;
  }

  /** The origin shoppers and crawlers use, for canonical URLs, og:url and the sitemap. */
  function publicOrigin(req: IncomingMessage): string {
    if (runtime?.publicUrl) return runtime.publicUrl.replace(/\/+$/, "");
    // The Host header was checked against the allowed hosts before we got here.
    return `http://${req.headers.host ?? "127.0.0.1"}`;
  }

  /**
   * The storefront's stylesheet (a few kB) goes into the page itself: the first paint needs
   * no second request, which is most of a shopper's wait on a slow link.
   */
  async function inlineStylesheets(html: string): Promise<string> {
    const links = [
      ...html.matchAll(/<link rel="stylesheet"[^>]*href="(\/assets\/[^"]+\.css)"[^>]*>/g),
    ];
    for (const [tag, href] of links) {
      const css = await readFile(join(distDir, href), "utf8").catch(() => null);
      if (css !== null && css.length < 100_000) {
        html = html.replace(tag, () => `<style>${css.replace(/<\/style/gi, "<\\/style")}</style>`);
      }
    }
    return html;
  }

  async function serveHtml(req: IncomingMessage, res: ServerResponse, path: string) {
    if (!runtime) {
      res.writeHead(503, { "content-type": "text/html; charset=utf-8", "retry-after": "1" });
      res.end(
        '<!doctype html><meta http-equiv="refresh" content="1"><title>Starting…</title><p style="font:16px system-ui;padding:2rem">Starting the store… this page reloads by itself.</p>',
      );
      return;
    }
    const app = isDashboard(path) ? "dashboard" : "storefront";
    let html = await templateFor(app, req.url ?? path);
    let status = 200;
    if (app === "storefront" && runtime.storefront) {
      const search = new URL(req.url ?? "/", "http://x").search;
      const visitor = String(req.headers.cookie ?? "").match(
        /(?:^|;\s*)sf_vid=([A-Za-z0-9_-]{8,64})/,
      );
      const page = await runtime.storefront.page(path, search, publicOrigin(req), visitor?.[1]);
      html = applyPage(html, page);
      status = page.status;
    }
    const config = `<script>window.__CONVEX_CONFIG__=${safeJson(runtime.config)}</script>`;
    html = html.includes("<!--app-config-->")
      ? html.replace("<!--app-config-->", config)
      : html.replace("</head>", `${config}</head>`);
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      "content-type": "text/html; charset=utf-8",
      "cache-control": "no-cache",
    };
    if (app === "dashboard") headers["x-frame-options"] = "DENY";
    sendBody(req, res, status, Buffer.from(html), headers, ".html");
  }

  async function serveStatic(req: IncomingMessage, res: ServerResponse, path: string) {
    const file = resolve(distDir, `.${normalize(path)}`);
    if (!file.startsWith(distDir + sep)) return false;
    const info = await stat(file).catch(() => null);
    if (!info?.isFile() || file.endsWith(".html")) return false;
    const ext = extname(file);
    const immutable = path.startsWith("/assets/");
    const etag = `"${info.size.toString(36)}-${info.mtimeMs.toString(36)}"`;
    const headers: Record<string, string> = {
      ...SECURITY_HEADERS,
      "content-type": MIME[ext] ?? "application/octet-stream",
      "cache-control": immutable ? "public, max-age=31536000, immutable" : "public, max-age=300",
      etag,
    };
    if (req.headers["if-none-match"] === etag) {
      res.writeHead(304, headers);
      res.end();
      return true;
    }
    if (COMPRESSIBLE.has(ext) && info.size > 1024) {
      let entry = compressed.get(file);
      if (!entry || entry.key !== etag) {
        entry = { key: etag };
        compressed.set(file, entry);
      }
      const body = await readFile(file);
      sendBody(req, res, 200, body, headers, ext, entry);
      return true;
    }
    res.writeHead(200, { ...headers, "content-length": String(info.size) });
    if (req.method === "HEAD") res.end();
    else createReadStream(file).pipe(res);
    return true;
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (!hostAllowed(req, hosts)) return refuseHost(res, req, hosts);
    let path: string;
    try {
      path = decodeURIComponent(new URL(req.url ?? "/", "http://x").pathname);
    } catch {
      res.writeHead(400).end("Bad request");
      return;
    }
    if (path.startsWith("/api/")) {
      if (!runtime) return void res.writeHead(503, { "retry-after": "1" }).end("Starting…");
      // Against a remote deployment the browser talks to it directly; nothing is forwarded.
      if (!runtime.config.sameOrigin) return notFound(res);
      return proxyHttp(req, res, new URL(runtime.backendUrl));
    }
    if (runtime?.auth && (await runtime.auth.handle(req, res))) return;
    if (path === "/config.json") {
      if (!runtime) return void res.writeHead(503).end();
      res.writeHead(200, { "content-type": "application/json", "cache-control": "no-store" });
      res.end(JSON.stringify(runtime.config));
      return;
    }
    if (path === "/healthz") {
      res.writeHead(runtime ? 200 : 503, { "content-type": "text/plain" });
      res.end(runtime ? "ok" : "starting");
      return;
    }
    if (req.method !== "GET" && req.method !== "HEAD") {
      if (vite) return vite.middlewares(req, res, () => notFound(res));
      res.writeHead(405, { allow: "GET, HEAD" }).end();
      return;
    }
    const ext = extname(path);
    if ((ext === ".txt" || ext === ".xml") && runtime?.storefront) {
      const file = await runtime.storefront.file(path, publicOrigin(req));
      if (file) {
        const headers = {
          ...SECURITY_HEADERS,
          "content-type": file.type,
          "cache-control": "public, max-age=60",
        };
        return sendBody(req, res, file.status, Buffer.from(file.body), headers, ".txt");
      }
    }
    if (path.startsWith("/demo/products/")) {
      if (!vite && (await serveStatic(req, res, path))) return;
      const svg = demoImageFor(path);
      if (!svg) return notFound(res);
      sendBody(
        req,
        res,
        200,
        Buffer.from(svg),
        {
          ...SECURITY_HEADERS,
          "content-type": "image/svg+xml",
          "cache-control": "public, max-age=86400",
        },
        ".svg",
      );
      return;
    }
    if (vite) {
      // Vite's own extension-less URLs all start with /@ (/@vite/client, /@id/…) or /__.
      const viteInternal = path.startsWith("/@") || path.startsWith("/__");
      if (!viteInternal && (ext === "" || ext === ".html")) {
        return serveHtml(req, res, path);
      }
      return vite.middlewares(req, res, () => notFound(res));
    }
    if (ext !== "" && ext !== ".html") {
      if (!(await serveStatic(req, res, path))) notFound(res);
      return;
    }
    return serveHtml(req, res, path);
  }

  function sendBody(
    req: IncomingMessage,
    res: ServerResponse,
    status: number,
    body: Buffer,
    headers: Record<string, string>,
    ext: string,
    cache?: { gzip?: Buffer; br?: Buffer },
  ) {
    const accept = String(req.headers["accept-encoding"] ?? "");
    let out = body;
    if (COMPRESSIBLE.has(ext) && body.length > 1024) {
      headers.vary = "accept-encoding";
      if (/\bbr\b/.test(accept)) {
        out = cache?.br ?? brotliCompressSync(body, { params: { [zlib.BROTLI_PARAM_QUALITY]: 6 } });
        if (cache) cache.br = out;
        headers["content-encoding"] = "br";
      } else if (/\bgzip\b/.test(accept)) {
        out = cache?.gzip ?? gzipSync(body, { level: 6 });
        if (cache) cache.gzip = out;
        headers["content-encoding"] = "gzip";
      }
    }
    res.writeHead(status, { ...headers, "content-length": String(out.length) });
    res.end(req.method === "HEAD" ? undefined : out);
  }

  const server = createServer((req, res) => {
    handle(req, res).catch((error) => {
      if (vite && error instanceof Error) vite.ssrFixStacktrace(error);
      console.error(`[app] ${req.method} ${req.url} failed:`, error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end("Internal error");
    });
  });

  // The sync WebSocket rides the same port; other upgrades (Vite's HMR in --dev) are Vite's.
  server.on("upgrade", (req, socket, head) => {
    if (!(req.url ?? "").startsWith("/api/")) return;
    if (!hostAllowed(req, hosts) || !runtime?.config.sameOrigin) {
      socket.end("HTTP/1.1 403 Forbidden\r\nconnection: close\r\n\r\n");
      return;
    }
    proxyUpgrade(req, socket as Socket, head, new URL(runtime.backendUrl));
  });

  await new Promise<void>((resolveListen, reject) => {
    server.once("error", reject);
    server.listen(options.port, options.host, () => resolveListen());
  });
  const port = (server.address() as AddressInfo).port;
  hosts = allowedHosts({ host: options.host, port, publicHosts: options.publicHosts });
  const shownHost =
    options.host === "0.0.0.0" || options.host === "::" ? "127.0.0.1" : options.host;
  const origin = `http://${shownHost}:${port}`;

  if (options.dev) {
    const { createServer: createViteServer } = await import("vite");
    vite = await createViteServer({
      configFile: join(options.root, "vite.config.ts"),
      appType: "custom",
      server: { middlewareMode: true, hmr: { server } },
    });
  }

  return {
    origin,
    port,
    hosts,
    server,
    setRuntime(next) {
      runtime = next;
    },
    async close() {
      await vite?.close();
      server.closeAllConnections();
      await new Promise<void>((r) => server.close(() => r()));
    },
  };
}

function isDashboard(path: string) {
  return path === "/dashboard" || path.startsWith("/dashboard/");
}

function notFound(res: ServerResponse) {
  res.writeHead(404, { "content-type": "text/plain; charset=utf-8" });
  res.end("Not found");
}

function safeJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/\u2028|\u2029/g, "");
}

function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** The server-rendered storefront page, poured into the built index.html. */
function applyPage(html: string, page: RenderedPage): string {
  return html
    .replace(/<title>[^<]*<\/title>/, () => `<title>${escapeHtml(page.title)}</title>`)
    .replace(
      /<meta name="description" content="[^"]*"\s*\/?>/,
      () => `<meta name="description" content="${escapeHtml(page.description)}" />`,
    )
    .replace("</head>", () => `${page.head}</head>`)
    .replace('<div id="root"></div>', () => `<div id="root"${page.rootAttrs}>${page.body}</div>`);
}

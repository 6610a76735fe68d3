/**
 * One origin for the browser: the app port forwards `/api/*` (the Convex HTTP API and the sync
 * WebSocket) to the embedded backend, so a teammate's browser needs to reach one address only,
 * and the backend can stay on loopback. Also the Host guard: the app answers only to the names
 * it was told it has, so a page on another site cannot reach it through DNS rebinding.
 */
import { type IncomingMessage, request, type ServerResponse } from "node:http";
import { connect, type Socket } from "node:net";
import { networkInterfaces } from "node:os";

/** Host header values (name:port) this server answers to. */
export function allowedHosts(options: {
  host: string;
  port: number;
  /** Extra names from PUBLIC_HOSTS ("shop.lan, 192.168.1.20"); a port is added when missing. */
  publicHosts?: string;
}): Set<string> {
  const names = new Set(["127.0.0.1", "localhost", "[::1]"]);
  if (options.host !== "127.0.0.1" && options.host !== "localhost") {
    if (options.host === "0.0.0.0" || options.host === "::") {
      // Serving every interface: this machine's own addresses are its LAN names.
      for (const list of Object.values(networkInterfaces())) {
        for (const nic of list ?? []) {
          if (!nic.internal) names.add(nic.family === "IPv6" ? `[${nic.address}]` : nic.address);
        }
      }
    } else {
      names.add(options.host);
    }
  }
  const out = new Set<string>();
  for (const name of names) out.add(`${name}:${options.port}`);
  for (const raw of (options.publicHosts ?? "").split(",")) {
    const name = raw.trim().toLowerCase();
    if (name) out.add(/:\d+$/.test(name) ? name : `${name}:${options.port}`);
  }
  return out;
}

export function hostAllowed(req: IncomingMessage, hosts: Set<string>): boolean {
  return hosts.has(String(req.headers.host ?? "").toLowerCase());
}

export function refuseHost(res: ServerResponse, req: IncomingMessage, hosts: Set<string>) {
  res.writeHead(403, { "content-type": "text/plain; charset=utf-8" });
  res.end(
    `This server does not answer to "${req.headers.host ?? ""}". It answers to ${[...hosts].join(", ")}. To serve it under another name, add that name to PUBLIC_HOSTS and restart.`,
  );
}

const HOP_BY_HOP = new Set([
  "connection",
  "keep-alive",
  "proxy-connection",
  "transfer-encoding",
  "upgrade",
  "te",
  "trailer",
]);

/** Forwards one HTTP request to the backend, streaming both bodies. */
export function proxyHttp(req: IncomingMessage, res: ServerResponse, backend: URL) {
  const headers: Record<string, string | string[]> = {};
  for (const [name, value] of Object.entries(req.headers)) {
    if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
  }
  headers.host = backend.host;
  const upstream = request(
    {
      host: backend.hostname,
      port: backend.port,
      method: req.method,
      path: req.url,
      headers,
    },
    (reply) => {
      const out: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(reply.headers)) {
        if (value !== undefined && !HOP_BY_HOP.has(name)) out[name] = value;
      }
      res.writeHead(reply.statusCode ?? 502, out);
      reply.pipe(res);
    },
  );
  upstream.on("error", () => {
    if (!res.headersSent) res.writeHead(502, { "content-type": "text/plain; charset=utf-8" });
    res.end("The backend did not answer. Is `npm start` still running?");
  });
  req.pipe(upstream);
}

/**
 * Forwards a WebSocket upgrade: replays the request line and headers to the backend and then
 * splices the two sockets, so frames pass through untouched in both directions.
 */
export function proxyUpgrade(req: IncomingMessage, client: Socket, head: Buffer, backend: URL) {
  const upstream = connect(Number(backend.port), backend.hostname, () => {
    const lines = [`${req.method} ${req.url} HTTP/1.1`];
    for (let i = 0; i < req.rawHeaders.length; i += 2) {
      const name = req.rawHeaders[i];
      lines.push(
        `${name}: ${name.toLowerCase() === "host" ? backend.host : req.rawHeaders[i + 1]}`,
      );
    }
    upstream.write(`${lines.join("\r\n")}\r\n\r\n`);
    if (head.length > 0) upstream.write(head);
    upstream.pipe(client);
    client.pipe(upstream);
  });
  const close = () => {
    upstream.destroy();
    client.destroy();
  };
  upstream.on("error", close);
  client.on("error", close);
  upstream.on("close", () => client.destroy());
  client.on("close", () => upstream.destroy());
}

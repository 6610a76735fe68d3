/**
 * OFFLINE DEMO SIGN-IN — not Clerk, not a real identity provider.
 *
 * So the workspace works with no account and no network, `npm start` runs this tiny token
 * issuer next to the app: anyone who can reach the server can sign in as any email. It signs
 * RS256 JWTs with a keypair kept in the data folder, and Convex verifies them as a `customJwt`
 * provider (convex/auth.config.ts reads OFFLINE_AUTH_ISSUER and OFFLINE_AUTH_JWKS_URL).
 * Set CLERK_JWT_ISSUER_DOMAIN + a Clerk publishable key to use real sign-in instead.
 *
 *   GET  /auth/jwks.json          public keys (what the backend fetches)
 *   POST /auth/offline/token      {email, name?} → {token, expiresAt, notice}
 *   GET  /auth/offline            what this is
 */
import { mkdir, readFile, writeFile } from "node:fs/promises";
import type { IncomingMessage, ServerResponse } from "node:http";
import { join } from "node:path";
import {
  calculateJwkThumbprint,
  exportJWK,
  generateKeyPair,
  importJWK,
  type JWK,
  SignJWT,
} from "jose";

export const OFFLINE_AUTH_AUDIENCE = "storefront-command-center";
export const OFFLINE_AUTH_NOTICE =
  "Offline demo sign-in: not Clerk and not a real identity check. Anyone who can reach this server can sign in as any email. Configure Clerk for real accounts.";

const DEFAULT_TTL_SECONDS = 15 * 60;
const MAX_BODY_BYTES = 4096;
const EMAIL = /^[^\s@]{1,64}@[^\s@]{1,190}\.[^\s@]{2,}$/;

export interface OfflineAuth {
  issuer: string;
  jwksUrl: string;
  /** Mint a token directly (tests, scripts). */
  issueToken(email: string, name?: string): Promise<{ token: string; expiresAt: number }>;
  /** Handles /auth/* requests; returns false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
}

/**
 * The issuer a data folder's tokens carry. Convex identifies a user by issuer + subject, so the
 * issuer is fixed the first time (the origin then) and kept in the data folder: starting the
 * same data on another PORT keeps every user. Only the JWKS URL follows the current port.
 */
export async function issuerFor(dataDir: string, origin: string): Promise<string> {
  try {
    const saved = JSON.parse(await readFile(join(dataDir, "offline-auth", "issuer.json"), "utf8"));
    if (typeof saved.issuer === "string") return saved.issuer;
  } catch {}
  return `${origin}/auth`;
}

/** `origin` is the app server's own origin, e.g. http://127.0.0.1:3000. */
export async function createOfflineAuth(options: {
  dataDir: string;
  origin: string;
  issuer?: string;
  ttlSeconds?: number;
}): Promise<OfflineAuth> {
  const dir = join(options.dataDir, "offline-auth");
  const issuer = options.issuer ?? (await issuerFor(options.dataDir, options.origin));
  const jwksUrl = `${options.origin}/auth/jwks.json`;
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const { privateKey, publicJwk } = await loadOrCreateKey(dir);
  await writeFile(join(dir, "issuer.json"), JSON.stringify({ issuer }));
  const jwksBody = JSON.stringify({ keys: [publicJwk] });

  async function issueToken(email: string, name?: string) {
    const normalized = email.trim().toLowerCase();
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      email: normalized,
      // No `email_verified` claim: convex/model/users.ts refuses to claim invites when it is
      // explicitly false, and the demo owner must be able to claim the seeded store. The
      // `offline_demo` claim tells functions the email was typed, not verified.
      name: name?.trim() || normalized.split("@")[0],
      offline_demo: true,
    })
      .setProtectedHeader({ alg: "RS256", kid: publicJwk.kid, typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(OFFLINE_AUTH_AUDIENCE)
      .setSubject(`offline|${normalized}`)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(privateKey);
    return { token, expiresAt: (now + ttl) * 1000 };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? "/").split("?")[0];
    if (!path.startsWith("/auth/")) return false;
    if (path === "/auth/jwks.json" && (req.method === "GET" || req.method === "HEAD")) {
      send(res, 200, jwksBody, { "cache-control": "public, max-age=300" });
      return true;
    }
    if (path === "/auth/offline" && req.method === "GET") {
      sendJson(res, 200, {
        mode: "offline-demo",
        issuer,
        audience: OFFLINE_AUTH_AUDIENCE,
        notice: OFFLINE_AUTH_NOTICE,
      });
      return true;
    }
    if (path === "/auth/offline/token") {
      if (req.method !== "POST") {
        sendJson(
          res,
          405,
          { error: { kind: "METHOD_NOT_ALLOWED", message: "Use POST." } },
          { allow: "POST" },
        );
        return true;
      }
      let body: { email?: unknown; name?: unknown };
      try {
        body = JSON.parse(await readBody(req));
      } catch {
        sendJson(res, 400, {
          error: { kind: "INVALID_JSON", message: 'Send a JSON body: {"email": "…"}.' },
        });
        return true;
      }
      const email = typeof body?.email === "string" ? body.email.trim() : "";
      const name = typeof body?.name === "string" ? body.name.slice(0, 120) : undefined;
      if (!EMAIL.test(email)) {
        sendJson(res, 400, {
          error: {
            kind: "INVALID_EMAIL",
            message: "Enter an email address like owner@demo.store.",
          },
        });
        return true;
      }
      const { token, expiresAt } = await issueToken(email, name);
      sendJson(
        res,
        200,
        { token, expiresAt, notice: OFFLINE_AUTH_NOTICE },
        { "cache-control": "no-store" },
      );
      return true;
    }
    sendJson(res, 404, { error: { kind: "NOT_FOUND", message: "Unknown auth route." } });
    return true;
  }

  return { issuer, jwksUrl, issueToken, handle };
}

async function loadOrCreateKey(dir: string) {
  const file = join(dir, "signing-key.jwk.json");
  let jwk: JWK;
  try {
    jwk = JSON.parse(await readFile(file, "utf8")) as JWK;
  } catch {
    const { privateKey } = await generateKeyPair("RS256", {
      modulusLength: 2048,
      extractable: true,
    });
    jwk = await exportJWK(privateKey);
    jwk.kid = await calculateJwkThumbprint(jwk);
    jwk.alg = "RS256";
    await mkdir(dir, { recursive: true });
    await writeFile(file, JSON.stringify(jwk), { mode: 0o600 });
  }
  const { d: _d, p: _p, q: _q, dp: _dp, dq: _dq, qi: _qi, ...publicParts } = jwk;
  const publicJwk: JWK = { ...publicParts, kid: jwk.kid, alg: "RS256", use: "sig" };
  const privateKey = await importJWK(jwk, "RS256");
  return { privateKey, publicJwk };
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

function send(
  res: ServerResponse,
  status: number,
  body: string,
  headers: Record<string, string> = {},
) {
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(body);
}

function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
) {
  send(res, status, JSON.stringify(value), headers);
}

/**
 * OFFLINE ACCOUNTS — email + password sign-in when Clerk is not configured.
 *
 * So the workspace works with no account provider and no network, `npm start` runs this small
 * token issuer next to the app. Accounts, password hashes and sessions live in Convex
 * (convex/accounts.ts); this server checks them through internal functions and signs
 * short-lived RS256 JWTs with a keypair kept in the data folder, which Convex verifies as a
 * `customJwt` provider (convex/auth.config.ts reads OFFLINE_AUTH_ISSUER and
 * OFFLINE_AUTH_JWKS_URL). Set CLERK_JWT_ISSUER_DOMAIN + a Clerk publishable key to use Clerk.
 *
 *   GET  /auth/jwks.json          public keys (what the backend fetches)
 *   GET  /auth/offline            what this is
 *   POST /auth/offline/…          sign-up, sign-in, refresh, sign-out, reset-request, reset,
 *                                 verify (scripts/offline-accounts.ts)
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
import { type AccountCall, accountRoutes, sendJson } from "./offline-accounts.js";

export const OFFLINE_AUTH_AUDIENCE = "storefront-command-center";
export const OFFLINE_AUTH_NOTICE =
  "Offline accounts: email and password checked by this server, not Clerk. Email goes to the outbox (and this server's log) until an email provider is configured.";

const DEFAULT_TTL_SECONDS = 15 * 60;

/** What a token says about its holder; `accountId` becomes the subject. */
export interface TokenClaims {
  accountId: string;
  email: string;
  name?: string;
  emailVerified: boolean;
}

export interface OfflineAuth {
  issuer: string;
  jwksUrl: string;
  /** Mint a token for an account (the account routes, and in-process tests). */
  issueToken(claims: TokenClaims): Promise<{ token: string; expiresAt: number }>;
  /** Handles /auth/* requests; returns false for anything else. */
  handle(req: IncomingMessage, res: ServerResponse): Promise<boolean>;
  /** Origins (besides the app's own) whose pages may call the sign-in routes (LAN names). */
  allowOrigins(origins: string[]): void;
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
  /** Runs an internal Convex function as admin (the backend's `run`). */
  call: AccountCall;
  /** Where account mail is echoed while no email provider is configured. */
  log?: (line: string) => void;
}): Promise<OfflineAuth> {
  const dir = join(options.dataDir, "offline-auth");
  const issuer = options.issuer ?? (await issuerFor(options.dataDir, options.origin));
  const jwksUrl = `${options.origin}/auth/jwks.json`;
  const ttl = options.ttlSeconds ?? DEFAULT_TTL_SECONDS;
  const { privateKey, publicJwk } = await loadOrCreateKey(dir);
  await writeFile(join(dir, "issuer.json"), JSON.stringify({ issuer }));
  const jwksBody = JSON.stringify({ keys: [publicJwk] });
  const accounts = accountRoutes({
    call: options.call,
    issueToken: (claims) => issueToken(claims),
    allowedOrigins: () => allowedOrigins,
    log: options.log ?? ((line) => console.log(line)),
  });
  let allowedOrigins = new Set([options.origin]);

  async function issueToken(claims: TokenClaims) {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({
      email: claims.email,
      // Invites are claimed only by verified addresses (convex/model/users.ts). Convex keeps a
      // custom JWT's claims under their own names, so this is `emailVerified`, not the OIDC
      // `email_verified` (which only OIDC providers map onto UserIdentity.emailVerified).
      emailVerified: claims.emailVerified,
      name: claims.name?.trim() || claims.email.split("@")[0],
    })
      .setProtectedHeader({ alg: "RS256", kid: publicJwk.kid, typ: "JWT" })
      .setIssuer(issuer)
      .setAudience(OFFLINE_AUTH_AUDIENCE)
      .setSubject(`account|${claims.accountId}`)
      .setIssuedAt(now)
      .setExpirationTime(now + ttl)
      .sign(privateKey);
    return { token, expiresAt: (now + ttl) * 1000 };
  }

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<boolean> {
    const path = (req.url ?? "/").split("?")[0];
    if (!path.startsWith("/auth/")) return false;
    if (path === "/auth/jwks.json" && (req.method === "GET" || req.method === "HEAD")) {
      res.writeHead(200, {
        "content-type": "application/json; charset=utf-8",
        "cache-control": "public, max-age=300",
      });
      res.end(jwksBody);
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
    if (path.startsWith("/auth/offline/")) {
      return await accounts(req, res, path.slice("/auth/offline/".length));
    }
    sendJson(res, 404, { error: { kind: "NOT_FOUND", message: "Unknown auth route." } });
    return true;
  }

  return {
    issuer,
    jwksUrl,
    issueToken,
    handle,
    allowOrigins(origins: string[]) {
      allowedOrigins = new Set([options.origin, ...origins]);
    },
  };
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

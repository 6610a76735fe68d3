/**
 * The HTTP side of the offline accounts (see offline-auth.ts): each route checks the caller's
 * Origin, validates its JSON, calls one internal function of convex/accounts.ts and answers
 * with a short-lived token plus a rotating refresh secret. Account mail (verify, reset) goes to
 * the outbox in Convex; with no email provider configured it is also printed to this server's
 * log, the offline stand-in for an inbox.
 *
 *   sign-up        {email, password, name?}  → session (+ verification link in the outbox)
 *   sign-in        {email, password}         → session
 *   refresh        {refreshToken}            → session (the old secret stops working)
 *   sign-out       {refreshToken}            → 204
 *   reset-request  {email}                   → 202, whether or not the address has an account
 *   reset          {token, password}         → 200; every session of the account ends
 *   verify         {token}                   → 200
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import type { TokenClaims } from "./offline-auth.js";

export type AccountCall = (fn: string, args: Record<string, unknown>) => Promise<unknown>;

const MAX_BODY_BYTES = 8192;

type Session = TokenClaims & { refreshToken: string; refreshExpiresAt: number };

const STATUS: Record<string, number> = {
  INVALID: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
};

export function accountRoutes(deps: {
  call: AccountCall;
  issueToken(claims: TokenClaims): Promise<{ token: string; expiresAt: number }>;
  allowedOrigins(): Set<string>;
  log(line: string): void;
}) {
  async function sessionBody(session: Session) {
    const { token, expiresAt } = await deps.issueToken(session);
    return {
      token,
      expiresAt,
      refreshToken: session.refreshToken,
      account: {
        email: session.email,
        name: session.name,
        emailVerified: session.emailVerified,
      },
    };
  }

  const mail = (what: string, email: string, path: string) =>
    deps.log(`[outbox] ${what} for ${email}: ${path}  (no email provider: offline outbox)`);

  const routes: Record<string, (body: Record<string, unknown>) => Promise<[number, unknown]>> = {
    "sign-up": async (body) => {
      const out = (await deps.call("accounts:signUp", {
        email: text(body.email),
        password: text(body.password),
        name: optionalText(body.name),
      })) as { session: Session; verifyPath: string };
      mail("Confirm your email", out.session.email, out.verifyPath);
      return [201, await sessionBody(out.session)];
    },
    "sign-in": async (body) => {
      const session = (await deps.call("accounts:signIn", {
        email: text(body.email),
        password: text(body.password),
      })) as Session;
      return [200, await sessionBody(session)];
    },
    refresh: async (body) => {
      const session = (await deps.call("accounts:refresh", {
        refreshToken: text(body.refreshToken),
      })) as Session;
      return [200, await sessionBody(session)];
    },
    "sign-out": async (body) => {
      await deps.call("accounts:signOut", { refreshToken: text(body.refreshToken) });
      return [204, null];
    },
    "reset-request": async (body) => {
      const email = text(body.email);
      const path = (await deps.call("accounts:requestReset", { email })) as string | null;
      if (path) mail("Reset your password", email.trim().toLowerCase(), path);
      // The same answer either way: the form must not reveal who has an account.
      return [202, { message: "If an account uses that address, a reset link is on its way." }];
    },
    reset: async (body) => {
      const out = await deps.call("accounts:resetPassword", {
        token: text(body.token),
        password: text(body.password),
      });
      return [200, out];
    },
    verify: async (body) => [
      200,
      await deps.call("accounts:verifyEmail", { token: text(body.token) }),
    ],
  };

  return async function handle(
    req: IncomingMessage,
    res: ServerResponse,
    route: string,
  ): Promise<boolean> {
    const run = routes[route];
    if (!run) {
      sendJson(res, 404, { error: { kind: "NOT_FOUND", message: "Unknown auth route." } });
      return true;
    }
    if (req.method !== "POST") {
      sendJson(
        res,
        405,
        { error: { kind: "METHOD_NOT_ALLOWED", message: "Use POST." } },
        { allow: "POST" },
      );
      return true;
    }
    // A page on another site must not sign anyone in or out here. Browsers always send Origin
    // on a cross-site POST; tools without one (curl, tests) are not a browser to trick.
    const origin = req.headers.origin;
    if (origin !== undefined && !deps.allowedOrigins().has(origin)) {
      sendJson(res, 403, {
        error: {
          kind: "FORBIDDEN",
          message: `Sign-in is only accepted from this app's own pages, not ${origin}.`,
        },
      });
      return true;
    }
    let body: Record<string, unknown>;
    try {
      const parsed = JSON.parse(await readBody(req));
      if (typeof parsed !== "object" || parsed === null) throw new Error("not an object");
      body = parsed;
    } catch (error) {
      const tooLarge = (error as Error).message === "body too large";
      sendJson(res, tooLarge ? 413 : 400, {
        error: {
          kind: "INVALID",
          message: tooLarge ? "That request is too large." : "Send a JSON object body.",
        },
      });
      return true;
    }
    try {
      const [status, out] = await run(body);
      if (status === 204) {
        res.writeHead(204, { "cache-control": "no-store" }).end();
      } else {
        sendJson(res, status, out, { "cache-control": "no-store" });
      }
    } catch (error) {
      const data = (error as { data?: { kind?: string; message?: string } }).data;
      if (data?.kind && data.message) {
        sendJson(res, STATUS[data.kind] ?? 400, {
          error: { kind: data.kind, message: data.message },
        });
      } else {
        console.error("[auth] account route failed:", error);
        sendJson(res, 500, {
          error: {
            kind: "ERROR",
            message: "Sign-in failed on the server. Check its log, then retry.",
          },
        });
      }
    }
    return true;
  };
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

function optionalText(value: unknown): string | undefined {
  return typeof value === "string" && value.trim() !== "" ? value : undefined;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        reject(new Error("body too large"));
        req.resume(); // drain, so the 413 reaches the client instead of a reset socket
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks).toString("utf8")));
    req.on("error", reject);
  });
}

export function sendJson(
  res: ServerResponse,
  status: number,
  value: unknown,
  headers: Record<string, string> = {},
) {
  if (res.headersSent) return;
  res.writeHead(status, { "content-type": "application/json; charset=utf-8", ...headers });
  res.end(JSON.stringify(value));
}

/** The per-call execution context every syscall finds through AsyncLocalStorage. */
import { AsyncLocalStorage } from "node:async_hooks";
import type { Identity } from "./auth.js";
import type { DeterministicClock } from "./determinism.js";
import type { QueryStream } from "./query.js";
import type { Tx } from "./tx.js";

export type ExecKind = "query" | "mutation" | "action" | "http";

export interface Caller {
  identity: Identity | null;
  /** Raw bearer token, exposed through ctx.meta.getRequestMetadata(). */
  token: string | null;
  admin: boolean;
  /** When the token stops being valid (ms since the epoch); a session re-checks it. */
  expiresAt?: number;
  /** The client connection the call came from (ctx.meta.getRequestMetadata()). */
  ip?: string | null;
  userAgent?: string | null;
}

/** Where a request came from, as getRequestMetadata reports it. */
export function connectionOf(req: {
  socket: { remoteAddress?: string };
  headers: Record<string, string | string[] | undefined>;
}): { ip: string | null; userAgent: string | null } {
  const ua = req.headers["user-agent"];
  return {
    ip: req.socket.remoteAddress?.replace(/^::ffff:/, "") ?? null,
    userAgent: typeof ua === "string" ? ua : null,
  };
}

export interface Exec {
  kind: ExecKind;
  /**
   * Fixed Date.now() and seeded Math.random of a query or mutation; null in actions. One store
   * for both: each AsyncLocalStorage costs every promise created a propagation step.
   */
  clock?: DeterministicClock | null;
  path: string;
  tx: Tx | null;
  caller: Caller;
  logLines: string[];
  streams: Map<number, QueryStream>;
  nextStreamId: number;
  paginated: number;
  requestId: string;
  scheduledFunctionId: string | null;
  visibility: "public" | "internal";
  /** Query journal in/out: a subscribed paginated query keeps the page end it first had. */
  journalIn: { endCursor?: string | null } | null;
  journalOut: { endCursor?: string | null } | null;
  /** Nesting depth of runQuery/runMutation/runAction calls. */
  depth: number;
}

export const execStorage = new AsyncLocalStorage<Exec>();

export function currentExec(): Exec {
  const e = execStorage.getStore();
  if (!e) throw new Error("This Convex API can only be used inside a Convex function.");
  return e;
}

/**
 * The Convex WebSocket sync protocol (node_modules/convex/src/browser/sync/protocol.ts), so an
 * unmodified ConvexClient / ConvexReactClient can connect. Each socket is a session with a
 * query set; after every commit only queries whose read set intersects the write set re-run,
 * and only changed results are pushed, in one Transition per session.
 */
import type { JSONValue } from "convex/values";
import type { WebSocket } from "ws";
import type { Caller } from "../runtime/context.js";
import { FunctionError, toFunctionError } from "../runtime/errors.js";
import { intersects, type ReadSet } from "../runtime/readset.js";
import { ANONYMOUS, type CommitEvent, type Result, type Runtime } from "../runtime/runtime.js";
import { isAdminKey } from "./admin-key.js";
import type { MutationReplies } from "./replies.js";
import { encodeTs } from "./ts.js";

interface Subscription {
  udfPath: string;
  args: JSONValue;
  readSet: ReadSet | null;
  /** Serialized last result sent, to push only changes. */
  last: string | null;
  journal: string | null;
}

type ClientMessage = Record<string, any> & { type: string };

/** A failed MutationResponse/ActionResponse; errorData only for ConvexError, as Convex sends. */
function failure(type: "MutationResponse" | "ActionResponse", requestId: unknown, e: unknown) {
  const err = toFunctionError(e);
  const response: Record<string, unknown> = {
    type,
    requestId,
    success: false,
    result: err.message,
    logLines: [],
  };
  if (err.data !== undefined) response.errorData = err.data;
  return response;
}

/** Who a saved reply belongs to within a session (see replies.ts). */
function callerKey(caller: Caller): string {
  if (caller.admin) return `admin:${JSON.stringify(caller.identity)}`;
  return caller.identity ? `user:${caller.identity.tokenIdentifier}` : "anonymous";
}

export class SyncSession {
  private sessionId = "";
  private querySet = new Map<number, Subscription>();
  private sent = { querySet: 0, identity: 0, ts: 0n };
  private target = { querySet: 0, identity: 0 };
  private dirty = new Set<number>();
  private removed = new Set<number>();
  private caller: Caller = ANONYMOUS;
  private forceTransition = false;
  private flushing = false;
  private flushAgain = false;
  private inbox: Promise<void> = Promise.resolve();
  private closed = false;
  private pingTimer: NodeJS.Timeout;
  private lastSend = Date.now();

  /** The identity version an expiry AuthError was last sent for (one per version). */
  private expiryReported = -1;

  constructor(
    private ws: WebSocket,
    private runtime: Runtime,
    private replies: MutationReplies,
    private onClose: (s: SyncSession) => void,
    /** The client connection (ip, user agent) every call from this socket carries. */
    private connection: { ip: string | null; userAgent: string | null } = {
      ip: null,
      userAgent: null,
    },
  ) {
    this.caller = { ...ANONYMOUS, ...connection };
    ws.on("message", (data, isBinary) => {
      if (isBinary) return this.fatal("Binary frames are not part of the Convex sync protocol.");
      let msg: ClientMessage;
      try {
        msg = JSON.parse(data.toString());
        if (!msg || typeof msg !== "object" || typeof msg.type !== "string")
          throw new Error("missing type");
      } catch (e) {
        return this.fatal(`Malformed message: ${(e as Error).message}`);
      }
      this.receive(msg);
    });
    ws.on("close", () => this.close());
    ws.on("error", () => this.close());
    // The client reconnects after 60 s of server silence; keep idle sockets alive.
    this.pingTimer = setInterval(() => {
      if (Date.now() - this.lastSend > 15_000) this.send({ type: "Ping" });
    }, 5_000);
    this.pingTimer.unref();
  }

  private close() {
    if (this.closed) return;
    this.closed = true;
    clearInterval(this.pingTimer);
    if (this.sessionId) this.replies.detach(this.sessionId);
    this.onClose(this);
  }

  private send(msg: Record<string, unknown>) {
    if (this.closed || this.ws.readyState !== this.ws.OPEN) return;
    this.lastSend = Date.now();
    this.ws.send(JSON.stringify(msg));
  }

  private fatal(error: string) {
    this.send({ type: "FatalError", error });
    this.ws.close(1008, error.slice(0, 120));
    this.close();
  }

  private receive(msg: ClientMessage) {
    // Actions run beside the inbox: a slow action must not hold up query updates.
    if (msg.type === "Action") {
      void this.handleAction(msg);
      return;
    }
    this.inbox = this.inbox
      .then(() => this.handle(msg))
      .catch((e) => this.fatal(String(e?.message ?? e)));
  }

  private async handle(msg: ClientMessage) {
    switch (msg.type) {
      case "Connect":
        if (this.sessionId) this.replies.detach(this.sessionId);
        this.sessionId = String(msg.sessionId ?? "");
        if (this.sessionId) this.replies.attach(this.sessionId);
        return;
      case "ModifyQuerySet":
        return this.modifyQuerySet(msg);
      case "Authenticate":
        return this.authenticate(msg);
      case "Mutation":
        return this.mutation(msg);
      case "Event":
        return;
      default:
        throw new Error(`Unknown message type ${msg.type}`);
    }
  }

  private modifyQuerySet(msg: ClientMessage) {
    if (msg.baseVersion !== this.target.querySet)
      throw new Error(
        `Query set version mismatch: expected ${this.target.querySet}, got ${msg.baseVersion}`,
      );
    for (const m of msg.modifications ?? []) {
      if (m.type === "Add") {
        if (typeof m.udfPath !== "string" || !Array.isArray(m.args))
          throw new Error("Malformed Add modification");
        this.querySet.set(m.queryId, {
          udfPath: m.udfPath,
          args: m.args[0] ?? {},
          readSet: null,
          last: null,
          journal: typeof m.journal === "string" ? m.journal : null,
        });
        this.removed.delete(m.queryId);
        this.dirty.add(m.queryId);
      } else if (m.type === "Remove") {
        this.querySet.delete(m.queryId);
        this.dirty.delete(m.queryId);
        this.removed.add(m.queryId);
      } else throw new Error(`Unknown query set modification ${m.type}`);
    }
    this.target.querySet = msg.newVersion;
    this.scheduleFlush();
  }

  private async authenticate(msg: ClientMessage) {
    if (msg.baseVersion !== this.target.identity)
      throw new Error(
        `Identity version mismatch: expected ${this.target.identity}, got ${msg.baseVersion}`,
      );
    let caller: Caller;
    try {
      if (msg.tokenType === "None") caller = ANONYMOUS;
      else if (msg.tokenType === "Admin") {
        if (!isAdminKey(this.runtime, msg.value)) throw new Error("Invalid admin key");
        caller = { identity: msg.impersonating ?? null, token: null, admin: true };
      } else if (msg.tokenType === "User") {
        const { identity, expiresAt } = await this.runtime.auth.verifyToken(String(msg.value));
        caller = { identity, token: String(msg.value), admin: false, expiresAt };
      } else throw new Error(`Unknown token type ${msg.tokenType}`);
    } catch (e) {
      this.send({
        type: "AuthError",
        error: (e as Error).message,
        baseVersion: msg.baseVersion,
        authUpdateAttempted: true,
      });
      return;
    }
    this.caller = { ...caller, ...this.connection };
    this.target.identity = msg.baseVersion + 1;
    // Every result may depend on who is asking.
    for (const id of this.querySet.keys()) this.dirty.add(id);
    this.scheduleFlush();
  }

  /**
   * A token checked at Authenticate may expire while the socket stays open. As Convex does,
   * every execution re-checks it; an expired one gets an AuthError (not tied to an auth update)
   * so the client fetches a fresh token, and nothing runs with it.
   */
  private authExpired(): boolean {
    const expiresAt = this.caller.expiresAt;
    if (expiresAt === undefined || Date.now() < expiresAt) return false;
    if (this.expiryReported !== this.target.identity) {
      this.expiryReported = this.target.identity;
      this.send({
        type: "AuthError",
        error: "Token expired: the auth token used by this connection has expired.",
        baseVersion: Math.max(0, this.target.identity - 1),
        authUpdateAttempted: false,
      });
    }
    return true;
  }

  /**
   * Starts a mutation and lets the inbox move on without waiting for its commit: the runtime's
   * FIFO lock takes the session's mutations in the order they came, and group commit answers
   * them in that order once they are on disk. A client with several mutations in flight so
   * gets them committed together (one fsync) instead of one disk flush each.
   */
  private mutation(msg: ClientMessage) {
    const requestId = msg.requestId as number;
    if (this.authExpired()) return;
    const owner = callerKey(this.caller);
    const sessionId = this.sessionId;
    const earlier = sessionId ? this.replies.get(sessionId, owner, requestId) : null;
    if (earlier) {
      // A re-sent mutation (the client reconnected): answer it from the first run, which may
      // still be waiting for its commit.
      void Promise.resolve(earlier).then((reply) => {
        this.send(reply);
        this.forceTransition = true;
        this.scheduleFlush();
      });
      return;
    }
    const run =
      typeof msg.udfPath === "string"
        ? this.runtime.runMutation(msg.udfPath, msg.args?.[0] ?? {}, this.caller)
        : Promise.reject(new FunctionError("Mutation message has no udfPath"));
    const reply: Promise<Record<string, unknown>> = run.then(
      (out) => ({
        type: "MutationResponse",
        requestId,
        success: true,
        result: out.value,
        ts: encodeTs(out.ts),
        logLines: out.logLines,
      }),
      (e) => failure("MutationResponse", requestId, e),
    );
    // Saved as the promise: a re-send gets the same answer, whether or not it is in yet.
    if (sessionId) this.replies.set(sessionId, owner, requestId, reply);
    void reply.then((response) => {
      // The client resolves the mutation only once a Transition reaches its timestamp. Corking
      // the socket sends the response and that Transition in one write.
      const socket = (this.ws as unknown as { _socket?: { cork(): void; uncork(): void } })._socket;
      socket?.cork();
      this.send(response);
      const advanced = this.advanceNow();
      socket?.uncork();
      if (!advanced) {
        this.forceTransition = true;
        this.scheduleFlush();
      }
    });
  }

  private async handleAction(msg: ClientMessage) {
    if (this.authExpired()) return;
    let response: Record<string, unknown>;
    try {
      const out = await this.runtime.runAction(
        String(msg.udfPath),
        msg.args?.[0] ?? {},
        this.caller,
      );
      response = {
        type: "ActionResponse",
        requestId: msg.requestId,
        success: true,
        result: out.value,
        logLines: out.logLines,
      };
    } catch (e) {
      response = failure("ActionResponse", msg.requestId, e);
    }
    this.send(response);
  }

  /**
   * Fast path after a mutation: when nothing in this session is stale or pending, every
   * result it holds is valid at the latest commit (commits mark dirty synchronously), so an
   * empty Transition to that timestamp can go out at once, without re-running anything.
   */
  private advanceNow(): boolean {
    const idle =
      !this.flushing &&
      this.dirty.size === 0 &&
      this.removed.size === 0 &&
      this.target.querySet === this.sent.querySet &&
      this.target.identity === this.sent.identity;
    if (!idle) return false;
    const startTs = this.sent.ts;
    // Timestamps are bigints: Math.max does not apply.
    if (this.runtime.db.currentTs > this.sent.ts) this.sent.ts = this.runtime.db.currentTs;
    const version = { querySet: this.sent.querySet, identity: this.sent.identity };
    this.send({
      type: "Transition",
      startVersion: { ...version, ts: encodeTs(startTs) },
      endVersion: { ...version, ts: encodeTs(this.sent.ts) },
      modifications: [],
    });
    return true;
  }

  /** New function code: every subscription's result may differ, so re-run them all. */
  invalidateAll() {
    for (const id of this.querySet.keys()) this.dirty.add(id);
    if (this.querySet.size) this.scheduleFlush();
  }

  /** Called synchronously for every commit. */
  onCommit(event: CommitEvent) {
    let any = false;
    for (const [id, sub] of this.querySet) {
      if (sub.readSet && !this.dirty.has(id) && intersects(sub.readSet, event.writeSet)) {
        this.dirty.add(id);
        any = true;
      }
    }
    if (any) this.scheduleFlush();
  }

  private scheduleFlush() {
    if (this.flushing) {
      this.flushAgain = true;
      return;
    }
    this.flushing = true;
    setImmediate(() => void this.flush());
  }

  private async flush() {
    try {
      do {
        this.flushAgain = false;
        await this.flushOnce();
      } while (this.flushAgain && !this.closed);
    } finally {
      this.flushing = false;
    }
  }

  private async flushOnce() {
    if (this.closed || this.authExpired()) return;
    const modifications: Record<string, unknown>[] = [];
    let ts = this.sent.ts;
    let target = { ...this.target };
    // Everything is decided under the lock: commits only happen under it, so the dirty set is
    // complete for the snapshot these queries read, and the Transition's ts is honest.
    await this.runtime.runQueriesAtOnce(async (run) => {
      ts = this.runtime.db.currentTs;
      target = { ...this.target };
      const caller = this.caller;
      const work = [...this.dirty];
      this.dirty.clear();
      const identityChanged = target.identity !== this.sent.identity;
      for (const id of work) {
        const sub = this.querySet.get(id);
        if (!sub) continue;
        let mod: Record<string, unknown>;
        try {
          const out = await run(sub.udfPath, sub.args, caller, sub.journal);
          sub.readSet = out.readSet;
          if (out.journal) sub.journal = out.journal;
          mod = {
            type: "QueryUpdated",
            queryId: id,
            result: out.result,
            logLines: out.logLines,
            journal: sub.journal,
          };
        } catch (e) {
          const err = toFunctionError(e);
          sub.readSet = (e as { readSet?: ReadSet }).readSet ?? null;
          mod = {
            type: "QueryFailed",
            queryId: id,
            errorMessage: err.message,
            logLines: [],
            journal: sub.journal,
          };
          if (err.data !== undefined) mod.errorData = err.data;
        }
        const serialized =
          mod.type === "QueryUpdated"
            ? `ok:${(mod.result as Result).json}`
            : `err:${JSON.stringify([mod.errorMessage, mod.errorData ?? null])}`;
        if (serialized === sub.last && !identityChanged) continue;
        sub.last = serialized;
        if (mod.result) mod.value = (mod.result as Result).value;
        delete mod.result;
        modifications.push(mod);
      }
      for (const id of this.removed) modifications.push({ type: "QueryRemoved", queryId: id });
      this.removed.clear();
    });
    const versionMoved =
      target.querySet !== this.sent.querySet || target.identity !== this.sent.identity;
    if (!modifications.length && !versionMoved && !this.forceTransition) return;
    this.forceTransition = false;
    const startVersion = {
      querySet: this.sent.querySet,
      identity: this.sent.identity,
      ts: encodeTs(this.sent.ts),
    };
    if (ts < this.sent.ts) ts = this.sent.ts;
    this.sent = { querySet: target.querySet, identity: target.identity, ts };
    this.send({
      type: "Transition",
      startVersion,
      endVersion: { querySet: target.querySet, identity: target.identity, ts: encodeTs(ts) },
      modifications,
    });
  }
}

/**
 * Runs registered Convex functions: validates arguments and return values, executes queries
 * and mutations one at a time against SQLite (serializable by construction), runs actions
 * concurrently, and tells listeners about every commit with its write set.
 */
import { randomUUID } from "node:crypto";
import { setImmediate } from "node:timers";
import {
  convexToJson,
  getConvexSize,
  type JSONValue,
  jsonToConvex,
  type Value,
} from "convex/values";
import type { SqliteStore } from "../storage/sqlite.js";
import { check } from "../values/validate.js";
import { AuthVerifier } from "./auth.js";
import { type Caller, type Exec, type ExecKind, execStorage } from "./context.js";
import { Database } from "./database.js";
import { installDeterminism, realNow, seededRandom } from "./determinism.js";
import { FunctionError, toFunctionError } from "./errors.js";
import { LIMITS } from "./limits.js";
import { Mutex } from "./lock.js";
import {
  canonicalPath,
  type FunctionKind,
  type LoadedApp,
  type RegisteredFunction,
} from "./modules.js";
import type { ReadSet, WriteSet } from "./readset.js";
import { readSchema } from "./schema.js";
import { installSyscalls } from "./syscalls.js";
import { Tx } from "./tx.js";
import path from "node:path";
import type { Doc } from "./database.js";
import { FileStorage } from "./files.js";
import type { SerializedQuery } from "./query.js";
import { installConsoleCapture, installTransactionGuards } from "./sandbox.js";
import { Scheduler } from "./scheduler.js";
import { textSearch, vectorSearch } from "./search.js";

export interface CommitEvent {
  ts: bigint;
  writeSet: WriteSet;
}

/** A function's return value as JSON text, parsed only when someone needs the value. */
export class Result {
  constructor(
    readonly json: string,
    private parsed?: JSONValue,
  ) {}
  get value(): JSONValue {
    if (this.parsed === undefined) this.parsed = JSON.parse(this.json) as JSONValue;
    return this.parsed;
  }
}

function outcome(
  result: Result,
  readSet: ReadSet,
  ts: bigint,
  logLines: string[],
  journal: string | null,
): QueryOutcome {
  return {
    result,
    get value() {
      return result.value;
    },
    readSet,
    ts,
    logLines,
    journal,
  };
}

export interface QueryOutcome {
  result: Result;
  value: JSONValue;
  journal?: string | null;
  readSet: ReadSet;
  ts: bigint;
  logLines: string[];
}

export const ANONYMOUS: Caller = { identity: null, token: null, admin: false };

const KIND_NAMES: Record<FunctionKind, string> = {
  query: "Query",
  mutation: "Mutation",
  action: "Action",
};

export class Runtime {
  readonly db: Database;
  app!: LoadedApp;
  auth: AuthVerifier = new AuthVerifier(null);
  readonly lock = new Mutex();
  readonly listeners = new Set<(c: CommitEvent) => void>();
  /** `commits`: SQLite commits; several mutations share one under group commit. */
  readonly stats = { queryExecutions: 0, mutations: 0, actions: 0, commits: 0 };
  /** More counters for /api/local/stats from the server around the runtime. */
  statsExtra: () => Record<string, number> = () => ({});
  env: Record<string, string> = {};
  adminKey = "";
  /** What ctx.meta.getDeploymentMetadata() calls this deployment. */
  deploymentName = "anonymous-local-backend";
  /** Recent `log.audit(...)` events (Convex keeps them for the deployment; kept in memory here). */
  readonly auditLog: Array<{ ts: number; path: string; body: JSONValue }> = [];
  private resultCache = new Map<string, { outcome: QueryOutcome } | { error: FunctionError }>();
  actionTimeoutMs = 600_000;
  /** Hooks the scheduler installs: wake it after a commit that scheduled work. */
  onScheduled: () => void = () => {};

  readonly scheduler: Scheduler;
  readonly files: FileStorage;
  /** Full-text search (installed by the search engine; see runtime/search.ts). */
  search: (tx: Tx, query: SerializedQuery) => Doc[] = (tx, q) => textSearch(tx, q);

  constructor(
    readonly store: SqliteStore,
    dataDir: string,
  ) {
    this.db = new Database(store);
    this.scheduler = new Scheduler(this);
    this.files = new FileStorage(this, path.join(dataDir, "storage"));
    installDeterminism();
    installSyscalls(this);
    installConsoleCapture();
    installTransactionGuards();
  }

  setApp(app: LoadedApp) {
    const schema = readSchema(app.schema);
    this.db.applySchema(schema);
    this.app = app;
    this.auth = new AuthVerifier(app.authConfig);
    this.resultCache.clear(); // new code may compute different results at the same snapshot
  }

  recordAudit(path: string, body: JSONValue) {
    this.auditLog.push({ ts: realNow(), path, body });
    if (this.auditLog.length > 1000) this.auditLog.shift();
  }

  /** Finds a function for a call, with Convex's errors for unknown, internal or mismatched ones. */
  lookup(
    udfPath: string,
    kind: FunctionKind,
    caller: Caller,
    fromFunction = false,
  ): RegisteredFunction {
    const path = canonicalPath(udfPath);
    const reg = this.app.functions.get(path);
    const allowInternal = caller.admin || fromFunction;
    if (!reg || (reg.visibility === "internal" && !allowInternal)) {
      throw new FunctionError(
        `Could not find public function for '${udfPath.replace(/:default$/, "")}'. Did you forget to run \`npx convex dev\` or \`npx convex deploy\`?`,
      );
    }
    if (reg.kind !== kind) {
      throw new FunctionError(
        `Trying to execute ${path} as ${KIND_NAMES[kind]}, but it is defined as ${KIND_NAMES[reg.kind]}.`,
      );
    }
    return reg;
  }

  validateArgs(reg: RegisteredFunction, argsJson: JSONValue): string {
    let args: Value;
    try {
      args = jsonToConvex(argsJson ?? {});
    } catch (e) {
      throw new FunctionError(`ArgumentValidationError: ${(e as Error).message}`);
    }
    if (
      args === null ||
      typeof args !== "object" ||
      Array.isArray(args) ||
      args instanceof ArrayBuffer
    )
      throw new FunctionError(
        `The arguments to a Convex function must be an object. Received: ${JSON.stringify(argsJson)}`,
      );
    if (getConvexSize(args) > LIMITS.argumentsSize)
      throw new FunctionError(
        `Arguments for ${reg.path} are too large (limit ${LIMITS.argumentsSize} bytes).`,
      );
    const err = check(reg.argsValidator, args, "", (id) => this.db.tableName(id));
    if (err) throw new FunctionError(`ArgumentValidationError: ${err}`);
    // invoke* takes the JSON of the positional argument list: [args].
    return JSON.stringify([convexToJson(args)]);
  }

  private validateReturn(reg: RegisteredFunction, resultStr: string): Result {
    if (resultStr.length > LIMITS.returnSize)
      throw new FunctionError(
        `Function ${reg.path} return value is too large (limit ${LIMITS.returnSize} bytes).`,
      );
    if (!reg.returnsValidator) return new Result(resultStr);
    const json = JSON.parse(resultStr) as JSONValue;
    const err = check(reg.returnsValidator, jsonToConvex(json), "", (id) => this.db.tableName(id));
    if (err) throw new FunctionError(`ReturnsValidationError: ${err}`);
    return new Result(resultStr, json);
  }

  private newExec(
    kind: ExecKind,
    reg: RegisteredFunction | null,
    tx: Tx | null,
    caller: Caller,
    parent?: Exec,
  ): Exec {
    return {
      kind,
      path: reg?.path ?? "",
      tx,
      caller,
      logLines: parent?.logLines ?? [],
      streams: new Map(),
      nextStreamId: 1,
      paginated: 0,
      requestId: parent?.requestId ?? randomUUID().replace(/-/g, "").slice(0, 16),
      scheduledFunctionId: parent?.scheduledFunctionId ?? null,
      visibility: reg?.visibility ?? "public",
      journalIn: null,
      journalOut: null,
      depth: (parent?.depth ?? -1) + 1,
    };
  }

  /** Runs a query or mutation body inside an existing transaction. */
  async invokeInTx(
    reg: RegisteredFunction,
    argsStr: string,
    tx: Tx,
    caller: Caller,
    parent?: Exec,
    journal?: string | null,
  ) {
    const exec = this.newExec(reg.kind, reg, tx, caller, parent);
    if (journal) exec.journalIn = parseJournal(journal);
    const clock = { now: realNow(), random: seededRandom(hashSeed(reg.path, argsStr)) };
    exec.clock = clock;
    const resultStr: string = await execStorage.run(exec, () =>
      reg.kind === "query" ? reg.fn.invokeQuery(argsStr) : reg.fn.invokeMutation(argsStr),
    );
    const journalOut = exec.journalOut ? JSON.stringify(exec.journalOut) : null;
    const result = this.validateReturn(reg, resultStr);
    return {
      result,
      get value() {
        return result.value;
      },
      logLines: exec.logLines,
      journal: journalOut,
    };
  }

  async runQuery(
    udfPath: string,
    argsJson: JSONValue,
    caller: Caller = ANONYMOUS,
  ): Promise<QueryOutcome> {
    const reg = this.lookup(udfPath, "query", caller);
    const argsStr = this.validateArgs(reg, argsJson);
    return this.lock.run(async () => {
      await this.durable();
      return this.executeQuery(reg, argsStr, caller, null);
    });
  }

  /** One query execution on the current snapshot; call with the lock held. */
  private async executeQuery(
    reg: RegisteredFunction,
    argsStr: string,
    caller: Caller,
    journal: string | null,
  ): Promise<QueryOutcome> {
    this.stats.queryExecutions++;
    const tx = new Tx(this.db, false, this.db.currentTs);
    try {
      const out = await this.invokeInTx(reg, argsStr, tx, caller, undefined, journal);
      return outcome(out.result, tx.readSet, this.db.currentTs, out.logLines, out.journal);
    } catch (e) {
      const err = toFunctionError(e);
      (err as FunctionError & { readSet?: ReadSet }).readSet = tx.readSet;
      throw err;
    }
  }

  /** Runs several queries on one snapshot (a subscription refresh). */
  async runQueriesAtOnce<T>(
    fn: (
      run: (
        path: string,
        args: JSONValue,
        caller: Caller,
        journal?: string | null,
      ) => Promise<QueryOutcome>,
    ) => Promise<T>,
  ): Promise<T> {
    return this.lock.run(async () => {
      await this.durable();
      return fn(async (udfPath, argsJson, caller, journal) => {
        const reg = this.lookup(udfPath, "query", caller);
        const argsStr = this.validateArgs(reg, argsJson);
        // Many sessions often subscribe to the same query: after a commit, run it once per
        // snapshot and identity and share the outcome (queries are deterministic).
        const key = `${this.db.currentTs}\u0000${reg.path}\u0000${argsStr}\u0000${journal ?? ""}\u0000${caller.admin ? `admin:${JSON.stringify(caller.identity)}` : (caller.token ?? "")}`;
        const cached = this.resultCache.get(key);
        if (cached) {
          if ("error" in cached) throw cached.error;
          return cached.outcome;
        }
        // Keys carry the snapshot timestamp, so older entries can never hit again.
        if (this.resultCache.size > 1000) this.resultCache.clear();
        try {
          const done = await this.executeQuery(reg, argsStr, caller, journal ?? null);
          this.resultCache.set(key, { outcome: done });
          return done;
        } catch (e) {
          this.resultCache.set(key, { error: e as FunctionError });
          throw e;
        }
      });
    });
  }

  async runMutation(
    udfPath: string,
    argsJson: JSONValue,
    caller: Caller = ANONYMOUS,
    opts: {
      fromFunction?: boolean;
      scheduledFunctionId?: string;
      beforeCommit?: (tx: Tx) => void;
    } = {},
  ): Promise<{ result: Result; value: JSONValue; ts: bigint; logLines: string[] }> {
    const reg = this.lookup(udfPath, "mutation", caller, opts.fromFunction);
    const argsStr = this.validateArgs(reg, argsJson);
    return this.transact(async (tx) => {
      const parent = opts.scheduledFunctionId
        ? ({
            scheduledFunctionId: opts.scheduledFunctionId,
            logLines: [],
            depth: -1,
          } as unknown as Exec)
        : undefined;
      const out = await this.invokeInTx(reg, argsStr, tx, caller, parent);
      opts.beforeCommit?.(tx);
      return out;
    });
  }

  /**
   * Runs `body` in a write transaction; resolves once it is committed to disk, or rejects with
   * everything it did rolled back.
   *
   * Group commit: transactions still run one at a time, each on top of the previous one's
   * writes (serializable), each in its own savepoint so a throw undoes only itself. While more
   * writers wait for the lock, the SQLite transaction stays open and the next one runs in it;
   * the group is committed (one fsync) when the lock would pass to a reader or to nobody, or
   * the group is full. Only then is each transaction acknowledged and published, so an
   * acknowledged mutation is on disk and no query ever reads an uncommitted write.
   */
  async transact<T extends object>(body: (tx: Tx) => Promise<T>): Promise<T & { ts: bigint }> {
    return new Promise<T & { ts: bigint }>((resolve, reject) => {
      this.lock
        .run(async () => {
          if (!this.group) {
            this.store.begin();
            this.group = [];
          }
          const group = this.group;
          const sp = `tx${group.length}`;
          this.store.savepoint(sp);
          const counters = this.db.counters();
          const tx = new Tx(this.db, true, this.db.nextTs(), this.db.latestTs);
          try {
            const out = await body(tx);
            tx.resolveCommitTs();
            this.db.recordCommit(tx.ts);
            this.store.release(sp);
            group.push({ tx, done: () => resolve({ ...out, ts: tx.ts }), fail: reject });
          } catch (e) {
            const err = toFunctionError(e);
            if (!this.undo(sp, counters)) {
              // SQLite dropped the whole transaction: the group's earlier members are lost too.
              this.failGroup(e);
              reject(err);
              return;
            }
            // Undone, but answered in commit order: its error may rest on writes of earlier
            // members, which must be on disk before anyone is told about them.
            group.push({ tx: null, done: () => reject(err), fail: reject });
          }
          // Messages already read from other sockets may be about to ask for the lock: give
          // them one turn of the event loop to join this group before it is committed.
          if (!this.lock.nextIsWrite() && group.length < Runtime.MAX_GROUP)
            await new Promise((r) => setImmediate(r));
          if (!this.lock.nextIsWrite() || group.length >= Runtime.MAX_GROUP) this.commitGroup();
        }, "write")
        .catch(reject);
    });
  }

  static readonly MAX_GROUP = 128;
  /** The open group of committed-but-not-yet-durable transactions (group commit). */
  private group: GroupMember[] | null = null;

  /** Rolls one transaction back to its savepoint; false if SQLite had already aborted all. */
  private undo(sp: string, counters: ReturnType<Database["counters"]>): boolean {
    if (!this.store.db.inTransaction) return false;
    try {
      this.store.rollbackTo(sp);
    } catch {
      return false;
    }
    this.db.restoreCounters(counters);
    return true;
  }

  private failGroup(e: unknown) {
    const group = this.group ?? [];
    this.group = null;
    this.store.rollback();
    this.db.reloadCounters();
    const err = toFunctionError(e);
    for (const member of group) member.tx ? member.fail(err) : member.done();
  }

  /** Committed groups waiting for a sync to disk, in commit order. */
  private unsynced: GroupMember[][] = [];
  private syncInFlight = false;
  /** Readers waiting for every committed group to be durable. */
  private durableWaiters: Array<() => void> = [];

  /**
   * Readers call this with the lock held before reading: they never see a write that is not
   * durable yet (no writer can commit meanwhile, they need the lock).
   */
  durable(): Promise<void> {
    if (!this.syncInFlight && this.unsynced.length === 0) return Promise.resolve();
    return new Promise((resolve) => this.durableWaiters.push(resolve));
  }

  /**
   * Commits the open group in SQLite and hands it to the disk syncer; the lock is free again at
   * once, so the next writers run while the disk syncs.
   */
  private commitGroup() {
    const group = this.group;
    if (!group) return;
    if (!group.some((m) => m.tx)) {
      // Every member failed and was undone: nothing to write. Their answers still wait for
      // whatever is being synced (they may have read it).
      this.group = null;
      this.store.rollback();
      if (!this.syncInFlight && this.unsynced.length === 0) for (const m of group) m.done();
      else this.unsynced.push(group);
      return;
    }
    try {
      this.db.saveCounters();
      this.store.commit();
    } catch (e) {
      this.failGroup(e);
      return;
    }
    this.group = null;
    this.stats.commits++;
    this.unsynced.push(group);
    if (!this.syncInFlight) void this.syncCommitted();
  }

  /**
   * One fsync covers every commit made before it started, so groups committed while a sync is
   * in flight share the next one. After each sync, its groups are acknowledged and published in
   * commit order.
   */
  private async syncCommitted() {
    this.syncInFlight = true;
    while (this.unsynced.length) {
      const groups = this.unsynced.splice(0);
      let syncError: unknown = null;
      try {
        await this.store.syncWal();
      } catch (e) {
        syncError = e;
      }
      for (const group of groups) {
        for (const { tx } of group) if (tx) this.db.markDurable(tx.ts);
        for (const { tx, done, fail } of group) {
          if (!tx) {
            done(); // a member that failed and was undone: its error, in commit order
            continue;
          }
          this.stats.mutations++;
          try {
            for (const fn of tx.afterCommit) fn();
            const event = { ts: tx.ts, writeSet: tx.writeSet };
            for (const l of this.listeners) l(event);
            if (tx.scheduledWork) this.onScheduled();
          } catch (e) {
            console.error("[backend] after commit:", e);
          }
          // Committed, but the disk refused to confirm it: the caller must not take it as durable.
          if (syncError)
            fail(
              new FunctionError(
                `The transaction was committed but could not be synced to disk: ${(syncError as Error).message}`,
              ),
            );
          else done();
        }
      }
    }
    this.syncInFlight = false;
    for (const resolve of this.durableWaiters.splice(0)) resolve();
  }

  async runAction(
    udfPath: string,
    argsJson: JSONValue,
    caller: Caller = ANONYMOUS,
    opts: { fromFunction?: boolean; parent?: Exec; scheduledFunctionId?: string } = {},
  ): Promise<{ result: Result; value: JSONValue; logLines: string[] }> {
    const reg = this.lookup(udfPath, "action", caller, opts.fromFunction);
    const argsStr = this.validateArgs(reg, argsJson);
    const exec = this.newExec("action", reg, null, caller, opts.parent);
    if (opts.scheduledFunctionId) exec.scheduledFunctionId = opts.scheduledFunctionId;
    this.stats.actions++;
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () =>
          reject(
            new FunctionError(
              `Your action has exceeded the ${this.actionTimeoutMs / 1000} second limit.`,
            ),
          ),
        this.actionTimeoutMs,
      );
      timer.unref();
    });
    try {
      const resultStr: string = await Promise.race([
        execStorage.run(exec, () => reg.fn.invokeAction(exec.requestId, argsStr)),
        timeout,
      ]);
      const result = this.validateReturn(reg, resultStr);
      return {
        result,
        get value() {
          return result.value;
        },
        logLines: exec.logLines,
      };
    } catch (e) {
      throw toFunctionError(e);
    } finally {
      clearTimeout(timer);
    }
  }

  async vectorSearch(query: {
    indexName: string;
    limit?: number;
    vector: number[];
    expressions: any;
  }) {
    return this.lock.run(async () => {
      await this.durable();
      return { results: vectorSearch(this.db, query) };
    });
  }

  /** Runs an HTTP action handler (a Request in, a Response out). */
  async runHttpAction(handler: any, request: Request, caller: Caller): Promise<Response> {
    const exec = this.newExec("http", null, null, caller);
    exec.path = `${request.method} ${new URL(request.url).pathname}`;
    return execStorage.run(exec, () => handler.invokeHttpAction(request));
  }
}

/** One transaction of a commit group; `tx` is null for one that threw and was undone. */
interface GroupMember {
  tx: Tx | null;
  done: () => void;
  fail: (e: unknown) => void;
}

function parseJournal(journal: string): { endCursor?: string | null } | null {
  try {
    const parsed = JSON.parse(journal);
    return parsed && typeof parsed === "object" ? parsed : null;
  } catch {
    return null; // an unreadable journal only costs the page its fixed boundary
  }
}

function hashSeed(path: string, args: string): number {
  let h = 2166136261;
  const s = path + "\u0000" + args;
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 16777619);
  return (h ^ realNow()) >>> 0;
}

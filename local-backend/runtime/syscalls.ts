/**
 * The syscall layer the `convex` package calls (`global.Convex.syscall/asyncSyscall/jsSyscall`,
 * see node_modules/convex/src/server/impl/). Each op reads its call's context from
 * AsyncLocalStorage, so concurrent actions and the serialized queries/mutations never mix.
 */
import { convexToJson, type JSONValue, jsonToConvex, type Value } from "convex/values";
import { type Exec, currentExec } from "./context.js";
import { FunctionError, toFunctionError } from "./errors.js";
import { canonicalPath } from "./modules.js";
import { countTable, QueryStream, queryPage } from "./query.js";
import type { Runtime } from "./runtime.js";
import type { Tx } from "./tx.js";

type Args = Record<string, any>;

/** A syscall result that is already JSON text (stored documents pass through untouched). */
class RawJson {
  constructor(readonly text: string) {}
}

function syscallText(result: unknown): string {
  if (result instanceof RawJson) return result.text;
  return JSON.stringify(result === undefined ? null : result);
}

function requireTx(exec: Exec, what: string): Tx {
  if (!exec.tx) throw new Error(`${what} is only available in queries and mutations.`);
  return exec.tx;
}

/** Function name from a syscall address ({name} | {functionHandle} | {reference}). */
export function addressToPath(args: Args): string {
  if (typeof args.name === "string") return canonicalPath(args.name);
  if (typeof args.functionHandle === "string") {
    const m = /^function:\/\/;?(.*)$/.exec(args.functionHandle);
    if (!m) throw new Error(`Invalid function handle: ${args.functionHandle}`);
    return canonicalPath(m[1]);
  }
  if (args.reference !== undefined)
    throw new Error("Convex components are not supported by the embedded backend yet.");
  throw new Error("Missing function name in call");
}

/** Rethrows a nested call's failure into the calling function (ConvexError keeps its data). */
function rethrowNested(e: unknown): never {
  const err = toFunctionError(e);
  const thrown = new Error(err.plain) as Error & { data?: JSONValue };
  if (err.data !== undefined) thrown.data = err.data;
  throw thrown;
}

export function installSyscalls(runtime: Runtime) {
  const syncOps: Record<string, (exec: Exec, args: Args) => unknown> = {
    "1.0/queryStream": (exec, args) => {
      const tx = requireTx(exec, "db.query");
      const queryId = exec.nextStreamId++;
      exec.streams.set(queryId, new QueryStream(tx, args.query, runtime.search));
      return { queryId };
    },
    "1.0/queryCleanup": (exec, args) => {
      exec.streams.delete(args.queryId);
      return {};
    },
    "1.0/db/normalizeId": (_exec, args) => {
      const n = runtime.db.tableNumberOf(args.idString);
      const table = runtime.db.store.table(args.table);
      const expected = table?.number ?? systemNumber(args.table);
      return { id: n !== null && n === expected ? args.idString : null };
    },
    // A mutation's snapshot is strictly before its own commit timestamp, as in Convex.
    "1.0/getSnapshotTs": (exec) =>
      convexToJson(exec.tx ? exec.tx.snapshotTs : runtime.db.currentTs),
  };

  const asyncOps: Record<string, (exec: Exec, args: Args) => Promise<unknown> | unknown> = {
    "1.0/get": (exec, args) => {
      const tx = requireTx(exec, "db.get");
      const doc = tx.get(args.table ?? undefined, jsonToConvex(args.id), !!args.isSystem);
      return convexToJson(doc as Value);
    },
    "1.0/queryStreamNext": (exec, args) => {
      const stream = exec.streams.get(args.queryId);
      if (!stream) throw new Error("This query is closed and can't emit any more values.");
      const json = stream.nextJson();
      if (json === null) {
        exec.streams.delete(args.queryId);
        return { value: null, done: true };
      }
      return new RawJson(`{"value":${json},"done":false}`);
    },
    "1.0/queryPage": (exec, args) => {
      const tx = requireTx(exec, "paginate");
      exec.paginated += 1;
      if (exec.paginated > 1)
        throw new Error(
          "This query or mutation function ran multiple paginated queries. Convex only supports a single paginated query in each function.",
        );
      // A re-run subscription keeps the end cursor its first run reached (the query journal),
      // so pages stay gapless while rows are inserted, as usePaginatedQuery expects.
      const endCursor = args.endCursor ?? exec.journalIn?.endCursor ?? null;
      const result = queryPage(tx, {
        query: args.query,
        cursor: args.cursor,
        endCursor,
        pageSize: args.pageSize,
        maximumRowsRead: args.maximumRowsRead,
        maximumBytesRead: args.maximumBytesRead,
      });
      if (exec.kind === "query" && exec.depth === 0)
        exec.journalOut = { endCursor: result.continueCursor };
      return { ...result, page: result.page.map((d) => convexToJson(d as Value)) };
    },
    "1.0/count": (exec, args) => countTable(requireTx(exec, "count"), args.table),
    "1.0/insert": (exec, args) => ({
      _id: requireTx(exec, "db.insert").insert(args.table, args.value),
    }),
    "1.0/shallowMerge": (exec, args) => {
      requireTx(exec, "db.patch").patch(args.table ?? undefined, jsonToConvex(args.id), args.value);
      return {};
    },
    "1.0/replace": (exec, args) => {
      requireTx(exec, "db.replace").replace(
        args.table ?? undefined,
        jsonToConvex(args.id),
        args.value,
      );
      return {};
    },
    "1.0/remove": (exec, args) => {
      requireTx(exec, "db.delete").delete(args.table ?? undefined, jsonToConvex(args.id));
      return {};
    },
    "1.0/getUserIdentity": (exec) => exec.caller.identity ?? null,
    "1.0/getTransactionMetrics": (exec) => {
      if (!exec.tx)
        throw new Error(
          "getTransactionMetrics() can only be called from a query or mutation. It is not available in actions or outside of a Convex function.",
        );
      return exec.tx.metrics.snapshot();
    },
    "1.0/getFunctionMetadata": (exec) => ({ name: functionName(exec), componentPath: "" }),
    "1.0/getRequestMetadata": (exec) => {
      // Query results are shared between callers (and cached): they may not depend on this.
      if (exec.kind === "query")
        throw new Error(
          "getRequestMetadata() can only be called from a mutation, action or HTTP action. It is not available in queries.",
        );
      return requestMetadata(exec);
    },
    // Convex names a local deployment "local-…"/"anonymous-…"; region is null off the cloud.
    "1.0/getDeploymentMetadata": () => ({
      name: runtime.deploymentName,
      region: null,
      class: "s16",
    }),
    "1.0/runUdf": async (exec, args) => {
      const path = addressToPath(args);
      const tx = requireTx(exec, "ctx.runQuery/runMutation");
      const udfType = args.udfType;
      if (udfType !== "query" && udfType !== "mutation" && udfType !== "snapshotQuery")
        throw new Error(`Unknown udfType for ctx.runQuery/runMutation: ${String(udfType)}`);
      const kind = udfType === "mutation" ? "mutation" : "query";
      if (kind === "mutation" && !tx.writable)
        throw new Error("A query cannot call ctx.runMutation.");
      const reg = runtime.lookup(path, kind, exec.caller, true);
      const argsStr = runtime.validateArgs(reg, args.args ?? {});
      const invoke = async () =>
        new RawJson((await runtime.invokeInTx(reg, argsStr, tx, exec.caller, exec)).result.json);
      // Each nested call counts against its own (possibly lower) limits, see Metrics.enter.
      tx.metrics.enter(args.transactionLimits);
      let rolledBack = false;
      try {
        // A snapshot query reads as of the mutation's start: none of its pending writes.
        if (udfType === "snapshotQuery" && tx.writable)
          return await runAtStartSnapshot(runtime, tx, exec.depth, invoke);
        if (kind === "query") return await invoke();
        // A nested mutation is a savepoint: its writes vanish if it throws, the caller goes on.
        const sp = `sp${exec.depth + 1}_${Math.floor(Math.random() * 1e9)}`;
        runtime.store.savepoint(sp);
        try {
          const out = await invoke();
          runtime.store.release(sp);
          return out;
        } catch (e) {
          runtime.store.rollbackTo(sp);
          rolledBack = true;
          throw e;
        }
      } catch (e) {
        rethrowNested(e);
      } finally {
        tx.metrics.exit(rolledBack);
      }
    },
    "1.0/auditLog": (exec, args) => {
      // Convex records audit events for the deployment; here they go to the function's log.
      runtime.recordAudit(exec.path, args?.body ?? null);
      return null;
    },
    "1.0/actions/query": async (exec, args) => {
      try {
        const out = await runtime.runQuery(
          addressToPath(args),
          args.args ?? {},
          asFunctionCaller(exec),
        );
        exec.logLines.push(...out.logLines);
        return new RawJson(out.result.json);
      } catch (e) {
        rethrowNested(e);
      }
    },
    "1.0/actions/mutation": async (exec, args) => {
      try {
        const out = await runtime.runMutation(
          addressToPath(args),
          args.args ?? {},
          asFunctionCaller(exec),
          {
            fromFunction: true,
          },
        );
        exec.logLines.push(...out.logLines);
        return new RawJson(out.result.json);
      } catch (e) {
        rethrowNested(e);
      }
    },
    "1.0/actions/action": async (exec, args) => {
      try {
        const out = await runtime.runAction(
          addressToPath(args),
          args.args ?? {},
          asFunctionCaller(exec),
          {
            fromFunction: true,
            parent: exec,
          },
        );
        return new RawJson(out.result.json);
      } catch (e) {
        rethrowNested(e);
      }
    },
    "1.0/createFunctionHandle": (_exec, args) => `function://;${addressToPath(args)}`,
    "1.0/schedule": (exec, args) => runtime.scheduler.schedule(requireTx(exec, "scheduler"), args),
    "1.0/actions/schedule": async (_exec, args) => {
      const out = await runtime.transact(async (tx) => ({
        id: runtime.scheduler.schedule(tx, args),
      }));
      return out.id;
    },
    "1.0/cancel_job": (exec, args) => {
      runtime.scheduler.cancel(requireTx(exec, "scheduler"), jsonToConvex(args.id) as string);
      return null;
    },
    "1.0/actions/cancel_job": async (_exec, args) => {
      await runtime.transact(async (tx) => {
        runtime.scheduler.cancel(tx, jsonToConvex(args.id) as string);
        return {};
      });
      return null;
    },
    "1.0/storageGetUrl": (_exec, args) => runtime.files.getUrl(args.storageId),
    "1.0/storageGetMetadata": (exec, args) => runtime.files.getMetadata(exec.tx, args.storageId),
    "1.0/storageGenerateUploadUrl": () => runtime.files.generateUploadUrl(),
    "1.0/storageDelete": async (exec, args) => {
      await runtime.files.delete(exec.tx, args.storageId);
      return null;
    },
    "1.0/storageStore": () => {
      throw new Error("storage.store() is only available in actions.");
    },
    "1.0/storageGet": () => {
      throw new Error("storage.get() is only available in actions.");
    },
    "1.0/actions/vectorSearch": (_exec, args) => runtime.vectorSearch(args.query),
  };

  const jsOps: Record<string, (exec: Exec, args: Args) => unknown> = {
    "storage/storeBlob": (_exec, args) =>
      runtime.files.storeBlob(args.blob as Blob, args.options?.sha256),
    "storage/getBlob": (_exec, args) => runtime.files.getBlob(args.storageId),
  };

  (globalThis as any).Convex = {
    syscall(op: string, jsonArgs: string): string {
      const exec = currentExec();
      const handler = syncOps[op];
      if (!handler) throw new Error(`Unknown operation ${op}`);
      return JSON.stringify(handler(exec, JSON.parse(jsonArgs)) ?? null);
    },
    asyncSyscall(op: string, jsonArgs: string): Promise<string> {
      // Not an async function: most handlers answer synchronously (one per document a query
      // reads), and skipping the extra await saves promises, and so garbage, on every row.
      let result: unknown;
      try {
        const exec = currentExec();
        const handler = asyncOps[op];
        if (!handler) throw new Error(`Unknown async operation ${op}`);
        result = handler(exec, JSON.parse(jsonArgs));
      } catch (e) {
        return Promise.reject(e);
      }
      return result instanceof Promise
        ? result.then(syscallText)
        : Promise.resolve(syscallText(result));
    },
    jsSyscall(op: string, args: Args): unknown {
      const exec = currentExec();
      const handler = jsOps[op];
      if (!handler) throw new Error(`Unknown JS syscall ${op}`);
      return handler(exec, args);
    },
  };
}

/**
 * Runs `body` against the state the mutation started from: inside a savepoint, every document
 * the mutation wrote is put back as it was, and the savepoint is rolled back afterwards, which
 * restores the mutation's pending writes untouched.
 */
async function runAtStartSnapshot<T>(
  runtime: Runtime,
  tx: Tx,
  depth: number,
  body: () => Promise<T>,
): Promise<T> {
  const sp = `snap${depth + 1}_${Math.floor(Math.random() * 1e9)}`;
  runtime.store.savepoint(sp);
  try {
    tx.undoPendingWrites();
    return await body();
  } finally {
    runtime.store.rollbackTo(sp);
  }
}

/**
 * The function's name as Convex reports it: "dir/module:export", a default export by its module
 * alone, and an HTTP action as the router module's default export ("http"), not by its route.
 */
function functionName(exec: Exec): string {
  if (exec.kind === "http") return "http";
  return exec.path.endsWith(":default") ? exec.path.slice(0, -":default".length) : exec.path;
}

/** ctx.meta.getRequestMetadata(): the client connection, request id, schedule and token. */
function requestMetadata(exec: Exec) {
  return {
    ip: exec.caller.ip ?? null,
    userAgent: exec.caller.userAgent ?? null,
    requestId: exec.requestId,
    scheduledFunctionId: exec.scheduledFunctionId,
    authToken: exec.caller.token,
  };
}

/** Calls made by a running function carry its identity and may reach internal functions. */
function asFunctionCaller(exec: Exec) {
  return { ...exec.caller, admin: true } as typeof exec.caller;
}

function systemNumber(table: string): number | undefined {
  return ({ _scheduled_functions: 1, _storage: 2 } as Record<string, number>)[table];
}

export { FunctionError };

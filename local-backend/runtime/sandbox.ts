/**
 * What a function's global environment looks like inside the embedded backend: console output
 * becomes the caller's log lines, and timers and network calls are refused in queries and
 * mutations, as Convex's V8 isolate does. Installed once; inert outside a function call.
 */
import { inspect } from "node:util";
import { execStorage } from "./context.js";

let guardsInstalled = false;
/**
 * Queries and mutations are deterministic transactions in Convex: timers and network calls
 * are refused there, with Convex's wording; actions may use them freely.
 */
export function installTransactionGuards() {
  if (guardsInstalled) return;
  guardsInstalled = true;
  const inTransaction = () => {
    const kind = execStorage.getStore()?.kind;
    return kind === "query" || kind === "mutation";
  };
  const guard = <F extends (...args: any[]) => any>(name: string, original: F, label = name): F =>
    function (this: unknown, ...args: any[]) {
      if (inTransaction())
        throw new Error(
          `Can't use ${label} in queries and mutations. Please consider using an action. See https://docs.convex.dev/functions/actions for more details.`,
        );
      return original.apply(this, args);
    } as unknown as F;
  globalThis.setTimeout = guard("setTimeout", globalThis.setTimeout);
  globalThis.setInterval = guard("setInterval", globalThis.setInterval);
  if (globalThis.fetch) globalThis.fetch = guard("fetch", globalThis.fetch, "fetch()");
}

let consoleInstalled = false;
/** console.* inside a function becomes log lines for the caller, as in Convex. */
export function installConsoleCapture() {
  if (consoleInstalled) return;
  consoleInstalled = true;
  const levels: Array<[keyof Console, string]> = [
    ["log", "LOG"],
    ["info", "INFO"],
    ["warn", "WARN"],
    ["error", "ERROR"],
    ["debug", "DEBUG"],
  ];
  for (const [method, level] of levels) {
    const original = (console[method] as (...a: unknown[]) => void).bind(console);
    (console as any)[method] = (...args: unknown[]) => {
      const exec = execStorage.getStore();
      if (!exec) return original(...args);
      const text = args
        .map((a) => (typeof a === "string" ? `'${a}'` : inspect(a, { depth: 4 })))
        .join(" ");
      exec.logLines.push(`[${level}] ${text}`);
      if (process.env.CONVEX_LOCAL_ECHO_LOGS) original(`[${exec.path}]`, ...args);
    };
  }
}

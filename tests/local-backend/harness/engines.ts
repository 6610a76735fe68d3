/**
 * The two engines a scenario runs on, behind one small adapter each:
 * - convex-test (the oracle: Convex semantics in memory, fresh database per scenario);
 * - the embedded backend, through a real ConvexClient (public calls) and an admin
 *   ConvexHttpClient (internal calls), plain `fetch` for HTTP actions, file uploads and
 *   downloads, and signed JWTs for identities.
 */
import type { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference, type UserIdentity } from "convex/server";
import { convexTest } from "convex-test";
import { vi } from "vitest";
import schema from "../conformance-app/convex/schema";
import { withTimeout } from "./backend";
import {
  type HttpRequestSpec,
  type RawOutcome,
  resolveRefs,
  type Scenario,
  type Step,
} from "./scenario";

export const conformanceModules = import.meta.glob("../conformance-app/convex/**/*.*s");

export interface Engine {
  name: string;
  /** Runs the step; resolves with its value or rejects with the function's error. */
  call(step: Step, args: Record<string, unknown>): Promise<unknown>;
  /** Releases what the engine set up (fake timers). */
  close?(): void;
}

const STEP_TIMEOUT_MS = 20_000;

function requestInit(step: Step, authorization?: string): RequestInit {
  const spec: HttpRequestSpec = step.request ?? {};
  const headers: Record<string, string> = { ...spec.headers };
  if (authorization) headers.authorization = authorization;
  return {
    method: spec.method ?? "GET",
    headers,
    body: spec.body === undefined ? undefined : spec.body,
  };
}

/** A `fetch` step's result: the status and the parts of the response the step compares. */
async function readResponse(step: Step, res: Response): Promise<Record<string, unknown>> {
  const out: Record<string, unknown> = { status: res.status };
  const wanted = step.response?.headers;
  if (wanted) {
    out.headers = Object.fromEntries(wanted.map((h) => [h, res.headers.get(h)]));
  }
  switch (step.response?.body) {
    case "json":
      out.body = await res.json();
      break;
    case "text":
      out.body = await res.text();
      break;
    case "bytes":
      out.body = await res.arrayBuffer();
      break;
    default:
      await res.body?.cancel();
  }
  return out;
}

const fileOf = (upload: NonNullable<Step["upload"]>) =>
  new Blob([upload.body], upload.contentType ? { type: upload.contentType } : {});

/**
 * convex-test. A scenario with a `finishScheduled` step runs under vitest fake timers (setTimeout
 * and Date), which is how convex-test runs scheduled functions on demand; `close` restores them.
 */
export function convexTestEngine(scenario: Scenario): Engine {
  const fakeTimers = scenario.steps.some((s) => s.kind === "finishScheduled");
  if (fakeTimers) vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout", "Date"] });
  const t = convexTest(schema, conformanceModules);
  return {
    name: "convex-test",
    async call(step, args) {
      // convex-test has no notion of callers: public and internal functions are both callable.
      const who = step.identity ? t.withIdentity(step.identity as UserIdentity) : t;
      const fn = makeFunctionReference<any>(step.fn) as any;
      switch (step.kind) {
        case "query":
          return await who.query(fn, args);
        case "mutation":
          return await who.mutation(fn, args);
        case "action":
          return await who.action(fn, args);
        case "fetch":
          return await readResponse(step, await who.fetch(step.fn, requestInit(step)));
        case "upload": {
          // The upload URL convex-test hands out is served by nothing: store the same file.
          await who.mutation(fn, args);
          const file = fileOf(step.upload ?? { body: "" });
          return await t.run(async (ctx) => await ctx.storage.store(file));
        }
        case "download": {
          // Nothing serves convex-test's file URLs: a URL is served as the stored blob.
          const url = await who.query(fn, args);
          if (url === null) return null;
          const blob = await t.run(async (ctx) => {
            const b = await ctx.storage.get(args.id as any);
            return b && { type: b.type, bytes: await b.arrayBuffer() };
          });
          if (blob === null) return { status: 404 };
          const out: Record<string, unknown> = {
            status: 200,
            contentType: blob.type || null,
            body: blob.bytes,
          };
          // No server, no response headers: they read as missing (compare them in deviations).
          if (step.response?.headers) {
            out.headers = Object.fromEntries(step.response.headers.map((h) => [h, null]));
          }
          return out;
        }
        case "finishScheduled":
          await t.finishAllScheduledFunctions(vi.runAllTimers);
          return null;
      }
    },
    close() {
      if (fakeTimers) vi.useRealTimers();
    },
  };
}

/** What the backend adapter needs: clients, the site URL, and authenticated clients / tokens. */
export interface BackendTarget {
  client: ConvexClient;
  admin: ConvexHttpClient;
  siteUrl: string;
  clientAs(identity: Record<string, unknown>): Promise<ConvexClient>;
  token(identity: Record<string, unknown>): Promise<string>;
}

async function pollUntilNoScheduledWork(admin: ConvexHttpClient, fnPath: string): Promise<null> {
  const unfinished = makeFunctionReference<"query">(fnPath);
  const deadline = Date.now() + STEP_TIMEOUT_MS;
  let n = await admin.query(unfinished, {});
  while (n !== 0 && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 50));
    n = await admin.query(unfinished, {});
  }
  if (n !== 0)
    throw new Error(`${n} scheduled functions still unfinished after ${STEP_TIMEOUT_MS} ms`);
  return null;
}

export function backendEngine(target: BackendTarget): Engine {
  const { admin, siteUrl } = target;
  const run = async (step: Step, args: Record<string, unknown>): Promise<unknown> => {
    const fn = makeFunctionReference<any>(step.fn) as any;
    const client: any =
      step.caller === "admin"
        ? admin
        : step.identity
          ? await target.clientAs(step.identity)
          : target.client;
    switch (step.kind) {
      case "query":
      case "mutation":
      case "action":
        return await client[step.kind](fn, args);
      case "fetch": {
        const auth = step.identity ? `Bearer ${await target.token(step.identity)}` : undefined;
        return await readResponse(step, await fetch(siteUrl + step.fn, requestInit(step, auth)));
      }
      case "upload": {
        const url: string = await client.mutation(fn, args);
        const file = step.upload ?? { body: "" };
        const res = await fetch(url, {
          method: "POST",
          headers: file.contentType ? { "content-type": file.contentType } : {},
          body: file.body,
        });
        if (!res.ok) throw new Error(`upload failed: HTTP ${res.status}: ${await res.text()}`);
        return ((await res.json()) as { storageId: string }).storageId;
      }
      case "download": {
        const url: string | null = await client.query(fn, args);
        if (url === null) return null;
        const res = await fetch(url, { headers: step.request?.headers });
        const out: Record<string, unknown> = {
          status: res.status,
          contentType: res.headers.get("content-type"),
          body: await res.arrayBuffer(),
        };
        if (step.response?.headers) {
          out.headers = Object.fromEntries(
            step.response.headers.map((h) => [h, res.headers.get(h)]),
          );
        }
        return out;
      }
      case "finishScheduled":
        return await pollUntilNoScheduledWork(admin, step.fn);
    }
  };
  return {
    name: "embedded backend",
    call(step, args) {
      const who = step.caller ?? (step.identity ? `as ${String(step.identity.subject)}` : "client");
      return withTimeout(run(step, args), STEP_TIMEOUT_MS, `${step.kind} ${step.fn} (${who})`);
    },
  };
}

export function describeError(e: unknown): Extract<RawOutcome, { ok: false }> {
  const message = e instanceof Error ? e.message : String(e);
  const convexError =
    typeof e === "object" &&
    e !== null &&
    (Symbol.for("ConvexError") in e || (e as Error).name === "ConvexError");
  return convexError
    ? { ok: false, error: e, message, convexError: true, data: (e as { data?: unknown }).data }
    : { ok: false, error: e, message, convexError: false };
}

export interface StepResult {
  step: Step;
  raw: RawOutcome;
}

/** Plays a scenario's steps in order, resolving `ref(...)`s from earlier results. */
export async function play(engine: Engine, scenario: Scenario): Promise<StepResult[]> {
  const saved = new Map<string, unknown>();
  const results: StepResult[] = [];
  try {
    for (const step of scenario.steps) {
      let raw: RawOutcome;
      try {
        const args = resolveRefs(step.args ?? {}, saved) as Record<string, unknown>;
        const value = await engine.call(step, args);
        raw = { ok: true, value };
        if (step.as) saved.set(step.as, value);
      } catch (e) {
        raw = describeError(e);
      }
      results.push({ step, raw });
    }
  } finally {
    engine.close?.();
  }
  return results;
}

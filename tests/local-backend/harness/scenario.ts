/**
 * Conformance scenarios as data. A scenario is a list of function calls; the runner plays it
 * against each engine (convex-test, the embedded backend) and compares normalised transcripts.
 * Adding a scenario to ../scenarios/ adds it to both engines.
 */

/**
 * Function calls (`query`, `mutation`, `action`: `fn` is the function path) and the steps that
 * need more than a call, each with one adapter per engine (harness/engines.ts):
 * - `fetch`: an HTTP action request; `fn` is the path (with query string), see `request` and
 *   `response`. convex-test: `t.fetch`; backend: `fetch(siteUrl + path)`.
 * - `upload`: `fn` is a mutation returning `storage.generateUploadUrl()`, then `upload` is POSTed
 *   to that URL; the result is the storage id. convex-test (whose upload URL serves nothing):
 *   the mutation, then `t.run(ctx => ctx.storage.store(blob))` with the same bytes and type.
 * - `download`: `fn` is a query `{ id }` → `storage.getUrl(id)`; the URL is fetched (with
 *   `request.headers`). Result: null (no URL) or `{ status, contentType, body }`, plus
 *   `headers` when `response.headers` names some. convex-test (whose URLs serve nothing): the
 *   query, then the blob from `ctx.storage.get(id)` as a 200 with the blob's type, and every
 *   named header missing (null).
 * - `finishScheduled`: waits until no scheduled function is pending or running; result null.
 *   convex-test: `t.finishAllScheduledFunctions(vi.runAllTimers)` (the scenario then runs under
 *   fake timers); backend: polls `fn`, a query counting unfinished `_scheduled_functions`.
 */
export type StepKind =
  | "query"
  | "mutation"
  | "action"
  | "fetch"
  | "upload"
  | "download"
  | "finishScheduled";

/** The request of a `fetch` step. */
export interface HttpRequestSpec {
  method?: "GET" | "POST" | "PUT" | "DELETE" | "PATCH";
  headers?: Record<string, string>;
  body?: string | ArrayBuffer;
}

/** Which parts of a `fetch` step's response make its result `{ status, headers?, body? }`. */
export interface HttpResponseSpec {
  /** Response headers to compare (lower case); a missing header is null. */
  headers?: string[];
  /** How to read the body: parsed JSON, text, bytes, or not at all (default). */
  body?: "json" | "text" | "bytes";
}

/** The outcome real Convex produces for a step, when convex-test is known to differ. */
export type PinnedOutcome =
  | { value: unknown }
  | { error: true; errorMatch?: RegExp; errorData?: unknown };

export interface Step {
  kind: StepKind;
  /** Function path, "module:export" (for `fetch`: the request path). */
  fn: string;
  /** Arguments; may contain `ref(...)` placeholders resolved from earlier steps' results. */
  args?: Record<string, unknown>;
  /** Save the raw result under this name for later `ref(...)`s. */
  as?: string;
  /** "client" (default): a public call through the client. "admin": with admin auth. */
  caller?: "client" | "admin";
  /**
   * Run as this user (`subject` and `issuer` required; other fields are `UserIdentity`
   * attributes or custom claims). convex-test: `t.withIdentity(identity)`; backend: a client
   * authenticated with a JWT signed with these claims (for `fetch`: an Authorization header).
   */
  identity?: Record<string, unknown>;
  /** `fetch` steps: the request. */
  request?: HttpRequestSpec;
  /** `fetch` steps: what of the response is compared. */
  response?: HttpResponseSpec;
  /** `upload` steps: the file POSTed to the upload URL. */
  upload?: { body: string | ArrayBuffer; contentType?: string };
  /** The step must fail. */
  expect?: "error";
  /** When the step fails, its error message must match (on every engine). */
  errorMatch?: RegExp;
  /** When set, the step must fail with a ConvexError whose data equals this (normalised). */
  errorData?: unknown;
  /**
   * Expected success value, in normalised form (ids as "id#n", creation times as "ct#n", raw
   * bigints / ArrayBuffers / special floats are fine: they are normalised before comparing).
   */
  value?: unknown;
  /** Every string in this step's result is a document id (e.g. an insert returning an id). */
  ids?: boolean;
  /**
   * convex-test deviates from Convex here: `note` says how. The convex-test outcome is not
   * asserted; the embedded backend is held to `convex` (what real Convex does) instead.
   */
  deviation?: { note: string; convex: PinnedOutcome };
}

export interface Scenario {
  name: string;
  /** Area, used to group tests. */
  area: string;
  steps: Step[];
}

/** Placeholder for a value taken from an earlier step's result: `ref("a")`, `ref("p1.continueCursor")`. */
export class Ref {
  constructor(readonly path: string) {}
}
export const ref = (path: string) => new Ref(path);

export function resolveRefs(value: unknown, saved: Map<string, unknown>): unknown {
  if (value instanceof Ref) {
    const [head, ...rest] = value.path.split(".");
    if (!saved.has(head)) throw new Error(`ref(${value.path}): no earlier step saved "${head}"`);
    let cur: any = saved.get(head);
    for (const key of rest) {
      if (cur === null || typeof cur !== "object" || !(key in cur)) {
        throw new Error(`ref(${value.path}): "${key}" missing in ${JSON.stringify(cur)}`);
      }
      cur = cur[key];
    }
    return cur;
  }
  if (Array.isArray(value)) return value.map((v) => resolveRefs(v, saved));
  if (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, resolveRefs(v, saved)]));
  }
  return value;
}

/** One step's result as an engine reports it. */
export type RawOutcome =
  | { ok: true; value: unknown }
  | { ok: false; error: unknown; message: string; convexError: boolean; data?: unknown };

/** A step's outcome after normalisation: what the engines must agree on. */
export type Outcome =
  | { value: unknown }
  | { error: "ConvexError"; data: unknown }
  | { error: "Error" };

export interface TranscriptEntry {
  step: string;
  outcome: Outcome;
}

const CURSOR_KEYS = new Set(["continueCursor", "splitCursor", "cursor"]);

/**
 * Convex values, normalised into plain JSON-comparable data:
 * - bigint → { $int64: "…" }, ArrayBuffer → { $bytes: [...] },
 *   NaN / ±Infinity / -0 → { $float: "NaN" | "Infinity" | "-Infinity" | "-0" };
 * - document ids → "id#1", "id#2", … in order of first appearance in the transcript;
 * - `_creationTime` values → "ct#1", "ct#2", … by rank (ascending) within the transcript;
 * - pagination cursors (opaque, engine-specific) → "<cursor>"; undefined fields dropped.
 */
export class Normaliser {
  private readonly idNames = new Map<string, string>();
  private creationRanks = new Map<number, string>();

  constructor(
    private readonly knownIds: Set<string> = new Set(),
    creationTimes: number[] = [],
  ) {
    const sorted = [...new Set(creationTimes)].sort((a, b) => a - b);
    this.creationRanks = new Map(sorted.map((t, i) => [t, `ct#${i + 1}`]));
  }

  value(v: unknown, key?: string): unknown {
    if (typeof v === "string") {
      if (key !== undefined && CURSOR_KEYS.has(key)) return "<cursor>";
      if (this.knownIds.has(v)) {
        let name = this.idNames.get(v);
        if (name === undefined) {
          name = `id#${this.idNames.size + 1}`;
          this.idNames.set(v, name);
        }
        return name;
      }
      return v;
    }
    if (typeof v === "number") {
      if (key === "_creationTime" && this.creationRanks.has(v)) return this.creationRanks.get(v);
      if (Number.isNaN(v)) return { $float: "NaN" };
      if (v === Number.POSITIVE_INFINITY) return { $float: "Infinity" };
      if (v === Number.NEGATIVE_INFINITY) return { $float: "-Infinity" };
      if (Object.is(v, -0)) return { $float: "-0" };
      return v;
    }
    if (typeof v === "bigint") return { $int64: v.toString() };
    if (v instanceof ArrayBuffer) return { $bytes: [...new Uint8Array(v)] };
    if (ArrayBuffer.isView(v))
      return { $bytes: [...new Uint8Array(v.buffer, v.byteOffset, v.byteLength)] };
    if (Array.isArray(v)) return v.map((x) => this.value(x));
    if (v !== null && typeof v === "object") {
      const out: Record<string, unknown> = {};
      // Sorted keys: ids are numbered in an order that does not depend on an engine's key order.
      for (const k of Object.keys(v).sort()) {
        const x = (v as Record<string, unknown>)[k];
        if (x !== undefined) out[k] = this.value(x, k);
      }
      return out;
    }
    return v;
  }
}

/** Collects every document id and creation time a transcript mentions (first pass). */
export function collectIdsAndTimes(results: { step: Step; raw: RawOutcome }[]): {
  ids: Set<string>;
  times: number[];
} {
  const ids = new Set<string>();
  const times: number[] = [];
  const walk = (v: unknown, allStringsAreIds: boolean, key?: string) => {
    if (typeof v === "string") {
      if (allStringsAreIds || key === "_id") ids.add(v);
    } else if (typeof v === "number") {
      if (key === "_creationTime") times.push(v);
    } else if (Array.isArray(v)) {
      for (const x of v) walk(x, allStringsAreIds);
    } else if (v !== null && typeof v === "object" && !(v instanceof ArrayBuffer)) {
      for (const [k, x] of Object.entries(v)) walk(x, allStringsAreIds, k);
    }
  };
  for (const { step, raw } of results) {
    if (raw.ok) walk(raw.value, step.ids === true);
    else if (raw.convexError) walk(raw.data, false);
  }
  return { ids, times };
}

export function stepLabel(step: Step, index: number): string {
  const method = step.kind === "fetch" ? `${step.request?.method ?? "GET"} ` : "";
  const who =
    step.caller === "admin"
      ? " (admin)"
      : step.identity
        ? ` (as ${String(step.identity.subject)})`
        : "";
  return `#${index + 1} ${step.kind} ${method}${step.fn}${who}`;
}

/** Normalises one engine's raw results into a transcript. */
export function toTranscript(results: { step: Step; raw: RawOutcome }[]): TranscriptEntry[] {
  const { ids, times } = collectIdsAndTimes(results);
  const n = new Normaliser(ids, times);
  return results.map(({ step, raw }, i) => ({
    step: stepLabel(step, i),
    outcome: raw.ok
      ? { value: n.value(raw.value) }
      : raw.convexError
        ? { error: "ConvexError", data: n.value(raw.data) }
        : { error: "Error" },
  }));
}

/** Normalises a hand-written expected value (no id or creation-time mapping needed). */
export function normaliseExpected(v: unknown): unknown {
  return new Normaliser().value(v);
}

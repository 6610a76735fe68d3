// Small constructors that keep the scenario files readable.
import type { HttpRequestSpec, HttpResponseSpec, Step } from "../harness/scenario";

export { ref } from "../harness/scenario";

type Extra = Omit<Step, "kind" | "fn" | "args">;

export const query = (fn: string, args: Record<string, unknown> = {}, extra: Extra = {}): Step => ({
  kind: "query",
  fn,
  args,
  ...extra,
});
export const mutation = (
  fn: string,
  args: Record<string, unknown> = {},
  extra: Extra = {},
): Step => ({
  kind: "mutation",
  fn,
  args,
  ...extra,
});
export const action = (
  fn: string,
  args: Record<string, unknown> = {},
  extra: Extra = {},
): Step => ({
  kind: "action",
  fn,
  args,
  ...extra,
});

/** An index-range operator for indexes:range / ordering:byIndex. */
export const op = (o: "eq" | "gt" | "gte" | "lt" | "lte", field: string, value: unknown) => ({
  op: o,
  field,
  value,
});
/** `.eq(field, undefined)` (undefined cannot travel as an argument). */
export const eqUndefined = (field: string) => ({ op: "eq", field, undef: true });

/** Filter expressions for filters:run (see conformance-app/convex/helpers.ts). */
export const f = {
  field: (field: string) => ({ field }),
  lit: (lit: unknown) => ({ lit }),
  undef: () => ({ undef: true }),
  op: (name: string, ...args: unknown[]) => ({ op: name, args }),
};

export const bytes = (...b: number[]) => new Uint8Array(b).buffer;

/** A pinned "must fail" outcome for deviation steps. */
export const convexFails = (errorMatch?: RegExp) => ({ error: true as const, errorMatch });

/** An HTTP action request to `path` (see harness/scenario.ts, `fetch` steps). */
export const http = (
  path: string,
  request: HttpRequestSpec = {},
  response: HttpResponseSpec = {},
  extra: Extra = {},
): Step => ({ kind: "fetch", fn: path, request, response, ...extra });

/** Uploads a file to the URL the mutation `fn` generates; the result is the storage id. */
export const upload = (
  fn: string,
  file: { body: string | ArrayBuffer; contentType?: string },
  extra: Extra = {},
): Step => ({ kind: "upload", fn, args: {}, upload: file, ids: true, ...extra });

/**
 * Fetches the URL the query `fn` gives for `{ id }`: null, or `{ status, contentType, body }`
 * (and `headers`, for the names in `extra.response.headers`).
 */
export const download = (fn: string, args: Record<string, unknown>, extra: Extra = {}): Step => ({
  kind: "download",
  fn,
  args,
  ...extra,
});

/** Waits until every scheduled function has run (the backend polls `scheduler:unfinished`). */
export const finishScheduled = (): Step => ({
  kind: "finishScheduled",
  fn: "scheduler:unfinished",
  args: {},
  value: null,
});

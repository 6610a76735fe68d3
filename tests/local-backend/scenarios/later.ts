/**
 * TODO — conformance areas not covered yet. Each entry becomes an `it.todo` in
 * conformance.test.ts, so they show up in every run until written.
 *
 * How to add one: write its functions in conformance-app/convex/ (a new module per area, then
 * `cd tests/local-backend/conformance-app && CI=1 npx convex codegen --system-udfs --typecheck disable`),
 * add a Scenario list in this folder (same shape as crud.ts), spread it into SCENARIOS in
 * index.ts and delete the entry here. Areas that need more than function calls (time, HTTP,
 * uploads) may need a new step kind in harness/scenario.ts plus one adapter line per engine
 * (convex-test: t.fetch / t.finishAllScheduledFunctions / t.withIdentity; backend: fetch to
 * siteUrl / polling / ConvexClient.setAuth).
 */
export const LATER: { area: string; todo: string[] }[] = [
  {
    area: "scheduler",
    todo: [
      "ctx.scheduler.runAfter(0) from a mutation runs the function after the mutation commits",
      "a scheduled function is not run when the scheduling mutation throws (rolled back)",
      "runAt / runAfter with a delay: the job stays pending in _scheduled_functions until due",
      "db.system.get / db.system.query('_scheduled_functions'): name, args, scheduledTime, state.kind pending → inProgress → success | failed",
      "ctx.scheduler.cancel(id) before the job runs: state.kind canceled, function never runs",
      "scheduling from an action; scheduled functions run without the caller's auth",
    ],
  },
  {
    area: "storage",
    todo: [
      "storage.generateUploadUrl + POST upload returns a storageId; db.system.get('_storage', id) has size, sha256, contentType",
      "ctx.storage.store(blob) in an action / ctx.storage.get(id) returns the same bytes",
      "ctx.storage.getUrl(id) serves the file over HTTP; null for a deleted id",
      "ctx.storage.delete(id) removes the file and its _storage document",
    ],
  },
  {
    area: "auth",
    todo: [
      "ctx.auth.getUserIdentity() is null without auth",
      "ConvexClient.setAuth(jwt): identity fields (subject, issuer, tokenIdentifier, custom claims) match what t.withIdentity gives in the oracle",
      "admin auth with an acting identity (setAdminAuth(key, identity)) impersonates the user",
      "an invalid / expired token yields an AuthError and unauthenticated access, not a crash",
    ],
  },
  {
    area: "http actions",
    todo: [
      "http.ts routes: exact path, pathPrefix, method matching; 404 for unknown routes (compare t.fetch)",
      "an HTTP action calls ctx.runQuery / runMutation / runAction and returns a Response with status, headers and body",
      "request body (JSON, text, bytes) and query string reach the handler intact",
      "an HTTP action that throws yields a 500 and the server stays up",
    ],
  },
  {
    area: "crons",
    todo: ["crons.ts interval / cron jobs are registered and run on schedule"],
  },
];

/**
 * TODO — conformance areas not covered yet. Each entry becomes an `it.todo` in
 * conformance.test.ts, so they show up in every run until written.
 *
 * How to add one: write its functions in conformance-app/convex/ (a new module per area, then
 * `cd tests/local-backend/conformance-app && CI=1 npx convex codegen --system-udfs --typecheck disable`),
 * add a Scenario list in this folder (same shape as crud.ts), spread it into SCENARIOS in
 * index.ts and delete the entry here. Steps that need more than a function call have their own
 * kinds in harness/scenario.ts (`fetch`, `upload`, `download`, `finishScheduled`, and
 * `identity` on any step), with one adapter per engine in harness/engines.ts; add a kind there
 * when an area needs something new.
 */
export const LATER: { area: string; todo: string[] }[] = [
  {
    area: "scheduler",
    todo: [
      "state.kind inProgress while a scheduled action runs; canceling it then (its own schedules do not run)",
      "runAfter with a negative or non-finite delay; scheduling a query (rejected)",
    ],
  },
  {
    area: "storage",
    todo: [
      "storage.store(blob, { sha256 }) with a wrong digest is rejected",
      "an upload URL is single-use; a POST without Content-Type stores no contentType",
    ],
  },
  {
    area: "auth",
    todo: [
      "OIDC provider (`domain`): discovery + standard claims mapped to UserIdentity attributes (given_name → givenName); needs a local discovery server",
      "admin auth with an acting identity (setAdminAuth(key, identity)) impersonates the user",
      "an invalid / expired token yields an AuthError and unauthenticated access, not a crash",
    ],
  },
  {
    area: "crons",
    todo: ["crons.ts interval / cron jobs are registered and run on schedule"],
  },
];

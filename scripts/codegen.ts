/**
 * Regenerates convex/_generated/ with no Convex account and no network.
 * `npx convex codegen` normally needs a deployment; with CI=1, --system-udfs and
 * --typecheck disable it generates from the local folder alone (convex 1.48.0).
 * tests/convex/codegen.test.ts fails if the committed files drift from what this produces.
 */
import { spawnSync } from "node:child_process";

const dirs = process.argv.slice(2);
for (const cwd of dirs.length ? dirs : ["."]) {
  const result = spawnSync(
    "npx",
    ["convex", "codegen", "--system-udfs", "--typecheck", "disable"],
    {
      cwd,
      stdio: "inherit",
      env: { ...process.env, CI: "1" },
    },
  );
  if (result.status !== 0) {
    console.error(`codegen failed in ${cwd}`);
    process.exit(result.status ?? 1);
  }
}

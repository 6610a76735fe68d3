// @vitest-environment node
// convex/_generated/ is committed so the apps type-check without a backend. This regenerates it
// from a copy of convex/ in a temp dir and fails if the committed files have drifted
// (fix: run `CI=1 npx convex codegen --system-udfs --typecheck disable`).
import { execFileSync } from "node:child_process";
import {
  cpSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { afterAll, expect, test } from "vitest";

const root = resolve(__dirname, "../..");
const work = mkdtempSync(join(tmpdir(), "convex-codegen-"));

afterAll(() => rmSync(work, { recursive: true, force: true }));

function readDir(dir: string): Record<string, string> {
  return Object.fromEntries(
    readdirSync(dir)
      .sort()
      .map((name) => [name, readFileSync(join(dir, name), "utf8")]),
  );
}

test("committed convex/_generated matches a fresh codegen", () => {
  cpSync(join(root, "convex"), join(work, "convex"), {
    recursive: true,
    filter: (source) => !source.includes("_generated"),
  });
  // Codegen insists on a package.json naming convex; node_modules are borrowed, not copied.
  const pkg = JSON.parse(readFileSync(join(root, "package.json"), "utf8"));
  writeFileSync(
    join(work, "package.json"),
    JSON.stringify({
      name: "codegen-check",
      type: "module",
      dependencies: { convex: pkg.dependencies.convex },
    }),
  );
  symlinkSync(join(root, "node_modules"), join(work, "node_modules"), "dir");

  execFileSync(
    process.execPath,
    [
      join(root, "node_modules/convex/bin/main.js"),
      "codegen",
      "--system-udfs",
      "--typecheck",
      "disable",
    ],
    { cwd: work, env: { ...process.env, CI: "1" }, stdio: "pipe" },
  );

  const fresh = readDir(join(work, "convex/_generated"));
  const committed = readDir(join(root, "convex/_generated"));
  expect(Object.keys(committed)).toEqual(Object.keys(fresh));
  for (const [name, text] of Object.entries(fresh)) {
    expect(committed[name], `convex/_generated/${name} is stale`).toBe(text);
  }
}, 60_000);

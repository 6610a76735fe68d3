import { defineConfig } from "vitest/config";

// Three suites, each its own environment: Convex functions run under edge-runtime as they do
// in Convex's V8 isolate; the embedded backend and the browser e2e suites run under Node.
// Under CI each run also writes a JSON report, which .ci/run sums into one closing line.
const ciReport = process.env.VITEST_JSON_REPORT;

export default defineConfig({
  test: {
    reporters: ciReport ? ["default", ["json", { outputFile: ciReport }]] : ["default"],
    projects: [
      {
        test: {
          name: "convex",
          include: ["tests/convex/**/*.test.ts"],
          environment: "edge-runtime",
          // Seeding a store and hashing passwords (scrypt, deliberately slow) take seconds on a
          // busy 2-core machine.
          testTimeout: 30_000,
          hookTimeout: 60_000,
          server: { deps: { inline: ["convex-test"] } },
        },
      },
      {
        test: {
          name: "local-backend",
          include: ["tests/local-backend/**/*.test.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          server: { deps: { inline: ["convex-test"] } },
        },
      },
      {
        test: {
          name: "e2e",
          include: ["tests/e2e/**/*.test.ts"],
          globalSetup: ["tests/e2e/globalSetup.ts"],
          environment: "node",
          testTimeout: 120_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});

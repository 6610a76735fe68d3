import fs from "node:fs";
import path from "node:path";
import { ConvexHttpClient } from "convex/browser";
import { anyApi } from "convex/server";
import { expect, test } from "vitest";
import { startBackend } from "../../local-backend/index.js";
import { tmpDataDir } from "./helpers.js";

function writeApp(files: Record<string, string>): string {
  const dir = path.join(tmpDataDir("app"), "convex");
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

test("an app without a committed _generated folder still loads (untyped stand-ins)", async () => {
  const dir = writeApp({
    "tasks.ts": `import { mutation, query } from "./_generated/server";
      import { api } from "./_generated/api";
      import { v } from "convex/values";
      export const add = mutation({ args: { text: v.string() }, handler: (ctx, a) => ctx.db.insert("tasks", a) });
      export const list = query({ args: {}, handler: (ctx) => ctx.db.query("tasks").collect() });
      export const listViaApi = query({ args: {}, handler: (ctx) => ctx.runQuery(api.tasks.list, {}) });`,
  });
  const backend = await startBackend({
    functionsDir: dir,
    dataDir: tmpDataDir("gen"),
    port: 0,
    sitePort: 0,
    quiet: true,
  });
  try {
    const client = new ConvexHttpClient(backend.url);
    await client.mutation(anyApi.tasks.add, { text: "write tests" });
    expect((await client.query(anyApi.tasks.listViaApi, {})).map((t: any) => t.text)).toEqual([
      "write tests",
    ]);
  } finally {
    await backend.close();
  }
});

test("a schema that existing documents break is refused, as a Convex schema push is", async () => {
  const data = tmpDataDir("schema-push");
  const dir = writeApp({
    "tasks.ts": `import { mutationGeneric } from "convex/server";
      export const add = mutationGeneric({ handler: (ctx, a: any) => ctx.db.insert("tasks", a) });`,
  });
  const first = await startBackend({
    functionsDir: dir,
    dataDir: data,
    port: 0,
    sitePort: 0,
    quiet: true,
  });
  await new ConvexHttpClient(first.url).mutation(anyApi.tasks.add, { text: 42 });
  await first.close();
  fs.writeFileSync(
    path.join(dir, "schema.ts"),
    `import { defineSchema, defineTable } from "convex/server";
     import { v } from "convex/values";
     export default defineSchema({ tasks: defineTable({ text: v.string() }) });`,
  );
  await expect(
    startBackend({ functionsDir: dir, dataDir: data, port: 0, sitePort: 0, quiet: true }),
  ).rejects.toThrow(/Schema validation failed: document \w+ in table "tasks"/);
});

test("a second backend on a data folder in use fails fast with a clear message", async () => {
  const data = tmpDataDir("in-use");
  const dir = writeApp({
    "noop.ts": `import { queryGeneric } from "convex/server"; export const q = queryGeneric(() => 1);`,
  });
  const first = await startBackend({
    functionsDir: dir,
    dataDir: data,
    port: 0,
    sitePort: 0,
    quiet: true,
  });
  try {
    await expect(
      startBackend({ functionsDir: dir, dataDir: data, port: 0, sitePort: 0, quiet: true }),
    ).rejects.toThrow(/in use by another running backend/);
    expect(await new ConvexHttpClient(first.url).query(anyApi.noop.q, {})).toBe(1);
  } finally {
    await first.close();
  }
});

import fs from "node:fs";
import path from "node:path";
import { ConvexClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { test } from "vitest";
import WebSocket from "ws";
import { startBackend } from "../../local-backend/index.js";
import { tmpDataDir, waitFor } from "./helpers.js";

const GREETING = (word: string) => `import { mutationGeneric, queryGeneric } from "convex/server";
import { v } from "convex/values";
export const add = mutationGeneric({ args: { n: v.number() }, handler: (ctx, a) => ctx.db.insert("nums", a) });
export const greet = queryGeneric({ args: {}, handler: async (ctx) => {
  const count = (await ctx.db.query("nums").collect()).length;
  return "${word} " + count;
} });
`;

test("with watch on, editing a function reloads it, keeps the data and refreshes subscribers", async () => {
  const appDir = tmpDataDir("watch-app");
  const fnDir = path.join(appDir, "convex");
  fs.mkdirSync(fnDir);
  fs.writeFileSync(path.join(fnDir, "greet.ts"), GREETING("hello"));
  const backend = await startBackend({
    functionsDir: fnDir,
    dataDir: tmpDataDir("watch-data"),
    port: 0,
    sitePort: 0,
    watch: true,
    quiet: true,
  });
  const client = new ConvexClient(backend.url, { webSocketConstructor: WebSocket as any });
  try {
    await client.mutation(makeFunctionReference<"mutation">("greet:add"), { n: 1 });
    let latest = "";
    client.onUpdate(makeFunctionReference<"query">("greet:greet"), {}, (v: string) => (latest = v));
    await waitFor(
      () => latest,
      (v) => v === "hello 1",
    );
    fs.writeFileSync(path.join(fnDir, "greet.ts"), GREETING("bonjour"));
    await waitFor(
      () => latest,
      (v) => v === "bonjour 1",
      10_000,
    );
  } finally {
    await client.close();
    await backend.close();
  }
});

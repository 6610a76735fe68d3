import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { makeFunctionReference } from "convex/server";
import { afterEach, expect, test } from "vitest";
import WebSocket from "ws";
import { exportSnapshot, importSnapshot } from "../../local-backend/tools/snapshot.js";
import { startBackend } from "../../local-backend/index.js";
import { JOBS_APP, tmpDataDir } from "./helpers.js";

const addNote = makeFunctionReference<"mutation">("jobs:addNote");
const scheduleLater = makeFunctionReference<"mutation">("jobs:scheduleLater");
const searchNotes = makeFunctionReference<"query">("jobs:searchNotes");
const ROOT = path.resolve(import.meta.dirname, "../..");

function startCli(dataDir: string): Promise<{ child: ChildProcess; url: string }> {
  const child = spawn(
    process.execPath,
    [
      "--import",
      "tsx",
      "local-backend/cli.ts",
      "--functions",
      JOBS_APP,
      "--data",
      dataDir,
      "--port",
      "0",
      "--site-port",
      "0",
    ],
    { cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    let out = "";
    child.stdout!.on("data", (d) => {
      out += d;
      const m = /Convex deployment URL: (\S+)/.exec(out);
      if (m && out.includes("Ready.")) resolve({ child, url: m[1] });
    });
    child.stderr!.on("data", (d) => (out += d));
    child.on("exit", (code) => reject(new Error(`backend exited with ${code}: ${out}`)));
  });
}

let running: ChildProcess | null = null;
afterEach(() => {
  running?.kill("SIGKILL");
  running = null;
});

test("a mutation acknowledged to a client survives kill -9 of the server", async () => {
  const dataDir = tmpDataDir("kill9");
  const first = await startCli(dataDir);
  running = first.child;
  const client = new ConvexClient(first.url, { webSocketConstructor: WebSocket as any });
  const ids: string[] = [];
  for (let i = 0; i < 20; i++)
    ids.push(await client.mutation(addNote, { body: `note ${i} durable`, topic: "t" }));
  first.child.kill("SIGKILL");
  await new Promise((r) => first.child.once("exit", r));
  await client.close();

  const second = await startCli(dataDir);
  running = second.child;
  const found = await new ConvexHttpClient(second.url).query(searchNotes, { text: "durable" });
  expect(found.map((n: any) => n._id).sort()).toEqual([...ids].sort());
}, 60_000);

test("with group commit, every mutation acknowledged to concurrent clients survives kill -9", async () => {
  const dataDir = tmpDataDir("kill9-group");
  const first = await startCli(dataDir);
  running = first.child;
  const clients = Array.from(
    { length: 10 },
    () => new ConvexClient(first.url, { webSocketConstructor: WebSocket as any }),
  );
  const acked: string[] = [];
  let stop = false;
  const loops = clients.map(async (client, c) => {
    for (let i = 0; !stop; i++) {
      try {
        acked.push(await client.mutation(addNote, { body: `grouped ${c}-${i}`, topic: "g" }));
      } catch {
        return; // the server died under this mutation: it was never acknowledged
      }
    }
  });
  while (acked.length < 200) await new Promise((r) => setTimeout(r, 5));
  // Kill while mutations are in flight, then stop issuing more.
  first.child.kill("SIGKILL");
  stop = true;
  const ackedAtKill = [...acked];
  await new Promise((r) => first.child.once("exit", r));
  await Promise.all(clients.map((c) => c.close()));
  await Promise.race([Promise.all(loops), new Promise((r) => setTimeout(r, 2_000))]);

  const second = await startCli(dataDir);
  running = second.child;
  const found = await new ConvexHttpClient(second.url).query(searchNotes, { text: "grouped" });
  const ids = new Set(found.map((n: any) => n._id));
  expect(ackedAtKill.filter((id) => !ids.has(id))).toEqual([]);
}, 60_000);

test("export then import into an empty data folder reproduces every document byte for byte", async () => {
  const source = tmpDataDir("export-src");
  const backend = await startBackend({
    functionsDir: JOBS_APP,
    dataDir: source,
    port: 0,
    sitePort: 0,
    quiet: true,
  });
  const client = new ConvexHttpClient(backend.url);
  await client.mutation(addNote, { body: 'émoji ✓ and "quotes"', topic: "x" });
  await client.mutation(scheduleLater, { delayMs: 60_000, kind: "later" });
  await backend.close();

  const out1 = tmpDataDir("export-1");
  const s1 = exportSnapshot(source, out1);
  expect(s1.documents).toBeGreaterThanOrEqual(2);
  const target = tmpDataDir("import-target");
  importSnapshot(out1, target);
  const out2 = tmpDataDir("export-2");
  exportSnapshot(target, out2);

  const files = (dir: string) =>
    fs
      .readdirSync(dir, { recursive: true })
      .map(String)
      .filter((f) => f.endsWith(".jsonl"))
      .sort();
  expect(files(out2)).toEqual(files(out1));
  for (const f of files(out1)) {
    expect(fs.readFileSync(path.join(out2, f)).equals(fs.readFileSync(path.join(out1, f))), f).toBe(
      true,
    );
  }
  // The imported folder is a working deployment: indexes were rebuilt, search finds the note.
  const revived = await startBackend({
    functionsDir: JOBS_APP,
    dataDir: target,
    port: 0,
    sitePort: 0,
    quiet: true,
  });
  try {
    const exact = await new ConvexHttpClient(revived.url).query(searchNotes, { text: "quotes" });
    expect(exact).toHaveLength(1);
  } finally {
    await revived.close();
  }
  expect(() => importSnapshot(out1, target)).toThrow(/already holds documents/);
});

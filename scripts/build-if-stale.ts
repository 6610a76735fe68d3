/** Runs `vite build` when dist/ is missing or older than any file that goes into it. */
import { readdir, stat } from "node:fs/promises";
import { join } from "node:path";

const INPUTS = [
  "index.html",
  "dashboard/index.html",
  "vite.config.ts",
  "tailwind.config.ts",
  "postcss.config.js",
  "package-lock.json",
  "src",
  "lib",
  "storefront",
  "public",
  "convex/_generated",
  // The browser bundles import the server's member lists (statuses, roles, permissions).
  "convex/model",
];

export async function ensureBuilt(root: string, log: (line: string) => void): Promise<void> {
  const builtAt = await Promise.all([
    mtime(join(root, "dist/index.html")),
    mtime(join(root, "dist/dashboard/index.html")),
  ]).then((times) => Math.min(...times));
  let newest = 0;
  for (const input of INPUTS) newest = Math.max(newest, await newestMtime(join(root, input)));
  if (builtAt > 0 && builtAt >= newest) return;
  log(builtAt > 0 ? "dist/ is older than the sources: building…" : "No dist/ yet: building…");
  const started = Date.now();
  const { build } = await import("vite");
  // Vite honours an inherited NODE_ENV (vitest sets "test"), which would ship React's
  // development build; what `npm start` serves is always a production build.
  const inherited = process.env.NODE_ENV;
  process.env.NODE_ENV = "production";
  try {
    await build({ configFile: join(root, "vite.config.ts"), logLevel: "warn", mode: "production" });
  } finally {
    if (inherited === undefined) delete process.env.NODE_ENV;
    else process.env.NODE_ENV = inherited;
  }
  log(`Built in ${((Date.now() - started) / 1000).toFixed(1)}s.`);
}

async function mtime(path: string): Promise<number> {
  return (await stat(path).catch(() => null))?.mtimeMs ?? 0;
}

async function newestMtime(path: string): Promise<number> {
  const info = await stat(path).catch(() => null);
  if (!info) return 0;
  if (!info.isDirectory()) return info.mtimeMs;
  let newest = info.mtimeMs;
  for (const entry of await readdir(path, { withFileTypes: true })) {
    if (entry.name === "node_modules" || entry.name.startsWith(".")) continue;
    newest = Math.max(newest, await newestMtime(join(path, entry.name)));
  }
  return newest;
}

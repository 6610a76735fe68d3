/**
 * `npm start` / `npm run dev`: the whole product on one machine, no account needed.
 *
 *   npm start [-- --data <folder>] [--reset] [--quiet]     built apps (builds dist/ if stale)
 *   npm run dev                                            Vite hot reload + backend watch
 *
 * Env: PORT (default 3000, 0 = any free port), HOST (default 127.0.0.1),
 *      CONVEX_PORT / CONVEX_SITE_PORT (default 3210 / 3211, or free ports when taken),
 *      PUBLIC_URL (the storefront's public origin for canonical URLs and the sitemap),
 *      CLERK_JWT_ISSUER_DOMAIN + CLERK_PUBLISHABLE_KEY to use Clerk instead of the offline sign-in.
 */
import { createServer } from "node:net";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseArgs } from "node:util";
import { startBackend } from "../local-backend/index.js";
import { type AppServer, startAppServer } from "./app-server.js";
import { ensureBuilt } from "./build-if-stale.js";
import { createOfflineAuth, issuerFor } from "./offline-auth.js";
import { createStorefrontRenderer } from "./storefront-ssr.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
// The demo store's owner and the password it signs in with (documented in README.md).
const DEMO_OWNER_EMAIL = "owner@demo.store";
const DEMO_OWNER_PASSWORD = "northwind-demo";

const { values: flags } = parseArgs({
  options: {
    data: { type: "string", default: ".data" },
    reset: { type: "boolean", default: false },
    dev: { type: "boolean", default: false },
    quiet: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
  allowPositionals: false,
});

if (flags.help) {
  console.log(
    "Usage: npm start -- [--data <folder>] [--reset] [--quiet]\n       npm run dev -- [--data <folder>] [--reset]",
  );
  process.exit(0);
}

const dataDir = resolve(flags.data ?? ".data");
const host = process.env.HOST || "127.0.0.1";
const port = envPort("PORT", 3000);

async function main() {
  const t0 = Date.now();
  if (!flags.dev) await ensureBuilt(root, (line) => console.log(line));

  const app = await startAppServer({
    root,
    host,
    port,
    dev: flags.dev ?? false,
    publicHosts: process.env.PUBLIC_HOSTS,
  });
  const stopping = installShutdown(app);

  const clerkIssuer = process.env.CLERK_JWT_ISSUER_DOMAIN;
  const clerkKey = process.env.CLERK_PUBLISHABLE_KEY || process.env.VITE_CLERK_PUBLISHABLE_KEY;
  const useClerk = Boolean(clerkIssuer && clerkKey);
  if (clerkIssuer && !clerkKey) {
    console.warn(
      "CLERK_JWT_ISSUER_DOMAIN is set but CLERK_PUBLISHABLE_KEY is not: using the offline demo sign-in.",
    );
  }

  const env: Record<string, string> = {};
  // --reset wipes the data folder, saved issuer included.
  const issuer = flags.reset ? `${app.origin}/auth` : await issuerFor(dataDir, app.origin);
  if (!useClerk) {
    env.OFFLINE_AUTH_ISSUER = issuer;
    env.OFFLINE_AUTH_JWKS_URL = `${app.origin}/auth/jwks.json`;
  }

  const backend = await startBackend({
    functionsDir: join(root, "convex"),
    dataDir,
    port: await portOrFree(envPort("CONVEX_PORT", 3210)),
    sitePort: await portOrFree(envPort("CONVEX_SITE_PORT", 3211)),
    reset: flags.reset,
    watch: flags.dev,
    env,
    quiet: flags.quiet,
    // Browsers reach the backend through the app's /api proxy only: loopback names, and pages
    // of the app's own origins (see scripts/app-proxy.ts).
    allowedHosts: ["127.0.0.1", "localhost", "[::1]"],
    allowedOrigins: [...app.hosts].map((h) => `http://${h}`),
    // File URLs on the app's origin (its /api proxy), as Convex Cloud serves them from the
    // deployment's public URL: an uploaded image loads wherever the dashboard does.
    publicUrl: app.origin,
  });
  stopping.backend = backend;

  // Keys live in the data folder; created after the backend so `--reset` cannot wipe them mid-way.
  const auth = useClerk
    ? null
    : await createOfflineAuth({
        dataDir,
        origin: app.origin,
        issuer,
        call: (fn, args) => backend.run(fn, args),
      });

  // "partial": an earlier first start was cut short mid-seed; the seed resumes where it stopped.
  const seedState = await backend.run("seed:status", {});
  if (seedState !== "done") {
    console.log(
      seedState === "none"
        ? "Empty database: seeding the demo store (seed:demoStore)…"
        : "The demo seed was interrupted last time: finishing it (seed:demoStore)…",
    );
    const started = Date.now();
    const ownerEmail = process.env.DEMO_OWNER_EMAIL;
    await backend.run("seed:demoStore", ownerEmail ? { ownerEmail } : {});
    console.log(
      `Seeded ${backend.documentCount()} documents in ${((Date.now() - started) / 1000).toFixed(1)}s.`,
    );
  }

  if (!useClerk) {
    // The demo owner signs in with a documented password (README), created once.
    await backend.run("accounts:ensureDemoAccount", {
      email: process.env.DEMO_OWNER_EMAIL || DEMO_OWNER_EMAIL,
      password: process.env.DEMO_OWNER_PASSWORD || DEMO_OWNER_PASSWORD,
      name: "Demo Owner",
    });
  }

  auth?.allowOrigins([...app.hosts].map((h) => `http://${h}`));
  const config = {
    sameOrigin: true as const,
    siteUrl: backend.siteUrl,
    storeSlug: process.env.STORE_SLUG || "demo",
    ...(useClerk ? { clerkPublishableKey: clerkKey } : {}),
  };
  app.setRuntime({
    config,
    backendUrl: backend.url,
    auth,
    storefront: createStorefrontRenderer(backend.url, config.storeSlug),
    publicUrl: process.env.PUBLIC_URL || undefined,
  });

  const lines = [
    "",
    `Storefront  ${app.origin}/`,
    `Dashboard   ${app.origin}/dashboard`,
    ...[...app.hosts]
      .filter((h) => !/^(127\.0\.0\.1|localhost|\[::1\]):/.test(h))
      .map((h) => `Team (LAN)  http://${h}/dashboard`),
    `Backend     ${backend.url}   (loopback only; browsers reach it through ${app.origin}/api)`,
    `Site        ${backend.siteUrl}`,
    `Data        ${dataDir}${flags.dev ? "   (dev: hot reload + function watch)" : ""}`,
    useClerk
      ? "Sign-in     Clerk"
      : `Sign-in     offline accounts (not Clerk). Demo: ${process.env.DEMO_OWNER_EMAIL || DEMO_OWNER_EMAIL} / ${process.env.DEMO_OWNER_PASSWORD ? "(DEMO_OWNER_PASSWORD)" : DEMO_OWNER_PASSWORD}`,
    `Ready in ${((Date.now() - t0) / 1000).toFixed(1)}s. Press Ctrl-C to stop.`,
    "",
  ];
  console.log(lines.join("\n"));
}

interface Stopping {
  backend?: { close(): Promise<void> };
}

function installShutdown(app: AppServer): Stopping {
  const state: Stopping = {};
  let closing = false;
  const stop = async (signal: string) => {
    if (closing) {
      console.log("Forced exit.");
      process.exit(130);
    }
    closing = true;
    console.log(`\n${signal}: shutting down…`);
    const force = setTimeout(() => process.exit(1), 10_000);
    force.unref();
    await Promise.allSettled([app.close(), state.backend?.close()]);
    process.exit(0);
  };
  process.on("SIGINT", () => void stop("SIGINT"));
  process.on("SIGTERM", () => void stop("SIGTERM"));
  return state;
}

function envPort(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === "") return fallback;
  const n = Number(raw);
  if (!Number.isInteger(n) || n < 0 || n > 65535) {
    console.error(`${name} must be a port number (0–65535), got "${raw}".`);
    process.exit(2);
  }
  return n;
}

/** The wanted port if it is free, otherwise 0 (the OS picks one). */
function portOrFree(wanted: number): Promise<number> {
  if (wanted === 0) return Promise.resolve(0);
  return new Promise((done) => {
    const probe = createServer();
    probe.once("error", () => done(0));
    probe.listen(wanted, host, () => probe.close(() => done(wanted)));
  });
}

main().catch((error) => {
  console.error(
    "\nCould not start:",
    error instanceof Error ? (error.stack ?? error.message) : error,
  );
  if ((error as NodeJS.ErrnoException)?.code === "EADDRINUSE") {
    console.error(`Port ${port} is taken: set PORT to another port (PORT=0 picks a free one).`);
  }
  process.exit(1);
});

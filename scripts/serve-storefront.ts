/**
 * `npm run serve:storefront`: the storefront rendered on the server (and the built workspace)
 * against a Convex deployment that runs elsewhere — Convex Cloud or self-hosted — with no
 * embedded backend. Pages are rendered here from ConvexHttpClient reads; shoppers' browsers
 * keep their islands live over a WebSocket straight to the deployment.
 *
 * Env: CONVEX_URL (required: https://<deployment>.convex.cloud), STORE_SLUG (default demo),
 *      PORT (3000), HOST (127.0.0.1), PUBLIC_URL (canonical origin), PUBLIC_HOSTS,
 *      CLERK_PUBLISHABLE_KEY (the workspace's sign-in).
 */
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { startAppServer } from "./app-server.js";
import { ensureBuilt } from "./build-if-stale.js";
import { createStorefrontRenderer } from "./storefront-ssr.js";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");

async function main() {
  const url = process.env.CONVEX_URL;
  if (!url || !/^https?:\/\//.test(url)) {
    console.error("Set CONVEX_URL to the deployment's URL (https://<name>.convex.cloud).");
    process.exit(2);
  }
  await ensureBuilt(root, (line) => console.log(line));
  const app = await startAppServer({
    root,
    host: process.env.HOST || "127.0.0.1",
    port: Number(process.env.PORT ?? 3000),
    dev: false,
    publicHosts: process.env.PUBLIC_HOSTS,
  });
  const storeSlug = process.env.STORE_SLUG || "demo";
  const clerkPublishableKey = process.env.CLERK_PUBLISHABLE_KEY;
  app.setRuntime({
    config: {
      sameOrigin: false,
      url,
      siteUrl: url.replace(/\.convex\.cloud\b/, ".convex.site"),
      storeSlug,
      ...(clerkPublishableKey ? { clerkPublishableKey } : {}),
    },
    backendUrl: url,
    auth: null,
    storefront: createStorefrontRenderer(url, storeSlug),
    publicUrl: process.env.PUBLIC_URL || undefined,
  });
  console.log(`Storefront  ${app.origin}/   (data from ${url})`);
  const stop = () => void app.close().then(() => process.exit(0));
  process.on("SIGINT", stop);
  process.on("SIGTERM", stop);
}

main().catch((error) => {
  console.error("Could not start:", error instanceof Error ? error.message : error);
  process.exit(1);
});

import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * One build, two apps:
 *   /            shopper storefront  (index.html → storefront/)
 *   /dashboard/  team workspace      (dashboard/index.html → src/)
 * The Convex deployment URL is not baked in: scripts/start.ts injects it into the HTML at
 * request time (window.__CONVEX_CONFIG__), so one bundle runs on any port.
 */
export default defineConfig({
  root,
  appType: "mpa",
  plugins: [react()],
  build: {
    outDir: "dist",
    emptyOutDir: true,
    sourcemap: false,
    rolldownOptions: {
      // @tremor/react declares no `sideEffects`, so importing one chart kept all of them (and
      // every Recharts module): its modules are pure, let the bundler drop what is unused.
      treeshake: {
        moduleSideEffects: [
          { test: /node_modules[\\/]@tremor[\\/]react[\\/]/, sideEffects: false },
        ],
      },
      // Rolldown's plugin-timing report is noise in `npm start` output.
      checks: { bundlerTimings: false },
      input: {
        storefront: `${root}index.html`,
        dashboard: `${root}dashboard/index.html`,
      },
    },
  },
});

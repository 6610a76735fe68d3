import { fileURLToPath } from "node:url";
import react from "@vitejs/plugin-react";
import { defineConfig, type Plugin } from "vite";

const root = fileURLToPath(new URL(".", import.meta.url));

/**
 * The shopper storefront's islands run on Preact (via preact/compat) in the browser: the same
 * React components the server renders with react-dom/server, for ~10 kB instead of react-dom's
 * ~45 kB gzipped, so a product page stays under its 60 kB JavaScript budget. Only files under
 * storefront/ are redirected; the dashboard keeps React. (`npm run dev` keeps React everywhere,
 * for Fast Refresh.)
 */
const PREACT_FOR: Record<string, string> = {
  react: "preact/compat",
  "react-dom": "preact/compat",
  "react-dom/client": "preact/compat/client",
  "react/jsx-runtime": "preact/jsx-runtime",
  "react/jsx-dev-runtime": "preact/jsx-runtime",
};
const storefrontDir = `${root}storefront/`;

function storefrontOnPreact(): Plugin {
  return {
    name: "storefront-on-preact",
    apply: "build",
    enforce: "pre",
    async resolveId(source, importer) {
      const target = PREACT_FOR[source];
      if (!target || !importer?.startsWith(storefrontDir)) return null;
      return this.resolve(target, importer, { skipSelf: true });
    },
  };
}

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
  plugins: [storefrontOnPreact(), react()],
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

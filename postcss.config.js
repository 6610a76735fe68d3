import { fileURLToPath } from "node:url";
import autoprefixer from "autoprefixer";
import tailwindcss from "tailwindcss";

const config = (rel) => fileURLToPath(new URL(rel, import.meta.url));
const dashboard = tailwindcss(config("./tailwind.config.ts"));
const storefront = tailwindcss(config("./storefront/tailwind.config.ts"));
const storefrontDir = config("./storefront/");

/**
 * Tailwind with the config of the app a stylesheet belongs to: the storefront's CSS stays
 * small and never carries the dashboard's Tremor classes. (Plain CSS files, so no `@config`.)
 */
const tailwindPerApp = {
  postcssPlugin: "tailwind-per-app",
  async Once(root, { result }) {
    const file = root.source?.input.file ?? "";
    const chosen = file.startsWith(storefrontDir) ? storefront : dashboard;
    for (const step of chosen.plugins) await step(root, result);
  },
};

export default { plugins: [tailwindPerApp, autoprefixer()] };

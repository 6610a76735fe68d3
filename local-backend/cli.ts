/**
 * `npm run backend -- --functions <convex folder> --data <folder> --port <n> [--site-port <m>] [--reset] [--watch]`
 * Runs any Convex app folder on this machine and prints its URLs and admin key.
 */
import { parseArgs } from "node:util";
import { startBackend } from "./index.js";

const { values } = parseArgs({
  options: {
    functions: { type: "string", default: "convex" },
    data: { type: "string", default: ".data" },
    port: { type: "string", default: "3210" },
    "site-port": { type: "string" },
    host: { type: "string", default: "127.0.0.1" },
    reset: { type: "boolean", default: false },
    watch: { type: "boolean", default: false },
    help: { type: "boolean", short: "h", default: false },
  },
});

if (values.help) {
  console.log(`Embedded Convex-compatible backend

  --functions <dir>   Convex app folder (default: convex)
  --data <dir>        data folder: SQLite database, files, admin key (default: .data)
  --port <n>          deployment URL port (default: 3210; 0 = any free port)
  --site-port <n>     HTTP actions port (default: port + 1)
  --reset             wipe the data folder first
  --watch             reload functions when files change (data is kept)`);
  process.exit(0);
}

const backend = await startBackend({
  functionsDir: values.functions!,
  dataDir: values.data!,
  port: Number(values.port),
  sitePort: values["site-port"] !== undefined ? Number(values["site-port"]) : undefined,
  host: values.host,
  reset: values.reset,
  watch: values.watch,
});
console.log(`Convex deployment URL: ${backend.url}`);
console.log(`HTTP actions (site) URL: ${backend.siteUrl}`);
console.log(`Admin key: ${backend.adminKey}`);
console.log("Ready.");

const shutdown = async () => {
  await backend.close();
  process.exit(0);
};
process.on("SIGINT", shutdown);
process.on("SIGTERM", shutdown);

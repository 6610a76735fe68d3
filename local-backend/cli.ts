/**
 * The embedded backend's command line.
 *
 *   npm run backend -- [--functions convex] [--data .data] [--port 3210] [--site-port 3211] [--reset] [--watch]
 *   npm run backend -- tables  [--data .data]
 *   npm run backend -- run <module:function> ['{"json":"args"}'] [--functions convex] [--data .data]
 *   npm run backend -- export --out <folder> [--data .data]
 *   npm run backend -- import --from <folder> --data <empty folder>
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { startBackend } from "./index.js";
import { SqliteStore } from "./storage/sqlite.js";
import { exportSnapshot, importSnapshot } from "./tools/snapshot.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    functions: { type: "string", default: "convex" },
    data: { type: "string", default: ".data" },
    port: { type: "string", default: "3210" },
    "site-port": { type: "string" },
    host: { type: "string", default: "127.0.0.1" },
    reset: { type: "boolean", default: false },
    watch: { type: "boolean", default: false },
    out: { type: "string" },
    from: { type: "string" },
    help: { type: "boolean", short: "h", default: false },
  },
});

const HELP = `Embedded Convex-compatible backend

  (no command)        serve: --functions <dir> (default convex) --data <dir> (default .data)
                      --port <n> (default 3210; 0 = any free port) --site-port <n> (default port+1)
                      --reset (wipe the data folder first) --watch (reload functions on change)
  tables              list tables and their document counts
  run <fn> [json]     run a function (public or internal) as admin and print its result
  export --out <dir>  write every table as JSON lines (+ stored files)
  import --from <dir> load an export into an empty --data folder`;

const [command, ...rest] = positionals;

async function main() {
  if (values.help) return console.log(HELP);
  if (command === "tables") {
    const store = new SqliteStore(path.join(values.data!, "convex.sqlite3"));
    for (const t of store.allTables().sort((a, b) => a.name.localeCompare(b.name))) {
      console.log(`${t.name.padEnd(32)} ${String(t.count).padStart(9)}`);
    }
    store.close();
    return;
  }
  if (command === "export") {
    if (!values.out) throw new Error("export needs --out <folder>");
    const s = exportSnapshot(values.data!, values.out);
    return console.log(
      `Exported ${s.documents} documents from ${s.tables} tables (${s.files} files) to ${values.out}`,
    );
  }
  if (command === "import") {
    if (!values.from) throw new Error("import needs --from <folder>");
    const s = importSnapshot(values.from, values.data!);
    return console.log(
      `Imported ${s.documents} documents into ${s.tables} tables (${s.files} files) in ${values.data}`,
    );
  }
  const backend = await startBackend({
    functionsDir: values.functions!,
    dataDir: values.data!,
    port: command === "run" ? 0 : Number(values.port),
    sitePort:
      command === "run"
        ? 0
        : values["site-port"] !== undefined
          ? Number(values["site-port"])
          : undefined,
    host: values.host,
    reset: values.reset,
    watch: values.watch,
    quiet: command === "run",
  });
  if (command === "run") {
    const [fn, json] = rest;
    if (!fn) throw new Error("run needs a function path, e.g. run messages:list '{}'");
    try {
      const result = await backend.run(fn, json ? JSON.parse(json) : {});
      console.log(JSON.stringify(result, (_k, v) => (typeof v === "bigint" ? `${v}n` : v), 2));
    } finally {
      await backend.close();
    }
    return;
  }
  if (command) throw new Error(`Unknown command ${command}\n\n${HELP}`);
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
}

main().catch((e) => {
  console.error(`error: ${(e as Error).message}`);
  process.exit(1);
});

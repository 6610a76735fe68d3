/**
 * Loads a Convex app folder: bundles every function module with esbuild (keeping the `convex`
 * package external so registrations call *our* syscall layer through the real package code),
 * imports the bundles and indexes every registered function by its Convex path
 * ("dir/file:export"; "dir/file" alone means the default export).
 */
import fs from "node:fs";
import { createRequire } from "node:module";
import path from "node:path";
import { pathToFileURL } from "node:url";
import * as esbuild from "esbuild";

export type FunctionKind = "query" | "mutation" | "action";

export interface RegisteredFunction {
  path: string;
  kind: FunctionKind;
  visibility: "public" | "internal";
  fn: any;
  argsValidator: any;
  returnsValidator: any;
}

export interface LoadedApp {
  functions: Map<string, RegisteredFunction>;
  schema: any | null;
  http: any | null;
  crons: any | null;
  authConfig: any | null;
  modulePaths: string[];
}

const SOURCE_EXT = /\.(ts|tsx|js|jsx|mjs|cjs|mts|cts)$/;
const SOURCE_EXTS = [".ts", ".tsx", ".js", ".jsx", ".mjs"];

/** Module files as Convex counts them: not in _generated, not tests, not declaration files. */
export function listModules(functionsDir: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith(".") || entry.name === "node_modules") continue;
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) {
        if (entry.name === "_generated" && dir === functionsDir) continue;
        walk(full);
      } else if (
        SOURCE_EXT.test(entry.name) &&
        !entry.name.endsWith(".d.ts") &&
        !/\.(test|spec)\.[a-z]+$/.test(entry.name) &&
        !entry.name.includes(" ")
      ) {
        out.push(full);
      }
    }
  };
  walk(functionsDir);
  return out.sort();
}

function modulePathOf(functionsDir: string, file: string): string {
  return path.relative(functionsDir, file).replace(SOURCE_EXT, "").split(path.sep).join("/");
}

/** Canonical form of a client-supplied path: "mod:fn" ("mod" → "mod:default", ".js" dropped). */
export function canonicalPath(udfPath: string): string {
  const i = udfPath.lastIndexOf(":");
  let mod = i === -1 ? udfPath : udfPath.slice(0, i);
  const fn = i === -1 ? "default" : udfPath.slice(i + 1);
  if (mod.endsWith(".js")) mod = mod.slice(0, -3);
  return `${mod}:${fn}`;
}

export async function buildAndLoad(functionsDir: string, outRoot: string): Promise<LoadedApp> {
  functionsDir = path.resolve(functionsDir);
  const files = listModules(functionsDir);
  const outdir = path.join(
    outRoot,
    `build-${Date.now()}-${Math.random().toString(36).slice(2, 8)}`,
  );
  // Resolve `convex` from the app folder so the app and its registrations share one copy.
  // An app folder with no node_modules of its own (e.g. a test fixture) uses the backend's copy.
  let convexRoot: string;
  try {
    convexRoot = path.dirname(
      createRequire(path.join(functionsDir, "package.json")).resolve("convex/package.json"),
    );
  } catch {
    convexRoot = path.dirname(createRequire(import.meta.url).resolve("convex/package.json"));
  }
  const convexExternal: esbuild.Plugin = {
    name: "convex-external",
    setup(build) {
      build.onResolve({ filter: /^convex(\/.*)?$/ }, (args) => {
        const sub =
          args.path === "convex" ? "index.js" : `${args.path.slice("convex/".length)}/index.js`;
        const target = path.join(convexRoot, "dist", "esm", sub);
        if (fs.existsSync(target)) return { path: pathToFileURL(target).href, external: true };
        return undefined;
      });
    },
  };
  // Apps normally commit convex/_generated; when one does not, stand in for it with the
  // untyped equivalents, which is all the generated JavaScript amounts to.
  const generatedFallback: esbuild.Plugin = {
    name: "generated-fallback",
    setup(build) {
      build.onResolve({ filter: /(^|\/)_generated\/(server|api|dataModel)(\.js)?$/ }, (args) => {
        const base = path.resolve(args.resolveDir, args.path.replace(/\.js$/, ""));
        if (SOURCE_EXTS.some((ext) => fs.existsSync(base + ext))) return undefined;
        return { path: base, namespace: "generated" };
      });
      build.onLoad({ filter: /.*/, namespace: "generated" }, (args) => {
        const kind = path.basename(args.path);
        const contents =
          kind === "server"
            ? `export { queryGeneric as query, internalQueryGeneric as internalQuery, mutationGeneric as mutation,
                 internalMutationGeneric as internalMutation, actionGeneric as action,
                 internalActionGeneric as internalAction, httpActionGeneric as httpAction } from "convex/server";`
            : kind === "api"
              ? `import { anyApi, componentsGeneric } from "convex/server";
                 export const api = anyApi; export const internal = anyApi; export const components = componentsGeneric();`
              : "export {};";
        return { contents, loader: "js", resolveDir: functionsDir };
      });
    },
  };
  await esbuild.build({
    entryPoints: files,
    outbase: functionsDir,
    outdir,
    bundle: true,
    splitting: true,
    format: "esm",
    platform: "node",
    target: "node20",
    sourcemap: "inline",
    outExtension: { ".js": ".mjs" },
    entryNames: "[dir]/[name]",
    chunkNames: "_chunks/[name]-[hash]",
    plugins: [convexExternal, generatedFallback],
    logLevel: "silent",
    // CommonJS dependencies bundled into ESM may call require() for Node built-ins.
    banner: {
      js: "import { createRequire as __cr } from 'node:module'; const require = __cr(import.meta.url);",
    },
  });
  const app: LoadedApp = {
    functions: new Map(),
    schema: null,
    http: null,
    crons: null,
    authConfig: null,
    modulePaths: [],
  };
  for (const file of files) {
    const modulePath = modulePathOf(functionsDir, file);
    const built = path.join(outdir, `${modulePath}.mjs`);
    const mod = await import(pathToFileURL(built).href);
    if (modulePath === "schema") {
      app.schema = mod.default ?? null;
      continue;
    }
    if (modulePath === "auth.config") {
      app.authConfig = mod.default ?? null;
      continue;
    }
    if (modulePath === "http" && mod.default?.isRouter) app.http = mod.default;
    if (modulePath === "crons" && mod.default?.isCrons) app.crons = mod.default;
    app.modulePaths.push(modulePath);
    for (const [name, value] of Object.entries<any>(mod)) {
      if (!value || (typeof value !== "function" && typeof value !== "object")) continue;
      const kind: FunctionKind | null = value.isQuery
        ? "query"
        : value.isMutation
          ? "mutation"
          : value.isAction
            ? "action"
            : null;
      if (!kind) continue;
      const fnPath = `${modulePath}:${name}`;
      app.functions.set(fnPath, {
        path: fnPath,
        kind,
        visibility: value.isInternal ? "internal" : "public",
        fn: value,
        argsValidator: JSON.parse(value.exportArgs?.() ?? '{"type":"any"}'),
        returnsValidator: JSON.parse(value.exportReturns?.() ?? "null"),
      });
    }
  }
  // Older builds are unreachable now; keep only this one.
  for (const entry of fs.readdirSync(outRoot)) {
    if (entry.startsWith("build-") && path.join(outRoot, entry) !== outdir) {
      fs.rmSync(path.join(outRoot, entry), { recursive: true, force: true });
    }
  }
  return app;
}

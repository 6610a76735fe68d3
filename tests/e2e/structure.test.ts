/**
 * The two apps share code only through lib/: the storefront bundle must not pull in anything
 * from the workspace (src/), nor the workspace anything from the storefront. esbuild's
 * metafile lists every source file a bundle reads, which is exactly what the browser gets.
 */
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { ROOT } from "./harness";

async function bundledInputs(entry: string): Promise<string[]> {
  const result = await build({
    absWorkingDir: ROOT,
    entryPoints: [entry],
    bundle: true,
    write: false,
    metafile: true,
    format: "esm",
    outdir: "out",
    packages: "external",
    loader: { ".css": "empty", ".svg": "empty", ".png": "empty" },
    logLevel: "silent",
  });
  return Object.keys(result.metafile.inputs);
}

describe("front-end structure", () => {
  it("the storefront bundle imports nothing from src/", async () => {
    const inputs = await bundledInputs("storefront/main.tsx");
    // It did read the storefront and the shared lib/ (so the check below is not vacuous).
    expect(inputs).toContain("storefront/App.tsx");
    expect(inputs).toContain("lib/router.tsx");
    expect(inputs.filter((path) => path.startsWith("src/"))).toEqual([]);
  });

  it("the workspace bundle imports nothing from storefront/", async () => {
    const inputs = await bundledInputs("src/main.tsx");
    expect(inputs).toContain("src/app/App.tsx");
    expect(inputs.filter((path) => path.startsWith("storefront/"))).toEqual([]);
  });
});

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
  it("the storefront (browser islands and server-rendered pages) imports nothing from src/", async () => {
    const islands = await bundledInputs("storefront/main.tsx");
    const pages = await bundledInputs("storefront/App.tsx");
    // They did read the storefront and the shared lib/ (so the check below is not vacuous).
    expect(islands).toContain("storefront/islands/ProductView.tsx");
    expect(islands).toContain("lib/money.ts");
    expect(pages).toContain("storefront/pages/HomePage.tsx");
    expect([...islands, ...pages].filter((path) => path.startsWith("src/"))).toEqual([]);
  });

  it("the workspace bundle imports nothing from storefront/", async () => {
    const inputs = await bundledInputs("src/main.tsx");
    expect(inputs).toContain("src/app/App.tsx");
    expect(inputs.filter((path) => path.startsWith("storefront/"))).toEqual([]);
  });
});

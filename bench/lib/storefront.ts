/**
 * The shopper storefront as a browser sees it: the whole product (`scripts/start.ts`, built
 * bundles, seeded demo store) on a free port, and headless Chromium (playwright-core + the
 * system Chromium) loading the landing and a product page with an empty cache. Per page:
 * Largest Contentful Paint, the server's HTML time, and the JavaScript the page ran, gzipped.
 */
import { type ChildProcess, spawn } from "node:child_process";
import fs from "node:fs";
import { createServer } from "node:net";
import os from "node:os";
import path from "node:path";
import { gzipSync } from "node:zlib";
import { chromium } from "playwright-core";
import { findChrome } from "../../tests/e2e/findChrome";
import { type Summary, summarize } from "./stats";

export interface StorefrontPageResult {
  name: string;
  path: string;
  lcpMs: Summary;
  /** Time to the whole HTML document (server render included), fetched with no browser. */
  htmlMs: Summary;
  jsGzipBytes: number;
  jsFiles: number;
}

export async function measureStorefront(
  root: string,
  runs: number,
  progress: (msg: string) => void,
): Promise<StorefrontPageResult[]> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "storefront-bench-"));
  const port = await freePort();
  progress("storefront: starting the product (build if stale, seed the demo store)");
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/start.ts", "--data", dataDir, "--quiet"],
    {
      cwd: root,
      env: { ...process.env, PORT: String(port), CONVEX_PORT: "0", CONVEX_SITE_PORT: "0" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    },
  );
  try {
    const origin = await ready(child, port);
    const products = (await (await fetch(`${origin}/sitemap.xml`)).text()).match(
      /<loc>[^<]*\/p\/[^<]+<\/loc>/,
    );
    if (!products) throw new Error("the sitemap lists no product");
    const productPath = new URL(products[0].slice(5, -6)).pathname;
    const pages = [
      { name: "landing", path: "/" },
      { name: "product page", path: productPath },
    ];
    const browser = await chromium.launch({
      executablePath: process.env.CHROME_PATH || findChrome(),
      headless: true,
      args: ["--no-sandbox", "--disable-gpu", "--no-first-run"],
    });
    const out: StorefrontPageResult[] = [];
    try {
      for (const page of pages) {
        progress(`storefront: ${page.name} (${page.path}) × ${runs}`);
        out.push(await measurePage(browser, origin, page.name, page.path, runs));
      }
    } finally {
      await browser.close();
    }
    return out;
  } finally {
    try {
      if (child.pid) process.kill(-child.pid, "SIGTERM");
    } catch {}
    await new Promise((r) => setTimeout(r, 500));
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

async function measurePage(
  browser: import("playwright-core").Browser,
  origin: string,
  name: string,
  pagePath: string,
  runs: number,
): Promise<StorefrontPageResult> {
  const lcps: number[] = [];
  const htmls: number[] = [];
  let jsGzipBytes = 0;
  let jsFiles = 0;
  // One warm-up load (first requests compile templates and fill the short server cache).
  for (let i = -1; i < runs; i++) {
    const t0 = performance.now();
    await (await fetch(origin + pagePath)).text();
    if (i >= 0) htmls.push(performance.now() - t0);

    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const scripts: Array<Promise<Buffer>> = [];
    page.on("response", (res) => {
      if (res.request().resourceType() === "script") scripts.push(res.body());
    });
    await page.goto(origin + pagePath, { waitUntil: "load" });
    // Islands load their code on demand: let them finish before counting.
    await page.waitForLoadState("networkidle");
    const lcp = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          new PerformanceObserver((list) => {
            const entries = list.getEntries();
            resolve(entries[entries.length - 1].startTime);
          }).observe({ type: "largest-contentful-paint", buffered: true });
          setTimeout(() => resolve(Number.NaN), 3_000);
        }),
    );
    if (i >= 0) lcps.push(lcp);
    if (i === 0) {
      const bodies = await Promise.all(scripts);
      jsFiles = bodies.length;
      jsGzipBytes = bodies.reduce((n, b) => n + gzipSync(b, { level: 9 }).length, 0);
    }
    await context.close();
  }
  return {
    name,
    path: pagePath,
    lcpMs: summarize(lcps),
    htmlMs: summarize(htmls),
    jsGzipBytes,
    jsFiles,
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

function ready(child: ChildProcess, port: number): Promise<string> {
  let out = "";
  return new Promise((done, fail) => {
    const timer = setTimeout(() => fail(new Error(`start.ts not ready:\n${out}`)), 240_000);
    const onData = (b: Buffer) => {
      out += b.toString();
      if (/Ready in/.test(out)) {
        clearTimeout(timer);
        done(`http://127.0.0.1:${port}`);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      fail(new Error(`start.ts exited (code ${code}):\n${out}`));
    });
  });
}

/**
 * Starts the whole product the way a person does (`scripts/start.ts`), on a free port with a
 * fresh data folder, and drives it with headless Chromium through playwright-core.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { mkdirSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { ConvexHttpClient } from "convex/browser";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll } from "vitest";
import { api } from "../../convex/_generated/api";
import { ensureBuilt } from "../../scripts/build-if-stale";
import { findChrome } from "./findChrome";

export const ROOT = resolve(fileURLToPath(new URL("../..", import.meta.url)));

export interface RunningProduct {
  origin: string;
  storefrontUrl: string;
  dashboardUrl: string;
  backendUrl: string;
  siteUrl: string;
  dataDir: string;
  /** Everything the process printed so far (for failure messages). */
  output(): string;
  stop(): Promise<void>;
}

const READY_TIMEOUT_MS = 180_000;

export async function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer();
    server.once("error", fail);
    server.listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => done(port));
    });
  });
}

export async function startProduct(
  options: { env?: Record<string, string> } = {},
): Promise<RunningProduct> {
  await ensureBuilt(ROOT, () => {});
  const dataDir = await mkdtemp(join(tmpdir(), "cc-e2e-"));
  const port = await freePort();
  const child = spawn(
    process.execPath,
    ["--import", "tsx", "scripts/start.ts", "--data", dataDir, "--quiet"],
    {
      cwd: ROOT,
      env: {
        ...process.env,
        PORT: String(port),
        CONVEX_PORT: "0",
        CONVEX_SITE_PORT: "0",
        CLERK_JWT_ISSUER_DOMAIN: "",
        CLERK_PUBLISHABLE_KEY: "",
        VITE_CLERK_PUBLISHABLE_KEY: "",
        ...options.env,
      },
      stdio: ["ignore", "pipe", "pipe"],
      // Own process group, so stop() also ends anything start.ts spawned.
      detached: true,
    },
  );
  let out = "";
  child.stdout!.on("data", (b: Buffer) => (out += b.toString()));
  child.stderr!.on("data", (b: Buffer) => (out += b.toString()));

  const stop = async () => {
    await killGroup(child);
    await rm(dataDir, { recursive: true, force: true });
  };

  try {
    await waitFor(
      child,
      () => /Ready in/.test(out),
      () => out,
    );
  } catch (error) {
    await stop();
    throw error;
  }
  const url = (label: string) => {
    const m = out.match(new RegExp(`^${label}\\s+(http\\S+)`, "m"));
    if (!m) throw new Error(`start.ts did not print a ${label} URL:\n${out}`);
    return m[1];
  };
  const storefrontUrl = url("Storefront");
  return {
    origin: new URL(storefrontUrl).origin,
    storefrontUrl,
    dashboardUrl: url("Dashboard"),
    backendUrl: url("Backend"),
    siteUrl: url("Site"),
    dataDir,
    output: () => out,
    stop,
  };
}

function waitFor(child: ChildProcess, ready: () => boolean, output: () => string): Promise<void> {
  return new Promise((done, fail) => {
    const timer = setTimeout(() => {
      clearInterval(poll);
      fail(new Error(`start.ts was not ready after ${READY_TIMEOUT_MS / 1000}s:\n${output()}`));
    }, READY_TIMEOUT_MS);
    const poll = setInterval(() => {
      if (ready()) {
        clearTimeout(timer);
        clearInterval(poll);
        done();
      }
    }, 100);
    child.once("exit", (code) => {
      clearTimeout(timer);
      clearInterval(poll);
      fail(new Error(`start.ts exited early (code ${code}):\n${output()}`));
    });
  });
}

async function killGroup(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.pid === undefined) return;
  const exited = new Promise<void>((done) => child.once("exit", () => done()));
  try {
    process.kill(-child.pid, "SIGTERM");
  } catch {
    return;
  }
  const timeout = new Promise<"timeout">((done) => setTimeout(() => done("timeout"), 10_000));
  if ((await Promise.race([exited, timeout])) === "timeout") {
    try {
      process.kill(-child.pid, "SIGKILL");
    } catch {}
    await exited;
  }
}

/**
 * The product and a browser for one test file: started before its tests, stopped after them.
 * Returns stand-ins that forward to the real objects once started, so a file writes
 * `const { product, browser } = productForFile();` and uses them in its tests as they are.
 */
export function productForFile(): { product: RunningProduct; browser: Browser } {
  const live: { product?: RunningProduct; browser?: Browser } = {};
  beforeAll(async () => {
    live.product = await startProduct();
    live.browser = await launchBrowser();
  });
  afterAll(async () => {
    await live.browser?.close();
    await live.product?.stop();
  });
  return { product: forward(() => live.product), browser: forward(() => live.browser) };
}

function forward<T extends object>(get: () => T | undefined): T {
  return new Proxy({} as T, {
    get(_, key) {
      const target = get();
      if (!target) throw new Error("used before beforeAll started the product");
      const value = Reflect.get(target, key);
      return typeof value === "function" ? value.bind(target) : value;
    },
  });
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    // Set by globalSetup.ts (findChrome): CHROME_PATH, or the first Chromium on PATH.
    executablePath: process.env.CHROME_PATH || findChrome(),
    headless: true,
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--no-first-run",
    ],
  });
}

/** Parses a formatted money string ("$1,234.56") back to a number of units. */
export function parseMoney(text: string): number {
  const n = Number(text.replace(/[^0-9.-]/g, ""));
  if (Number.isNaN(n)) throw new Error(`not a money value: ${text}`);
  return n;
}

/** The newest link of a kind the server printed for an address (the offline inbox). */
export async function mailedLink(
  product: RunningProduct,
  kind: "reset" | "verify",
  email: string,
): Promise<string> {
  const pattern = new RegExp(
    `\\[outbox\\] [^\\n]* for ${email.replace(".", "\\.")}: (/dashboard/${kind}\\?token=[\\w-]+)`,
    "g",
  );
  for (let i = 0; i < 50; i++) {
    const found = [...product.output().matchAll(pattern)].at(-1);
    if (found) return found[1];
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${kind} link for ${email} in the server log`);
}

export const DEMO_OWNER = { email: "owner@demo.store", password: "northwind-demo" };

/** Signs in through the offline accounts form and waits for the workspace shell. */
export async function signInOffline(
  page: import("playwright-core").Page,
  dashboardUrl: string,
  who: { email: string; password: string } = DEMO_OWNER,
) {
  await page.goto(dashboardUrl);
  await page.getByRole("heading", { name: "Sign in" }).waitFor();
  await page.getByLabel("Email").fill(who.email);
  await page.getByLabel("Password").fill(who.password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
  try {
    await page.getByTestId("store-name").waitFor({ timeout: 30_000 });
  } catch (error) {
    const body = await page
      .locator("body")
      .textContent()
      .catch(() => "(no body)");
    throw new Error(`the workspace did not open after signing in; the page says:\n${body}`, {
      cause: error,
    });
  }
}

/** A token from the offline accounts, for calling functions as a user from Node. */
export async function offlineToken(
  origin: string,
  who: { email: string; password: string } = DEMO_OWNER,
): Promise<string> {
  const res = await fetch(`${origin}/auth/offline/sign-in`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify(who),
  });
  if (!res.ok) throw new Error(`sign-in failed: HTTP ${res.status} ${await res.text()}`);
  return ((await res.json()) as { token: string }).token;
}

/**
 * The owner invites `who` from Settings; `who` signs up in `mate`, confirms the address through
 * the mailed link and joins, ending in the workspace. The way a second member gets onto a board.
 */
export async function inviteTeammate(
  product: RunningProduct,
  owner: import("playwright-core").Page,
  mate: import("playwright-core").Page,
  who: { email: string; name: string; password: string },
  role: "admin" | "staff",
) {
  await signInOffline(owner, `${product.dashboardUrl}/settings`);
  const form = owner.getByTestId("invite-form");
  await form.getByLabel("Email").fill(who.email);
  await form.getByLabel("Role").selectOption(role);
  await form.getByRole("button", { name: "Send invite" }).click();
  const link = await owner.getByLabel("Invite link").inputValue({ timeout: 15_000 });
  await mate.goto(product.dashboardUrl);
  await mate.getByRole("button", { name: "Create an account" }).click();
  await mate.getByLabel("Email").fill(who.email);
  await mate.getByLabel("Name").fill(who.name);
  await mate.getByLabel("Password").fill(who.password);
  await mate.getByRole("button", { name: "Create account" }).click();
  await mate.getByText("You are not a member of any store yet").waitFor({ timeout: 30_000 });
  await mate.goto(`${product.origin}${await mailedLink(product, "verify", who.email)}`);
  await mate.getByText("Your email is confirmed").waitFor();
  await mate.goto(link);
  await mate
    .getByTestId("invite-details")
    .waitFor({ timeout: 30_000 })
    .catch(async (error) => {
      throw new Error(`no invite; the page says: ${await mate.locator("body").textContent()}`, {
        cause: error,
      });
    });
  await mate.getByRole("button", { name: /^Join / }).click();
  await mate.getByTestId("store-name").waitFor({ timeout: 30_000 });
}

/** A fresh browser context and page, collecting the page's uncaught errors. */
export async function openPage(browser: Browser, width = 1440) {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  return { context, page, errors };
}

/**
 * Screenshots at 1440 and 390 px into `SCREENSHOT_DIR` (or a temp folder named for the file):
 * `shoot(page, name)` writes `<name>-1440.png` and `<name>-390.png`.
 */
export function screenshots(folder: string) {
  const dir = process.env.SCREENSHOT_DIR ?? join(tmpdir(), folder);
  mkdirSync(dir, { recursive: true });
  return async (page: Page, name: string) => {
    for (const width of [1440, 390]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(200);
      await page.screenshot({ path: join(dir, `${name}-${width}.png`), fullPage: true });
    }
    await page.setViewportSize({ width: 1440, height: 900 });
  };
}

/** The demo owner over HTTP, and the demo store's id. */
export async function ownerClient(product: RunningProduct) {
  const c = new ConvexHttpClient(product.backendUrl);
  c.setAuth(await offlineToken(product.origin));
  // The first call as this user may come before any browser sign-in created the user row.
  await c.mutation(api.users.ensure, {});
  const me = await c.query(api.users.me, {});
  return { c, storeId: me!.stores[0].storeId };
}

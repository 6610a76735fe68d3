/**
 * Starting the embedded backend (../../../local-backend) for the suites in tests/local-backend/.
 *
 * The backend may not exist yet, or may fail to start: `startConformanceBackend` never throws.
 * It records the failure, and `requireBackend` turns it into a clear error inside each test, so a
 * missing backend fails every backend test loudly (while the convex-test half still runs).
 */
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import WebSocket from "ws";
import type { BackendOptions, RunningBackend } from "../../../local-backend/index.js";
import { newTokenSigner, type TokenSigner } from "./auth";

/** The conformance app's functions folder, handed to `startBackend`. */
export const CONFORMANCE_FUNCTIONS_DIR = fileURLToPath(
  new URL("../conformance-app/convex", import.meta.url),
);

export interface BackendHandle {
  backend: RunningBackend | null;
  startError: unknown;
  dataDir: string;
  clients: ConvexClient[];
  /** Signs JWTs the backend accepts (its auth.config.ts provider trusts this signer's key). */
  tokens: TokenSigner | null;
  /** Authenticated ConvexClients, one per identity (see `clientAs`). */
  identityClients: Map<string, Promise<ConvexClient>>;
}

export async function startConformanceBackend(
  label: string,
  options: Partial<BackendOptions> = {},
): Promise<BackendHandle> {
  const dataDir = await mkdtemp(join(tmpdir(), `local-backend-${label}-`));
  const handle: BackendHandle = {
    backend: null,
    startError: null,
    dataDir,
    clients: [],
    tokens: null,
    identityClients: new Map(),
  };
  try {
    handle.tokens = await newTokenSigner();
    const mod = (await import("../../../local-backend/index.js")) as {
      startBackend?: (options: BackendOptions) => Promise<RunningBackend>;
    };
    if (typeof mod.startBackend !== "function") {
      throw new Error("local-backend/index.js does not export startBackend");
    }
    handle.backend = await mod.startBackend({
      functionsDir: CONFORMANCE_FUNCTIONS_DIR,
      dataDir,
      port: 0,
      sitePort: 0,
      quiet: true,
      env: handle.tokens.env,
      ...options,
    });
  } catch (error) {
    handle.startError = error;
  }
  return handle;
}

/** The running backend, or a clear failure explaining why there is none. */
export function requireBackend(handle: BackendHandle | undefined): RunningBackend {
  if (handle?.backend) return handle.backend;
  const cause = handle?.startError;
  const detail =
    cause instanceof Error
      ? `${cause.name}: ${cause.message}`
      : String(cause ?? "beforeAll did not run");
  throw new Error(
    `The embedded backend is not available: startBackend() from local-backend/index.ts failed or ` +
      `could not be imported.\n  ${detail}`,
  );
}

/** A real ConvexClient (WebSocket sync protocol) for the backend; closed by stopConformanceBackend. */
export function newClient(handle: BackendHandle): ConvexClient {
  const backend = requireBackend(handle);
  const client = new ConvexClient(backend.url, {
    webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    unsavedChangesWarning: false,
    // Function errors are expected in these suites; the client would log each one to stderr.
    logger: false,
  });
  handle.clients.push(client);
  return client;
}

/**
 * A ConvexClient authenticated (`setAuth`) with a signed JWT for `identity`, once the backend has
 * confirmed the token; one per distinct identity, reused across scenarios.
 */
export function clientAs(
  handle: BackendHandle,
  identity: Record<string, unknown>,
): Promise<ConvexClient> {
  const key = JSON.stringify(identity);
  let client = handle.identityClients.get(key);
  if (!client) {
    client = (async () => {
      const tokens = handle.tokens;
      if (!tokens) throw new Error("no token signer: the backend did not start");
      const token = await tokens.sign(identity);
      const c = newClient(handle);
      const confirmed = new Promise<void>((resolve, reject) => {
        c.setAuth(
          async () => token,
          (ok) => (ok ? resolve() : reject(new Error(`the backend refused the token for ${key}`))),
        );
      });
      await withTimeout(confirmed, 20_000, `authenticating as ${key}`);
      return c;
    })();
    handle.identityClients.set(key, client);
  }
  return client;
}

/** An HTTP client with admin auth: may call internal functions. */
export function newAdminHttpClient(handle: BackendHandle): ConvexHttpClient {
  const backend = requireBackend(handle);
  return withAdminAuth(new ConvexHttpClient(backend.url), backend.adminKey);
}

/** `ConvexHttpClient.setAdminAuth` exists at runtime but is marked internal in convex's types. */
export function withAdminAuth(http: ConvexHttpClient, key: string): ConvexHttpClient {
  (http as unknown as { setAdminAuth(key: string): void }).setAdminAuth(key);
  return http;
}

export async function stopConformanceBackend(handle: BackendHandle | undefined): Promise<void> {
  if (!handle) return;
  await Promise.allSettled(handle.clients.map((c) => c.close()));
  if (handle.backend) await handle.backend.close();
  await rm(handle.dataDir, { recursive: true, force: true });
}

/** Rejects with a clear message when `promise` does not settle within `ms`. */
export function withTimeout<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

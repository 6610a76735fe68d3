/**
 * Public entry of the embedded Convex-compatible backend.
 *
 * It knows nothing about this product: it runs any Convex app folder (`convex/`) written against
 * the real `convex` npm package. `startBackend` is what `npm start`, the CLI and the tests use.
 */
export interface BackendOptions {
  /** Folder holding the Convex app's functions (schema.ts, http.ts, crons.ts, …). */
  functionsDir: string;
  /** Data folder (SQLite database, file storage, admin key). Created when missing. */
  dataDir: string;
  /** Port for the deployment URL (WebSocket sync + HTTP API). 0 picks a free port. */
  port?: number;
  /** Port for the HTTP actions ("site") URL. 0 picks a free port. */
  sitePort?: number;
  /** Wipe the data folder first. */
  reset?: boolean;
  /** Rebuild and reload functions when a file in functionsDir changes (keeps data). */
  watch?: boolean;
  /** Extra environment variables for functions (on top of process.env and .env.local). */
  env?: Record<string, string>;
  /** Host to bind, default 127.0.0.1. */
  host?: string;
  /** Silence the backend's own logging (function console output still goes to clients). */
  quiet?: boolean;
  /** How long an unused upload URL stays valid (default one hour). */
  uploadUrlTtlMs?: number;
  /** How long a session's saved mutation replies outlive its last socket (default 60 s). */
  mutationReplyGraceMs?: number;
  /** Cap on saved mutation replies across all sessions (default 10,000). */
  maxSavedMutationReplies?: number;
  /** Host header values the deployment port answers to ("name:port", or a bare name for any
   *  port); default any. */
  allowedHosts?: string[];
  /** The deployment's address as browsers reach it (e.g. through a proxy on the app's origin):
   *  file URLs (storage.getUrl, generateUploadUrl) are built on it. Default: its own URL. */
  publicUrl?: string;
  /** Browser origins the deployment port accepts (HTTP API and sync); default any. */
  allowedOrigins?: string[];
}

export interface RunningBackend {
  /** Deployment URL for ConvexClient / ConvexReactClient / ConvexHttpClient. */
  url: string;
  /** Where the app's HTTP actions (convex/http.ts) are served. */
  siteUrl: string;
  /** Admin key: lets ConvexHttpClient.setAdminAuth call internal functions. */
  adminKey: string;
  /** Run a function (public or internal) as admin, outside any client. */
  run(path: string, args?: Record<string, unknown>): Promise<unknown>;
  /** Number of user documents across all tables (used to decide whether to seed). */
  documentCount(): number;
  close(): Promise<void>;
  /** The function runtime, for tests and tools that need its counters. */
  runtime?: unknown;
}

export { startBackend } from "./server/start.js";

/** Shared helpers for tests that start the embedded backend. */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";

export function tmpDataDir(label: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `lb-${label}-`));
}

export async function waitFor<T>(
  fn: () => Promise<T> | T,
  ok: (v: T) => boolean,
  timeoutMs = 10_000,
): Promise<T> {
  const start = Date.now();
  let last: T = await fn();
  while (!ok(last)) {
    if (Date.now() - start > timeoutMs)
      throw new Error(`Timed out after ${timeoutMs} ms; last value: ${JSON.stringify(last)}`);
    await new Promise((r) => setTimeout(r, 50));
    last = await fn();
  }
  return last;
}

export const JOBS_APP = path.join(import.meta.dirname, "fixtures/jobs-app/convex");

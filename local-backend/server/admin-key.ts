/**
 * The deployment's admin key: created once per data folder (written to a temp file and renamed,
 * so a crash never leaves a half-written key), refused at start when empty or short, and
 * compared in constant time so response timing reveals nothing about it.
 */
import { createHash, randomBytes, timingSafeEqual } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Runtime } from "../runtime/runtime.js";

/** Shorter keys are refused: a guessable key gives full control of the deployment. */
export const MIN_ADMIN_KEY_LENGTH = 32;

export function loadOrCreateAdminKey(dataDir: string): string {
  const file = path.join(dataDir, "admin_key");
  if (fs.existsSync(file)) {
    const key = fs.readFileSync(file, "utf8").trim();
    if (key.length < MIN_ADMIN_KEY_LENGTH)
      throw new Error(
        `The admin key in ${file} is ${key.length === 0 ? "empty" : "too short"} (at least ${MIN_ADMIN_KEY_LENGTH} characters are needed). Delete the file to have a new one generated.`,
      );
    return key;
  }
  const key = `local|${randomBytes(24).toString("hex")}`;
  const tmp = `${file}.${randomBytes(6).toString("hex")}.tmp`;
  try {
    const fd = fs.openSync(tmp, "wx", 0o600);
    try {
      fs.writeSync(fd, key);
      fs.fsyncSync(fd);
    } finally {
      fs.closeSync(fd);
    }
    fs.renameSync(tmp, file);
  } finally {
    fs.rmSync(tmp, { force: true });
  }
  return key;
}

/** Constant-time comparison (hashing first makes the lengths equal). */
export function isAdminKey(runtime: Runtime, candidate: unknown): boolean {
  if (typeof candidate !== "string" || runtime.adminKey.length < MIN_ADMIN_KEY_LENGTH) return false;
  const a = createHash("sha256").update(candidate).digest();
  const b = createHash("sha256").update(runtime.adminKey).digest();
  return timingSafeEqual(a, b);
}

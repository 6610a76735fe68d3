/**
 * File storage: bytes on disk under <data>/storage, metadata in the `_storage` system table
 * (sha256, size, contentType), served by URL from the deployment origin as Convex does.
 */
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
// The module's own timers: the global ones are refused inside mutations (sandbox.ts), and
// generateUploadUrl runs inside one.
import { clearInterval, setInterval } from "node:timers";
import { realNow } from "./determinism.js";
import type { Runtime } from "./runtime.js";
import type { Tx } from "./tx.js";

const TABLE = "_storage";

/** A stable UUID-shaped id per file, standing in for Convex's internal storage UUID. */
function legacyStorageId(storageId: string): string {
  const h = createHash("sha256").update(`storage:${storageId}`).digest("hex");
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-4${h.slice(13, 16)}-${((Number.parseInt(h[16], 16) & 3) | 8).toString(16)}${h.slice(17, 20)}-${h.slice(20, 32)}`;
}

export class FileStorage {
  /** Upload tokens are single-use and short-lived. */
  private uploadTokens = new Map<string, number>();
  baseUrl = "";
  uploadUrlTtlMs = 60 * 60 * 1000;
  private purgeTimer: NodeJS.Timeout | null = null;

  constructor(
    private runtime: Runtime,
    readonly dir: string,
  ) {
    fs.mkdirSync(dir, { recursive: true, mode: 0o700 });
    fs.chmodSync(dir, 0o700);
  }

  get pendingUploadUrls(): number {
    return this.uploadTokens.size;
  }

  /** Forgets expired upload URLs; runs while any are pending, so unused ones never pile up. */
  private purgeExpired() {
    const now = realNow();
    for (const [token, expires] of this.uploadTokens)
      if (expires <= now) this.uploadTokens.delete(token);
    if (this.uploadTokens.size === 0 && this.purgeTimer) this.stop();
  }

  stop() {
    if (this.purgeTimer) clearInterval(this.purgeTimer);
    this.purgeTimer = null;
  }

  private filePath(storageId: string) {
    if (!/^[0-9a-z]+$/.test(storageId)) throw new Error(`Invalid storage ID: ${storageId}`);
    return path.join(this.dir, storageId);
  }

  generateUploadUrl(): string {
    const token = randomBytes(16).toString("hex");
    this.uploadTokens.set(token, realNow() + this.uploadUrlTtlMs);
    if (!this.purgeTimer) {
      this.purgeTimer = setInterval(
        () => this.purgeExpired(),
        Math.min(60_000, Math.max(50, this.uploadUrlTtlMs / 2)),
      );
      this.purgeTimer.unref();
    }
    return `${this.baseUrl}/api/storage/upload?token=${token}`;
  }

  consumeUploadToken(token: string | null): boolean {
    if (!token) return false;
    const expires = this.uploadTokens.get(token);
    this.uploadTokens.delete(token);
    return expires !== undefined && expires > realNow();
  }

  /** A fresh temp file path in the storage folder (uploads are written there, then renamed). */
  tempPath(): string {
    return path.join(this.dir, `.upload-${randomBytes(8).toString("hex")}`);
  }

  /** Stores bytes and records them; returns the storage ID. */
  async store(bytes: Uint8Array, contentType: string | null): Promise<string> {
    const sha256 = createHash("sha256").update(bytes).digest("base64");
    const tmp = this.tempPath();
    fs.writeFileSync(tmp, bytes, { mode: 0o600 });
    return this.adopt(tmp, { sha256, size: bytes.byteLength }, contentType);
  }

  /**
   * Records a file already written to `tmp` (a streamed upload) and moves it into place in the
   * same transaction; the temp file is removed whatever happens.
   */
  async adopt(
    tmp: string,
    meta: { sha256: string; size: number },
    contentType: string | null,
  ): Promise<string> {
    try {
      const { id } = await this.runtime.transact(async (tx) => {
        const fields: Record<string, any> = { sha256: meta.sha256, size: meta.size };
        if (contentType) fields.contentType = contentType;
        const id = tx.insertDoc(TABLE, fields);
        fs.renameSync(tmp, this.filePath(id));
        return { id };
      });
      return id;
    } finally {
      fs.rmSync(tmp, { force: true });
    }
  }

  async storeBlob(blob: Blob, expectedSha256?: string): Promise<string> {
    const bytes = new Uint8Array(await blob.arrayBuffer());
    if (expectedSha256) {
      const actual = createHash("sha256").update(bytes).digest("base64");
      if (
        actual !== expectedSha256 &&
        createHash("sha256").update(bytes).digest("hex") !== expectedSha256
      )
        throw new Error(
          `Hash mismatch: the blob's sha256 is ${actual}, expected ${expectedSha256}.`,
        );
    }
    return this.store(bytes, blob.type || null);
  }

  /** Metadata if the file exists (reads through the transaction when there is one). */
  lookup(tx: Tx | null, storageId: string) {
    if (this.runtime.db.tableName(storageId) !== TABLE) return null;
    const doc = tx ? tx.get(TABLE, storageId, true) : this.runtime.db.getDoc(storageId);
    return doc;
  }

  getMetadata(tx: Tx | null, storageId: string) {
    const doc = this.lookup(tx, storageId);
    if (!doc) return null;
    return {
      // Convex reports the file's internal storage id here, an older UUID format.
      storageId: legacyStorageId(storageId),
      sha256: Buffer.from(doc.sha256 as string, "base64").toString("hex"),
      size: doc.size,
      contentType: doc.contentType ?? null,
    };
  }

  getUrl(storageId: string): string | null {
    if (this.runtime.db.tableName(storageId) !== TABLE || !this.runtime.db.getDoc(storageId))
      return null;
    return `${this.baseUrl}/api/storage/${storageId}`;
  }

  async getBlob(storageId: string): Promise<Blob | null> {
    const doc = this.lookup(null, storageId);
    if (!doc) return null;
    const bytes = fs.readFileSync(this.filePath(storageId));
    return new Blob([bytes], { type: (doc.contentType as string | undefined) ?? "" });
  }

  /** For the HTTP route that serves files. */
  read(storageId: string): { bytes: Buffer; contentType: string | null; sha256: string } | null {
    const doc = this.lookup(null, storageId);
    if (!doc) return null;
    return {
      bytes: fs.readFileSync(this.filePath(storageId)),
      contentType: (doc.contentType as string) ?? null,
      sha256: doc.sha256 as string,
    };
  }

  async delete(tx: Tx | null, storageId: string) {
    const remove = (t: Tx) => {
      if (!this.lookup(t, storageId)) throw new Error(`Storage ID ${storageId} not found.`);
      t.delete(TABLE, storageId, true);
      t.afterCommit.push(() => fs.rmSync(this.filePath(storageId), { force: true }));
    };
    if (tx) remove(tx);
    else
      await this.runtime.transact(async (t) => {
        remove(t);
        return {};
      });
  }
}

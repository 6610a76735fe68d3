/** Convex's per-transaction and per-value limits, with Convex's wording. */
import { getConvexSize, type Value } from "convex/values";

const MiB = 1 << 20;
export const LIMITS = {
  bytesRead: 16 * MiB,
  bytesWritten: 16 * MiB,
  documentsRead: 32_000,
  databaseQueries: 4_096,
  documentsWritten: 16_000,
  functionsScheduled: 1_000,
  scheduledFunctionArgsBytes: 16 * MiB,
  documentSize: MiB,
  nestingDepth: 16,
  fieldsPerObject: 1024,
  arrayLength: 8192,
  argumentsSize: 16 * MiB,
  returnSize: 16 * MiB,
};

export class Metrics {
  bytesRead = 0;
  bytesWritten = 0;
  documentsRead = 0;
  documentsWritten = 0;
  databaseQueries = 0;
  functionsScheduled = 0;
  scheduledFunctionArgsBytes = 0;

  read(doc: Value) {
    this.readBytes(getConvexSize(doc));
  }
  /** Counts a document read by its size (callers that never decode it pass its JSON length). */
  readBytes(size: number) {
    this.documentsRead += 1;
    this.bytesRead += size;
    if (this.documentsRead > LIMITS.documentsRead)
      throw new Error(
        `Scanned too many documents in a single function execution (limit: ${LIMITS.documentsRead}). Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.`,
      );
    if (this.bytesRead > LIMITS.bytesRead)
      throw new Error(
        `Read too much data in a single function execution (limit: ${LIMITS.bytesRead} bytes). Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.`,
      );
  }
  query() {
    this.databaseQueries += 1;
    if (this.databaseQueries > LIMITS.databaseQueries)
      throw new Error(
        `Too many index ranges read in a single function execution (limit: ${LIMITS.databaseQueries}). Consider fewer db.get or db.query calls.`,
      );
  }
  write(doc: Value | null) {
    this.documentsWritten += 1;
    this.bytesWritten += doc === null ? 0 : getConvexSize(doc);
    if (this.documentsWritten > LIMITS.documentsWritten)
      throw new Error(
        `Wrote too many documents in a single function execution (limit: ${LIMITS.documentsWritten}). Consider splitting the work across several mutations.`,
      );
    if (this.bytesWritten > LIMITS.bytesWritten)
      throw new Error(
        `Wrote too much data in a single function execution (limit: ${LIMITS.bytesWritten} bytes). Consider splitting the work across several mutations.`,
      );
  }
  schedule(argsBytes: number) {
    this.functionsScheduled += 1;
    this.scheduledFunctionArgsBytes += argsBytes;
    if (this.functionsScheduled > LIMITS.functionsScheduled)
      throw new Error(
        `Scheduled too many functions in a single function execution (limit: ${LIMITS.functionsScheduled}).`,
      );
    if (this.scheduledFunctionArgsBytes > LIMITS.scheduledFunctionArgsBytes)
      throw new Error(
        `Scheduled function arguments too large in a single function execution (limit: ${LIMITS.scheduledFunctionArgsBytes} bytes).`,
      );
  }
  snapshot() {
    return {
      bytesRead: this.bytesRead,
      bytesWritten: this.bytesWritten,
      databaseQueries: this.databaseQueries,
      documentsRead: this.documentsRead,
      documentsWritten: this.documentsWritten,
      functionsScheduled: this.functionsScheduled,
      scheduledFunctionArgsBytes: this.scheduledFunctionArgsBytes,
    };
  }
}

/** Structural limits on a document about to be written. */
export function checkDocument(table: string, doc: Record<string, Value | undefined>) {
  const size = getConvexSize(doc as Value);
  if (size > LIMITS.documentSize)
    throw new Error(
      `Document is too large (${size} bytes > maximum size ${LIMITS.documentSize} bytes) in table "${table}".`,
    );
  checkValue(doc as Value, 0, "");
}

function checkValue(v: Value | undefined, depth: number, path: string) {
  if (v === null || typeof v !== "object" || v instanceof ArrayBuffer) return;
  if (depth >= LIMITS.nestingDepth)
    throw new Error(
      `Document is too nested (maximum depth ${LIMITS.nestingDepth}) at path ${path || "(root)"}.`,
    );
  if (Array.isArray(v)) {
    if (v.length > LIMITS.arrayLength)
      throw new Error(
        `Array length is too long (${v.length} > maximum length ${LIMITS.arrayLength}) at path ${path || "(root)"}.`,
      );
    for (let i = 0; i < v.length; i++) checkValue(v[i], depth + 1, `${path}[${i}]`);
    return;
  }
  const keys = Object.keys(v);
  if (keys.length > LIMITS.fieldsPerObject)
    throw new Error(
      `Object has too many fields (${keys.length} > maximum number ${LIMITS.fieldsPerObject}) at path ${path || "(root)"}.`,
    );
  for (const k of keys) checkValue((v as Record<string, Value>)[k], depth + 1, `${path}.${k}`);
}

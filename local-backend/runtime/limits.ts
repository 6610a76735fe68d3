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

type MetricName =
  | "bytesRead"
  | "bytesWritten"
  | "documentsRead"
  | "documentsWritten"
  | "databaseQueries"
  | "functionsScheduled"
  | "scheduledFunctionArgsBytes";
const METRIC_NAMES: MetricName[] = [
  "bytesRead",
  "bytesWritten",
  "databaseQueries",
  "documentsRead",
  "documentsWritten",
  "functionsScheduled",
  "scheduledFunctionArgsBytes",
];
/** Writes a rolled-back nested mutation made are undone, so they stop counting. */
const WRITE_METRICS: MetricName[] = [
  "bytesWritten",
  "documentsWritten",
  "functionsScheduled",
  "scheduledFunctionArgsBytes",
];
type Counts = Record<MetricName, number>;

/**
 * Usage against Convex's transaction limits. A nested ctx.runQuery/runMutation opens a layer
 * (`enter`) whose limits are the caller's, lowered by the call's `transactionLimits` (counted
 * from the usage at the call); `exit` restores the caller's limits, and a nested mutation that
 * threw also gives back the writes it made (they were rolled back), as Convex does.
 */
export class Metrics {
  bytesRead = 0;
  bytesWritten = 0;
  documentsRead = 0;
  documentsWritten = 0;
  databaseQueries = 0;
  functionsScheduled = 0;
  scheduledFunctionArgsBytes = 0;
  private limits: Counts = {
    bytesRead: LIMITS.bytesRead,
    bytesWritten: LIMITS.bytesWritten,
    documentsRead: LIMITS.documentsRead,
    documentsWritten: LIMITS.documentsWritten,
    databaseQueries: LIMITS.databaseQueries,
    functionsScheduled: LIMITS.functionsScheduled,
    scheduledFunctionArgsBytes: LIMITS.scheduledFunctionArgsBytes,
  };
  private layers: Array<{ limits: Counts; usage: Counts }> = [];

  private counts(): Counts {
    const out = {} as Counts;
    for (const k of METRIC_NAMES) out[k] = this[k];
    return out;
  }

  /** Starts a nested call; `requested` may only lower the limits, never raise them. */
  enter(requested: unknown) {
    const usage = this.counts();
    this.layers.push({ limits: { ...this.limits }, usage });
    if (requested === null || typeof requested !== "object") return;
    for (const k of METRIC_NAMES) {
      const r = (requested as Record<string, unknown>)[k];
      if (typeof r === "number" && Number.isFinite(r))
        this.limits[k] = Math.min(this.limits[k], usage[k] + r);
    }
  }

  /** Ends a nested call; `rolledBack` when its writes were undone. */
  exit(rolledBack: boolean) {
    const layer = this.layers.pop();
    if (!layer) return;
    this.limits = layer.limits;
    if (rolledBack) for (const k of WRITE_METRICS) this[k] = layer.usage[k];
  }

  read(doc: Value) {
    this.readBytes(getConvexSize(doc));
  }
  /** Counts a document read by its size (callers that never decode it pass its JSON length). */
  readBytes(size: number) {
    this.documentsRead += 1;
    this.bytesRead += size;
    if (this.documentsRead > this.limits.documentsRead)
      throw new Error(
        `Scanned too many documents in a single function execution (limit: ${this.limits.documentsRead}). Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.`,
      );
    if (this.bytesRead > this.limits.bytesRead)
      throw new Error(
        `Read too much data in a single function execution (limit: ${this.limits.bytesRead} bytes). Consider using smaller limits in your queries, paginating your queries, or using indexed queries with a selective index range expressions.`,
      );
  }
  query() {
    this.databaseQueries += 1;
    if (this.databaseQueries > this.limits.databaseQueries)
      throw new Error(
        `Too many index ranges read in a single function execution (limit: ${this.limits.databaseQueries}). Consider fewer db.get or db.query calls.`,
      );
  }
  write(doc: Value | null) {
    this.documentsWritten += 1;
    this.bytesWritten += doc === null ? 0 : getConvexSize(doc);
    if (this.documentsWritten > this.limits.documentsWritten)
      throw new Error(
        `Wrote too many documents in a single function execution (limit: ${this.limits.documentsWritten}). Consider splitting the work across several mutations.`,
      );
    if (this.bytesWritten > this.limits.bytesWritten)
      throw new Error(
        `Wrote too much data in a single function execution (limit: ${this.limits.bytesWritten} bytes). Consider splitting the work across several mutations.`,
      );
  }
  schedule(argsBytes: number) {
    this.functionsScheduled += 1;
    this.scheduledFunctionArgsBytes += argsBytes;
    if (this.functionsScheduled > this.limits.functionsScheduled)
      throw new Error(
        `Scheduled too many functions in a single function execution (limit: ${this.limits.functionsScheduled}).`,
      );
    if (this.scheduledFunctionArgsBytes > this.limits.scheduledFunctionArgsBytes)
      throw new Error(
        `Scheduled function arguments too large in a single function execution (limit: ${this.limits.scheduledFunctionArgsBytes} bytes).`,
      );
  }
  /** `ctx.meta.getTransactionMetrics()`: used and remaining per limit, as Convex reports it. */
  snapshot() {
    const out: Record<string, { used: number; remaining: number }> = {};
    for (const k of METRIC_NAMES)
      out[k] = { used: this[k], remaining: Math.max(0, this.limits[k] - this[k]) };
    return out;
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

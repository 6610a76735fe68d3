/**
 * Order-preserving binary encoding of Convex values, so SQLite's memcmp order on BLOB keys equals
 * Convex's value order (convex/src/values/compare.ts):
 *   missing < null < int64 < float64 < boolean < string < bytes < array < object.
 * Every encoded value is self-delimiting and never starts with 0xff, so appending 0xff to an
 * encoded prefix gives a key greater than every key that starts with that prefix.
 */
import type { Value } from "convex/values";

const TAG = {
  undefined: 0x01,
  null: 0x02,
  int64: 0x03,
  float64: 0x04,
  boolean: 0x05,
  string: 0x06,
  bytes: 0x07,
  array: 0x08,
  object: 0x09,
} as const;

/** Greater than any encoded value; used as an exclusive upper bound for "everything". */
export const MAX_KEY = Buffer.from([0xff]);
export const MIN_KEY = Buffer.alloc(0);

class Writer {
  private chunks: Buffer[] = [];
  private cur = Buffer.allocUnsafe(256);
  private pos = 0;
  byte(b: number) {
    if (this.pos >= this.cur.length) this.flush();
    this.cur[this.pos++] = b;
  }
  bytes(buf: Uint8Array) {
    for (const b of buf) this.byte(b);
  }
  private flush() {
    this.chunks.push(this.cur.subarray(0, this.pos));
    this.cur = Buffer.allocUnsafe(1024);
    this.pos = 0;
  }
  done(): Buffer {
    this.chunks.push(this.cur.subarray(0, this.pos));
    return Buffer.concat(this.chunks);
  }
}

// Escapes 0x00 as 0x00 0xff and terminates with 0x00 0x01, so shorter sorts first.
function escaped(w: Writer, data: Uint8Array) {
  for (const b of data) {
    w.byte(b);
    if (b === 0) w.byte(0xff);
  }
  w.byte(0);
  w.byte(1);
}

const f64 = new DataView(new ArrayBuffer(8));

function encodeInto(w: Writer, v: Value | undefined) {
  if (v === undefined) return w.byte(TAG.undefined);
  if (v === null) return w.byte(TAG.null);
  switch (typeof v) {
    case "bigint": {
      w.byte(TAG.int64);
      f64.setBigInt64(0, v);
      f64.setUint8(0, f64.getUint8(0) ^ 0x80);
      for (let i = 0; i < 8; i++) w.byte(f64.getUint8(i));
      return;
    }
    case "number": {
      w.byte(TAG.float64);
      f64.setFloat64(0, v);
      // IEEE-754 total order: flip all bits of negatives, only the sign bit of positives.
      // This also orders -NaN first and +NaN last, as Convex's compareNumbers does.
      const negative = (f64.getUint8(0) & 0x80) !== 0;
      for (let i = 0; i < 8; i++) {
        const b = f64.getUint8(i);
        w.byte(negative ? ~b & 0xff : i === 0 ? b ^ 0x80 : b);
      }
      return;
    }
    case "boolean":
      w.byte(TAG.boolean);
      w.byte(v ? 1 : 0);
      return;
    case "string":
      w.byte(TAG.string);
      escaped(w, Buffer.from(v, "utf8"));
      return;
  }
  if (v instanceof ArrayBuffer) {
    w.byte(TAG.bytes);
    escaped(w, new Uint8Array(v));
    return;
  }
  if (Array.isArray(v)) {
    w.byte(TAG.array);
    for (const item of v) encodeInto(w, item);
    w.byte(0);
    return;
  }
  if (typeof v === "object") {
    w.byte(TAG.object);
    const keys = Object.keys(v)
      .filter((k) => (v as Record<string, unknown>)[k] !== undefined)
      .sort(compareUtf8);
    for (const k of keys) {
      w.byte(0x02);
      escaped(w, Buffer.from(k, "utf8"));
      encodeInto(w, (v as Record<string, Value>)[k]);
    }
    w.byte(0x01);
    return;
  }
  throw new Error(`Cannot encode ${String(v)} as an index key`);
}

function compareUtf8(a: string, b: string) {
  return Buffer.compare(Buffer.from(a, "utf8"), Buffer.from(b, "utf8"));
}

/** Encodes a tuple of values (an index key or a key prefix). */
export function encodeKey(values: ReadonlyArray<Value | undefined>): Buffer {
  const w = new Writer();
  for (const v of values) encodeInto(w, v);
  return w.done();
}

/** The smallest key greater than every key that starts with `prefix`. */
export function prefixSuccessor(prefix: Buffer): Buffer {
  return Buffer.concat([prefix, MAX_KEY]);
}

/** Timestamps travel as base64 of a little-endian u64 (protocol.ts: longToU64). */
export function encodeTs(ts: bigint): string {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(ts);
  return b.toString("base64");
}

/**
 * Document IDs in Convex's format: base32 of [varint(table number)][16 random bytes][footer],
 * footer = fletcher16(previous bytes) XOR version (0). The table is recoverable from the ID, as
 * `normalizeId` and `v.id("table")` need.
 */
import { randomBytes } from "node:crypto";

const ALPHABET = "0123456789abcdefghjkmnpqrstvwxyz";
const INVERSE = new Map([...ALPHABET].map((c, i) => [c, i]));
const INTERNAL_ID_LEN = 16;
const VERSION = 0;

function base32Encode(data: Uint8Array): string {
  let out = "";
  let buffer = 0;
  let bits = 0;
  for (const byte of data) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += ALPHABET[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
    buffer &= (1 << bits) - 1;
  }
  if (bits > 0) out += ALPHABET[(buffer << (5 - bits)) & 31];
  return out;
}

function base32Decode(s: string): Uint8Array | null {
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const ch of s) {
    const v = INVERSE.get(ch);
    if (v === undefined) return null;
    buffer = (buffer << 5) | v;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
    buffer &= (1 << bits) - 1;
  }
  if (buffer !== 0) return null; // non-canonical trailing bits
  return Uint8Array.from(out);
}

function fletcher16(data: Uint8Array): number {
  let a = 0;
  let b = 0;
  for (const byte of data) {
    a = (a + byte) % 255;
    b = (b + a) % 255;
  }
  return (b << 8) | a;
}

function varint(n: number): number[] {
  const out: number[] = [];
  do {
    let byte = n & 0x7f;
    n >>>= 7;
    if (n > 0) byte |= 0x80;
    out.push(byte);
  } while (n > 0);
  return out;
}

// Random bytes drawn in blocks: one system call serves 256 IDs.
let pool = Buffer.alloc(0);
let poolPos = 0;
function random16(): Buffer {
  if (poolPos + INTERNAL_ID_LEN > pool.length) {
    pool = randomBytes(INTERNAL_ID_LEN * 256);
    poolPos = 0;
  }
  poolPos += INTERNAL_ID_LEN;
  return pool.subarray(poolPos - INTERNAL_ID_LEN, poolPos);
}

export function newDocumentId(tableNumber: number): string {
  const body = Uint8Array.from([...varint(tableNumber), ...random16()]);
  const footer = fletcher16(body) ^ VERSION;
  return base32Encode(Uint8Array.from([...body, footer >> 8, footer & 0xff]));
}

/** Returns the table number of a well-formed ID, or null for anything else. */
export function decodeDocumentId(id: string): number | null {
  if (typeof id !== "string" || id.length < 31 || id.length > 37) return null;
  const bytes = base32Decode(id);
  if (!bytes) return null;
  let tableNumber = 0;
  let shift = 0;
  let i = 0;
  for (; i < 5 && i < bytes.length; i++) {
    tableNumber += (bytes[i] & 0x7f) * 2 ** shift;
    shift += 7;
    if ((bytes[i] & 0x80) === 0) break;
  }
  i++;
  if (bytes.length !== i + INTERNAL_ID_LEN + 2) return null;
  const body = bytes.subarray(0, bytes.length - 2);
  const footer = (bytes[bytes.length - 2] << 8) | bytes[bytes.length - 1];
  if ((fletcher16(body) ^ VERSION) !== footer) return null;
  return tableNumber;
}

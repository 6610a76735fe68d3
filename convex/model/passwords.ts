// Password hashing for the offline accounts, with @noble/hashes' scrypt (audited, pure JS, so
// the same code runs in Convex's runtime and here). Called from actions only: hashing takes
// ~100 ms on purpose, and salts need real randomness.
import { scryptAsync } from "@noble/hashes/scrypt.js";
import { invalid } from "./errors";

// OWASP's scrypt floor (N=2^17, r=8, p=1) costs 128 MiB per hash; 2^15 keeps a small server
// answering several sign-ins at once while staying far above brute-force-friendly costs.
const PARAMS = { N: 2 ** 15, r: 8, p: 1, dkLen: 32 };

const toB64 = (bytes: Uint8Array) => btoa(String.fromCharCode(...bytes));
const fromB64 = (text: string) => Uint8Array.from(atob(text), (c) => c.charCodeAt(0));

/** "scrypt$N$r$p$salt$hash": the parameters travel with the hash, so they can be raised later. */
export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const hash = await scryptAsync(password.normalize("NFKC"), salt, PARAMS);
  return ["scrypt", PARAMS.N, PARAMS.r, PARAMS.p, toB64(salt), toB64(hash)].join("$");
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !salt || !hash) return false;
  const expected = fromB64(hash);
  const actual = await scryptAsync(password.normalize("NFKC"), fromB64(salt), {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    dkLen: expected.length,
  });
  // Constant time: every byte is compared whatever the first difference.
  let diff = actual.length ^ expected.length;
  for (let i = 0; i < expected.length; i++) diff |= actual[i] ^ expected[i];
  return diff === 0;
}

/** A hash of a random password, to spend the same time when the email is unknown. */
export const DECOY_HASH =
  "scrypt$32768$8$1$AAAAAAAAAAAAAAAAAAAAAA==$AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

export function assertPasswordRules(password: string): void {
  if (password.length < 10) throw invalid("Use at least 10 characters for your password.");
  if (password.length > 200) throw invalid("Use at most 200 characters for your password.");
}

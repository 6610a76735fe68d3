// Secrets for links (invites). Generated and hashed in actions only: in queries and mutations
// randomness is seeded for determinism, so it must not make secrets. Only the hash is stored.

/** 32 random bytes as base64url: the secret part of a link. */
export function newLinkSecret(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(32));
  let binary = "";
  for (const byte of bytes) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/\+/g, "-").replace(/\//g, "_").replace(/=+$/, "");
}

export async function hashSecret(secret: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(secret));
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

/** A link secret is 43 base64url characters; anything else is refused before any lookup. */
export function isLinkSecret(text: string): boolean {
  return /^[A-Za-z0-9_-]{43}$/.test(text);
}

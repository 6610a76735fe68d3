/**
 * A random id for this browser, kept in a first-party cookie: it keeps a shopper in the same
 * A/B price arm across pages and lets the server count views once. No personal data.
 */
const COOKIE = "sf_vid";

export function visitorId(): string {
  const found = document.cookie.match(/(?:^|;\s*)sf_vid=([A-Za-z0-9_-]{8,64})/);
  if (found) return found[1];
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  const id = Array.from(bytes, (b) => b.toString(16).padStart(2, "0")).join("");
  // biome-ignore lint/suspicious/noDocumentCookie: the Cookie Store API is not in every browser yet
  document.cookie = `${COOKIE}=${id}; path=/; max-age=${60 * 60 * 24 * 365}; samesite=lax`;
  return id;
}

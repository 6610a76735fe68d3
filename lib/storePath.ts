/**
 * Every store's storefront lives at /s/<store slug>/…; the server's default store is also
 * served at the root. One parser for the storefront, its server-side meta and the app server.
 */
export function splitStorePath(path: string): { slug: string | null; base: string; page: string } {
  const match = path.match(/^\/s\/([a-z0-9-]{1,60})(\/.*)?$/);
  if (match) return { slug: match[1], base: `/s/${match[1]}`, page: match[2] || "/" };
  return { slug: null, base: "", page: path };
}

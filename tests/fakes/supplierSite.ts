// A local fake supplier site on 127.0.0.1: the fixture pages (tests/fixtures/supplier-pages/)
// under AliExpress- and CJ-like paths, plus a missing page, a slow page, a non-HTML answer and
// a page with no product data. Used by convex-test (the import action fetches it) and the e2e.
// Set SUPPLIER_FETCH_ALLOW to its host so the importer accepts its http:// addresses.
import { readFileSync } from "node:fs";
import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const FIXTURES = join(fileURLToPath(new URL("..", import.meta.url)), "fixtures/supplier-pages");
const page = (name: string) => readFileSync(join(FIXTURES, name), "utf8");

/** Product pages by path, as the real sites lay them out. */
export const PAGES = {
  aliexpress: "/item/1005006123456789.html",
  aliexpressJsonLd: "/item/1005005987654321.html",
  cj: "/product/led-galaxy-star-projector-p-1619839741159440384.html",
  noProduct: "/item/1005000000000001.html",
  missing: "/item/1005000000000404.html",
  slow: "/item/1005000000000999.html",
  notHtml: "/item/1005000000000777.html",
} as const;

export type FakeSupplierSite = {
  /** http://127.0.0.1:<port> */
  origin: string;
  /** host:port, for SUPPLIER_FETCH_ALLOW. */
  host: string;
  url(path: string): string;
  /** Paths requested so far, with the User-Agent each sent. */
  requests: { path: string; userAgent: string }[];
  close(): Promise<void>;
};

export async function startFakeSupplierSite(
  options: { slowMs?: number } = {},
): Promise<FakeSupplierSite> {
  const slowMs = options.slowMs ?? 5_000;
  const routes = new Map<string, string>([
    [PAGES.aliexpress, page("aliexpress-item.html")],
    [PAGES.aliexpressJsonLd, page("aliexpress-jsonld.html")],
    [PAGES.cj, page("cj-product.html")],
    [PAGES.noProduct, page("no-product.html")],
  ]);
  const requests: FakeSupplierSite["requests"] = [];
  const timers = new Set<NodeJS.Timeout>();
  const server = createServer((req, res) => {
    const path = (req.url ?? "/").split("?")[0];
    requests.push({ path, userAgent: req.headers["user-agent"] ?? "" });
    const html = routes.get(path);
    if (html !== undefined) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.end(html);
    } else if (path === PAGES.slow) {
      res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
      res.write("<!DOCTYPE html><html><head>");
      const timer = setTimeout(() => {
        timers.delete(timer);
        res.end(page("aliexpress-item.html"));
      }, slowMs);
      timers.add(timer);
    } else if (path === PAGES.notHtml) {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: "not a page" }));
    } else {
      res.writeHead(404, { "content-type": "text/html; charset=utf-8" });
      res.end("<!DOCTYPE html><html><body><h1>Page not found</h1></body></html>");
    }
  });
  await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
  const { port } = server.address() as AddressInfo;
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    host: `127.0.0.1:${port}`,
    url: (path) => `${origin}${path}`,
    requests,
    close: () =>
      new Promise<void>((done) => {
        for (const timer of timers) clearTimeout(timer);
        server.closeAllConnections();
        server.close(() => done());
      }),
  };
}

// Which pasted addresses are supplier product pages we can import. Pure: checked before
// anything is written, so a bad paste says why and creates nothing.
import { invalid } from "../errors";

export type Supplier = "aliexpress" | "cj";
export type ProductUrl = { supplier: Supplier; externalId: string; url: string };

export const MAX_URL_LENGTH = 2_000;

// AliExpress: /item/<digits>.html, also /item/<slug>/<digits>.html (localized links) and the
// mobile site's /i/<digits>.html.
const ALIEXPRESS_PATH = /^\/(?:item\/(?:[^/]+\/)?|i\/)(\d{6,20})\.html$/;
// CJ Dropshipping: /product/<slug>-p-<id>.html (the id is a number or a UUID).
const CJ_PATH = /^\/product\/(?:[a-z0-9%-]*-)?p-([0-9A-Za-z-]{6,40})\.html$/i;

function isAliExpressHost(host: string): boolean {
  return (
    host === "aliexpress.com" ||
    host.endsWith(".aliexpress.com") ||
    host === "aliexpress.us" ||
    host.endsWith(".aliexpress.us")
  );
}

function isCjHost(host: string): boolean {
  return host === "cjdropshipping.com" || host.endsWith(".cjdropshipping.com");
}

/**
 * Hosts allowed for tests and demos (the local fake supplier site): SUPPLIER_FETCH_ALLOW names
 * them, comma-separated ("127.0.0.1:4567"). Pages there may be plain http.
 */
export function allowedTestHosts(env: string | undefined): string[] {
  return (env ?? "")
    .split(",")
    .map((host) => host.trim().toLowerCase())
    .filter(Boolean);
}

const short = (text: string) => (text.length > 80 ? `${text.slice(0, 77)}…` : text);
const notAProductPage = (pasted: string, why: string) =>
  invalid(`That is not an AliExpress or CJ product page: ${short(pasted)} (${why}).`);

/** The supplier, its product id and a tidy address; INVALID saying why for anything else. */
export function parseProductUrl(pasted: string, testHosts: string[] = []): ProductUrl {
  const text = pasted.trim();
  if (text.length === 0) throw invalid("Paste the address of an AliExpress or CJ product page.");
  if (text.length > MAX_URL_LENGTH) {
    throw invalid(
      `That address is ${text.length.toLocaleString("en")} characters long; a product page's address is under ${MAX_URL_LENGTH.toLocaleString("en")}. Copy it again from the address bar.`,
    );
  }
  let url: URL;
  try {
    url = new URL(text);
  } catch {
    throw notAProductPage(text, "not a web address");
  }
  const host = url.host.toLowerCase();
  const testHost = testHosts.includes(host);
  if (url.protocol !== "https:" && !(testHost && url.protocol === "http:")) {
    throw notAProductPage(text, "only https:// addresses are imported");
  }
  if (url.username !== "" || url.password !== "") {
    throw notAProductPage(text, "an address with a user name or password");
  }
  const hostname = url.hostname.toLowerCase();
  const path = url.pathname;
  let supplier: Supplier;
  if (isAliExpressHost(hostname)) supplier = "aliexpress";
  else if (isCjHost(hostname)) supplier = "cj";
  else if (testHost) supplier = CJ_PATH.test(path) ? "cj" : "aliexpress";
  else throw notAProductPage(text, `${hostname} is not AliExpress or CJ Dropshipping`);

  const match = (supplier === "aliexpress" ? ALIEXPRESS_PATH : CJ_PATH).exec(path);
  if (match === null) {
    throw notAProductPage(
      text,
      supplier === "aliexpress"
        ? "an AliExpress product address looks like https://www.aliexpress.com/item/1005001234567890.html"
        : "a CJ product address looks like https://cjdropshipping.com/product/name-p-1234567890.html",
    );
  }
  // Tracking parameters and fragments are dropped: the product is the same page.
  return { supplier, externalId: match[1], url: `${url.protocol}//${url.host}${path}` };
}

// Fetching a supplier page from an action: a browser's User-Agent (supplier sites refuse bare
// clients), a timeout, a size cap and an HTML check, each failure a sentence a person can act on.
import { invalid } from "../errors";

export const MAX_PAGE_BYTES = 5 * 1024 * 1024;
export const DEFAULT_TIMEOUT_MS = 15_000;
const USER_AGENT =
  "Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36";

export function fetchTimeoutMs(env: string | undefined): number {
  const ms = Number(env);
  return Number.isFinite(ms) && ms > 0 ? ms : DEFAULT_TIMEOUT_MS;
}

/** The page's HTML and final address; INVALID saying why it could not be loaded. */
export async function fetchPage(
  url: string,
  options: { timeoutMs: number; maxBytes?: number },
): Promise<{ html: string; finalUrl: string; bytes: number }> {
  const maxBytes = options.maxBytes ?? MAX_PAGE_BYTES;
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), options.timeoutMs);
  try {
    let response: Response;
    try {
      response = await fetch(url, {
        signal: controller.signal,
        redirect: "follow",
        headers: {
          "User-Agent": USER_AGENT,
          Accept: "text/html,application/xhtml+xml;q=0.9,*/*;q=0.8",
          "Accept-Language": "en-US,en;q=0.9",
        },
      });
    } catch (error) {
      if (controller.signal.aborted) {
        throw invalid(
          `The supplier page did not answer within ${Math.round(options.timeoutMs / 1000)} seconds. Try again in a minute.`,
        );
      }
      throw invalid(
        `The supplier page could not be reached (${error instanceof Error ? error.message : String(error)}).`,
      );
    }
    if (response.status === 404 || response.status === 410) {
      throw invalid(
        "The supplier says that page does not exist (404): the product may have been removed. Check the address.",
      );
    }
    if (!response.ok) {
      throw invalid(
        `The supplier page answered ${response.status} ${response.statusText}`.trim() +
          ". Try again later, or open it in a browser to check it loads.",
      );
    }
    const type = response.headers.get("content-type") ?? "";
    if (!/text\/html|application\/xhtml\+xml/i.test(type)) {
      throw invalid(
        `That address gives ${type.split(";")[0] || "something"} rather than a web page. Paste the product page's address.`,
      );
    }
    const declared = Number(response.headers.get("content-length"));
    if (Number.isFinite(declared) && declared > maxBytes) {
      throw invalid(
        `The supplier page is larger than ${maxBytes / 1024 / 1024} MB; not importing it.`,
      );
    }
    const reader = response.body?.getReader();
    if (reader === undefined) throw invalid("The supplier page was empty.");
    const chunks: Uint8Array[] = [];
    let bytes = 0;
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await reader.read();
      } catch {
        throw invalid(
          controller.signal.aborted
            ? `The supplier page did not finish loading within ${Math.round(options.timeoutMs / 1000)} seconds. Try again in a minute.`
            : "The supplier page stopped loading halfway. Try again.",
        );
      }
      if (next.done) break;
      bytes += next.value.byteLength;
      if (bytes > maxBytes) {
        await reader.cancel();
        throw invalid(
          `The supplier page is larger than ${maxBytes / 1024 / 1024} MB; not importing it.`,
        );
      }
      chunks.push(next.value);
    }
    const all = new Uint8Array(bytes);
    let offset = 0;
    for (const chunk of chunks) {
      all.set(chunk, offset);
      offset += chunk.byteLength;
    }
    return { html: new TextDecoder().decode(all), finalUrl: response.url || url, bytes };
  } finally {
    clearTimeout(timer);
  }
}

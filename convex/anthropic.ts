// The Claude client: @anthropic-ai/sdk's Messages API, streamed. Configured by ANTHROPIC_API_KEY,
// ANTHROPIC_MODEL and ANTHROPIC_BASE_URL (the local fake in tests/fakes/anthropic.ts). The SDK's
// own retries are off: we retry only 429 and 5xx (529 "overloaded" included), at most 3 times
// with backoff, and only before any text arrived (a retry mid-stream would write text twice).
import Anthropic from "@anthropic-ai/sdk";

export type ClaudeConfig = { apiKey: string; model: string; baseURL?: string };
export type ClaudeRequest = { system: string; prompt: string; maxTokens: number };
export type ClaudeResult =
  | { ok: true; text: string; inputTokens: number; outputTokens: number }
  | { ok: false; stopped: boolean; error: string; inputTokens: number; outputTokens: number };

export const MAX_RETRIES = 3;
// Backoff before retry n (1-based): 1 s, 2 s, 4 s, unless the server says when (retry-after).
const BACKOFF_MS = 1_000;
// Throttle: the draft's text is patched every ~150 ms or 200 characters, not per token.
const FLUSH_MS = 150;
const FLUSH_CHARS = 200;

export function isRetryable(status: number | undefined): boolean {
  return status === 429 || (status !== undefined && status >= 500);
}

function describe(error: unknown): string {
  if (error instanceof Anthropic.APIError) {
    const what = error.apiMessage ?? error.message;
    const type = error.type ? ` ${error.type}` : "";
    if (error.status === undefined) return `Could not reach Claude: ${what}`;
    return `Claude answered ${error.status}${type}: ${what}`;
  }
  return `Claude failed: ${error instanceof Error ? error.message : String(error)}`;
}

function waitFor(error: unknown, attempt: number): number {
  if (error instanceof Anthropic.APIError) {
    const after = Number(error.headers?.get("retry-after"));
    if (Number.isFinite(after) && after > 0) return Math.min(after * 1_000, 30_000);
  }
  return BACKOFF_MS * 2 ** (attempt - 1);
}

/**
 * Streams one answer. `append` receives the text in throttled chunks and returns false when
 * the draft no longer wants it (rejected meanwhile): the stream is aborted, `stopped` is true.
 */
export async function streamClaude(
  config: ClaudeConfig,
  request: ClaudeRequest,
  append: (chunk: string) => Promise<boolean>,
  sleep: (ms: number) => Promise<void> = (ms) => new Promise((r) => setTimeout(r, ms)),
): Promise<ClaudeResult> {
  const client = new Anthropic({
    apiKey: config.apiKey,
    baseURL: config.baseURL,
    maxRetries: 0,
  });
  let text = "";
  for (let attempt = 0; ; attempt++) {
    let pending = "";
    let lastFlush = Date.now();
    let stopped = false;
    const flush = async () => {
      if (pending === "") return;
      const chunk = pending;
      pending = "";
      lastFlush = Date.now();
      if (!(await append(chunk))) stopped = true;
    };
    try {
      const stream = client.messages.stream({
        model: config.model,
        max_tokens: request.maxTokens,
        system: request.system,
        messages: [{ role: "user", content: request.prompt }],
      });
      for await (const event of stream) {
        if (event.type !== "content_block_delta" || event.delta.type !== "text_delta") continue;
        text += event.delta.text;
        pending += event.delta.text;
        if (pending.length >= FLUSH_CHARS || Date.now() - lastFlush >= FLUSH_MS) await flush();
        if (stopped) {
          stream.abort();
          return { ok: false, stopped: true, error: "Stopped.", inputTokens: 0, outputTokens: 0 };
        }
      }
      const final = await stream.finalMessage();
      await flush();
      const usage = {
        inputTokens: final.usage.input_tokens,
        outputTokens: final.usage.output_tokens,
      };
      if (stopped) return { ok: false, stopped: true, error: "Stopped.", ...usage };
      return { ok: true, text, ...usage };
    } catch (error) {
      const status = error instanceof Anthropic.APIError ? error.status : undefined;
      const retry = isRetryable(status) && text === "" && attempt < MAX_RETRIES;
      if (!retry) {
        const tries = attempt > 0 ? ` (after ${attempt + 1} attempts)` : "";
        return {
          ok: false,
          stopped: false,
          error: `${describe(error)}${tries}`,
          inputTokens: 0,
          outputTokens: 0,
        };
      }
      await sleep(waitFor(error, attempt + 1));
    }
  }
}

// A local fake of Anthropic's Messages API on 127.0.0.1, speaking its documented wire format:
// POST /v1/messages with the API key (the x-api-key header, or `Authorization: Bearer <key>`,
// which is how @anthropic-ai/sdk 1.x sends an apiKey) and the anthropic-version header; a JSON Message when
// `stream` is absent, and with `stream: true` server-sent events in the documented order
// (message_start, content_block_start, ping, content_block_delta × n with text_delta,
// content_block_stop, message_delta with usage, message_stop). Errors answer with their HTTP
// status and `{type: "error", error: {type, message}}` (429 rate_limit_error, 500 api_error,
// 529 overloaded_error, 400 invalid_request_error, 401 authentication_error). It records every
// request so tests assert what the real SDK sent.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Json = Record<string, unknown>;

export type AnthropicRequest = {
  path: string;
  apiKey?: string;
  version?: string;
  body: Json;
};

const ERROR_TYPES: Record<number, string> = {
  400: "invalid_request_error",
  401: "authentication_error",
  429: "rate_limit_error",
  500: "api_error",
  529: "overloaded_error",
};

export type FakeAnthropic = {
  url: string;
  apiKey: string;
  requests: AnthropicRequest[];
  /** The next replies' text (one per call, then `defaultReply`). */
  reply(...texts: string[]): void;
  defaultReply: string;
  /** Usage reported for each reply. */
  usage: { input_tokens: number; output_tokens: number };
  /** The next calls answer these HTTP errors, in order, before any reply. */
  failNext(...statuses: number[]): void;
  /** Characters per text_delta event. */
  deltaSize: number;
  reset(): void;
  close(): Promise<void>;
};

async function readJson(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : (JSON.parse(text) as Json);
}

function error(res: ServerResponse, status: number, message: string) {
  res.writeHead(status, { "content-type": "application/json", "request-id": `req_${hex(6)}` });
  res.end(
    JSON.stringify({ type: "error", error: { type: ERROR_TYPES[status] ?? "api_error", message } }),
  );
}

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

function sse(res: ServerResponse, event: string, data: Json) {
  res.write(`event: ${event}\ndata: ${JSON.stringify({ type: event, ...data })}\n\n`);
}

export async function startFakeAnthropic(): Promise<FakeAnthropic> {
  const apiKey = `sk-ant-fake-${hex(12)}`;
  const requests: AnthropicRequest[] = [];
  let replies: string[] = [];
  let failures: number[] = [];

  const fake: FakeAnthropic = {
    url: "",
    apiKey,
    requests,
    defaultReply:
      "Title: Fake Product\nDescription:\nA fake description from the fake Claude.\n- One",
    usage: { input_tokens: 120, output_tokens: 80 },
    deltaSize: 7,
    reply: (...texts) => {
      replies.push(...texts);
    },
    failNext: (...statuses) => {
      failures.push(...statuses);
    },
    reset: () => {
      requests.length = 0;
      replies = [];
      failures = [];
      fake.usage = { input_tokens: 120, output_tokens: 80 };
    },
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };

  const server = createServer((req, res) => {
    void (async () => {
      const body = await readJson(req);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const apiKeyHeader = (req.headers["x-api-key"] as string | undefined) ?? bearer;
      const version = req.headers["anthropic-version"] as string | undefined;
      requests.push({ path: req.url ?? "", apiKey: apiKeyHeader, version, body });
      if (req.method !== "POST" || req.url !== "/v1/messages") {
        return error(res, 404, `Not found: ${req.method} ${req.url}`);
      }
      if (apiKeyHeader !== apiKey) return error(res, 401, "invalid x-api-key");
      if (!version) return error(res, 400, "anthropic-version: header is required");
      const failure = failures.shift();
      if (failure !== undefined) {
        const words: Record<number, string> = {
          429: "Number of request tokens has exceeded your per-minute rate limit",
          500: "Internal server error",
          529: "Overloaded",
          400: "max_tokens: Field required",
        };
        return error(res, failure, words[failure] ?? "Error");
      }
      if (typeof body.model !== "string" || !Array.isArray(body.messages)) {
        return error(res, 400, "model and messages are required");
      }
      const text = replies.shift() ?? fake.defaultReply;
      const id = `msg_${hex(12)}`;
      const model = body.model;
      const usage = fake.usage;
      if (body.stream !== true) {
        res.writeHead(200, { "content-type": "application/json" });
        res.end(
          JSON.stringify({
            id,
            type: "message",
            role: "assistant",
            model,
            content: [{ type: "text", text }],
            stop_reason: "end_turn",
            stop_sequence: null,
            usage,
          }),
        );
        return;
      }
      res.writeHead(200, {
        "content-type": "text/event-stream",
        "cache-control": "no-cache",
        connection: "keep-alive",
      });
      sse(res, "message_start", {
        message: {
          id,
          type: "message",
          role: "assistant",
          model,
          content: [],
          stop_reason: null,
          stop_sequence: null,
          usage: { input_tokens: usage.input_tokens, output_tokens: 1 },
        },
      });
      sse(res, "content_block_start", { index: 0, content_block: { type: "text", text: "" } });
      sse(res, "ping", {});
      for (let i = 0; i < text.length; i += fake.deltaSize) {
        sse(res, "content_block_delta", {
          index: 0,
          delta: { type: "text_delta", text: text.slice(i, i + fake.deltaSize) },
        });
      }
      sse(res, "content_block_stop", { index: 0 });
      sse(res, "message_delta", {
        delta: { stop_reason: "end_turn", stop_sequence: null },
        usage: { output_tokens: usage.output_tokens },
      });
      sse(res, "message_stop", {});
      res.end();
    })();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  fake.url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return fake;
}

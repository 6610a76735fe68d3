// A local fake of Postmark's email API on 127.0.0.1 (POST /email), speaking its documented wire
// format: JSON in (From, To, Subject, TextBody, MessageStream), the X-Postmark-Server-Token
// header, and JSON out ({To, SubmittedAt, MessageID, ErrorCode, Message}); errors use Postmark's
// codes (10: bad server token, 300: invalid email request) with HTTP 401/422.
import { randomUUID } from "node:crypto";
import { createServer, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

export type SentEmail = {
  From: string;
  To: string;
  Subject: string;
  TextBody?: string;
  MessageStream?: string;
  Tag?: string;
};

export type FakeEmail = {
  url: string;
  token: string;
  sent: SentEmail[];
  /** Make the next `count` calls answer 500. */
  failNext(count: number): void;
  close(): Promise<void>;
};

function send(res: ServerResponse, status: number, body: Record<string, unknown>) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

export async function startFakeEmail(token = "pm-server-token-test"): Promise<FakeEmail> {
  const sent: SentEmail[] = [];
  let failures = 0;
  const server = createServer(async (req, res) => {
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    if (req.method !== "POST" || req.url !== "/email") {
      return send(res, 404, { ErrorCode: 404, Message: "Not found." });
    }
    if (failures > 0) {
      failures -= 1;
      return send(res, 500, { ErrorCode: 500, Message: "Fake outage." });
    }
    if (req.headers["x-postmark-server-token"] !== token) {
      return send(res, 401, {
        ErrorCode: 10,
        Message: "Request does not contain a valid Server token.",
      });
    }
    let body: Partial<SentEmail>;
    try {
      body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
    } catch {
      return send(res, 422, { ErrorCode: 402, Message: "Received invalid JSON input." });
    }
    if (!body.From || !body.To || !body.Subject || !(body.TextBody ?? "").length) {
      return send(res, 422, { ErrorCode: 300, Message: "Invalid email request." });
    }
    sent.push(body as SentEmail);
    send(res, 200, {
      To: body.To,
      SubmittedAt: new Date().toISOString(),
      MessageID: randomUUID(),
      ErrorCode: 0,
      Message: "OK",
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    sent,
    failNext(count) {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

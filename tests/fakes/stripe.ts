// A local fake of the Stripe API on 127.0.0.1, speaking its documented wire format closely
// enough for our client: form-encoded requests with bracketed keys
// (line_items[0][price_data][unit_amount]=…), Bearer auth, Idempotency-Key replays, JSON
// objects with `object: "checkout.session"`, and Stripe's error envelope. It also signs
// webhook events the way Stripe does (Stripe-Signature: t=<unix>,v1=<HMAC-SHA256 hex of
// "<t>.<payload>">), so the webhook route can be driven with real signatures.
import { createHmac, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Json = Record<string, unknown>;

/** Stripe's form encoding, decoded: a[b][0][c]=1 → { a: { b: [{ c: "1" }] } }. */
export function decodeForm(body: string): Json {
  const out: Json = {};
  for (const [rawKey, value] of new URLSearchParams(body)) {
    const path = rawKey.split(/\[|\]\[|\]/).filter((part) => part !== "");
    let node: Record<string, unknown> | unknown[] = out;
    path.forEach((part, index) => {
      const last = index === path.length - 1;
      const nextIsIndex = !last && /^\d+$/.test(path[index + 1]);
      const key = Array.isArray(node) ? Number(part) : part;
      const container = node as Record<string | number, unknown>;
      if (last) {
        container[key] = value;
      } else {
        container[key] ??= nextIsIndex ? [] : {};
        node = container[key] as Record<string, unknown> | unknown[];
      }
    });
  }
  return out;
}

export type RecordedRequest = {
  method: string;
  path: string;
  authorization?: string;
  idempotencyKey?: string;
  stripeVersion?: string;
  body: Json;
};

export type FakeStripe = {
  url: string;
  apiKey: string;
  requests: RecordedRequest[];
  sessions: Map<string, Json>;
  /** Refunds made (an idempotent replay adds none). */
  refunds: Json[];
  /** Make the next `count` API calls answer 500 (a Stripe outage). */
  failNext(count: number): void;
  close(): Promise<void>;
};

function id(prefix: string): string {
  return `${prefix}_${randomBytes(12).toString("hex")}`;
}

function send(res: ServerResponse, status: number, body: Json) {
  res.writeHead(status, { "content-type": "application/json", "request-id": id("req") });
  res.end(JSON.stringify(body));
}

function stripeError(res: ServerResponse, status: number, type: string, message: string) {
  send(res, status, { error: { type, message } });
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString("utf8");
}

/** Builds a checkout.session as Stripe returns it from POST /v1/checkout/sessions. */
function sessionFrom(params: Json, origin: string): Json {
  const lines = (params.line_items as Json[] | undefined) ?? [];
  const subtotal = lines.reduce((sum, line) => {
    const price = line.price_data as Json;
    return sum + Number(price.unit_amount) * Number(line.quantity);
  }, 0);
  const shippingOptions = (params.shipping_options as Json[] | undefined) ?? [];
  const shipping = shippingOptions.length
    ? Number(((shippingOptions[0].shipping_rate_data as Json).fixed_amount as Json).amount)
    : 0;
  const sessionId = id("cs_test");
  return {
    id: sessionId,
    object: "checkout.session",
    mode: params.mode,
    status: "open",
    payment_status: "unpaid",
    currency: (lines[0]?.price_data as Json | undefined)?.currency ?? "usd",
    amount_subtotal: subtotal,
    amount_total: subtotal + shipping,
    customer_email: params.customer_email ?? null,
    client_reference_id: params.client_reference_id ?? null,
    // Stripe fills this once paid; the fake names it up front so a refund can find it.
    payment_intent: id("pi_test"),
    metadata: params.metadata ?? {},
    success_url: params.success_url,
    cancel_url: params.cancel_url,
    expires_at: Number(params.expires_at),
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    url: `${origin}/pay/${sessionId}`,
  };
}

export async function startFakeStripe(apiKey = "sk_test_fake_123"): Promise<FakeStripe> {
  const requests: RecordedRequest[] = [];
  const sessions = new Map<string, Json>();
  const coupons = new Map<string, Json>();
  const refunds: Json[] = [];
  const idempotent = new Map<string, Json>();
  let failures = 0;
  let origin = "";

  const server = createServer(async (req, res) => {
    const raw = await readBody(req);
    const url = new URL(req.url ?? "/", origin);
    const recorded: RecordedRequest = {
      method: req.method ?? "GET",
      path: url.pathname,
      authorization: req.headers.authorization,
      idempotencyKey: req.headers["idempotency-key"] as string | undefined,
      stripeVersion: req.headers["stripe-version"] as string | undefined,
      body: raw ? decodeForm(raw) : {},
    };
    requests.push(recorded);
    if (failures > 0) {
      failures -= 1;
      return stripeError(res, 500, "api_error", "Fake outage.");
    }
    if (req.headers.authorization !== `Bearer ${apiKey}`) {
      return stripeError(res, 401, "invalid_request_error", "Invalid API Key provided.");
    }
    const replayKey = recorded.idempotencyKey && `${recorded.path}|${recorded.idempotencyKey}`;
    if (req.method === "POST" && replayKey && idempotent.has(replayKey)) {
      return send(res, 200, idempotent.get(replayKey)!);
    }
    let result: Json | undefined;
    if (req.method === "POST" && url.pathname === "/v1/checkout/sessions") {
      const body = recorded.body;
      for (const field of ["mode", "success_url", "line_items"]) {
        if (body[field] === undefined) {
          return stripeError(
            res,
            400,
            "invalid_request_error",
            `Missing required param: ${field}.`,
          );
        }
      }
      result = sessionFrom(body, origin);
      const discounts = (body.discounts as Json[] | undefined) ?? [];
      for (const discount of discounts) {
        const coupon = coupons.get(String(discount.coupon));
        if (coupon === undefined) {
          return stripeError(res, 400, "invalid_request_error", "No such coupon.");
        }
        result.amount_total = Number(result.amount_total) - Number(coupon.amount_off);
      }
      sessions.set(String(result.id), result);
    } else if (req.method === "POST" && url.pathname === "/v1/coupons") {
      result = {
        id: id("co"),
        object: "coupon",
        amount_off: Number(recorded.body.amount_off),
        currency: recorded.body.currency,
        duration: recorded.body.duration,
        max_redemptions: Number(recorded.body.max_redemptions),
        name: recorded.body.name ?? null,
        valid: true,
      };
      coupons.set(String(result.id), result);
    } else if (
      req.method === "POST" &&
      /^\/v1\/checkout\/sessions\/[^/]+\/expire$/.test(url.pathname)
    ) {
      const found = sessions.get(url.pathname.split("/")[4]);
      if (!found) return stripeError(res, 404, "invalid_request_error", "No such checkout.session");
      if (found.status !== "open") {
        return stripeError(
          res,
          400,
          "invalid_request_error",
          `Only Checkout Sessions with a status in ["open"] can be expired.`,
        );
      }
      found.status = "expired";
      result = found;
    } else if (req.method === "POST" && url.pathname === "/v1/refunds") {
      const intent = String(recorded.body.payment_intent ?? "");
      const paid = [...sessions.values()].find((s) => s.payment_intent === intent);
      if (!paid) {
        return stripeError(
          res,
          404,
          "invalid_request_error",
          `No such payment_intent: '${intent}'`,
        );
      }
      const amount = Number(recorded.body.amount ?? paid?.amount_total ?? 0);
      const refunded = refunds
        .filter((r) => r.payment_intent === intent)
        .reduce((sum, r) => sum + Number(r.amount), 0);
      if (paid && refunded + amount > Number(paid.amount_total)) {
        return stripeError(
          res,
          400,
          "invalid_request_error",
          `Refund amount (${amount}) is greater than unrefunded amount on charge.`,
        );
      }
      result = {
        id: id("re"),
        object: "refund",
        amount,
        currency: paid?.currency ?? "usd",
        payment_intent: intent,
        status: "succeeded",
        metadata: recorded.body.metadata ?? {},
        created: Math.floor(Date.now() / 1000),
      };
      refunds.push(result);
    } else if (req.method === "GET" && url.pathname.startsWith("/v1/checkout/sessions/")) {
      const found = sessions.get(url.pathname.split("/").pop()!);
      if (!found) return stripeError(res, 404, "invalid_request_error", "No such checkout.session");
      result = found;
    } else {
      return stripeError(res, 404, "invalid_request_error", `Unrecognized request URL.`);
    }
    if (replayKey) idempotent.set(replayKey, result);
    send(res, 200, result);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  return {
    url: origin,
    apiKey,
    requests,
    sessions,
    refunds,
    failNext(count) {
      failures = count;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** The Stripe-Signature header for `payload`, as Stripe computes it. */
export function signWebhook(
  payload: string,
  secret: string,
  timestamp = Math.floor(Date.now() / 1000),
) {
  const signature = createHmac("sha256", secret).update(`${timestamp}.${payload}`).digest("hex");
  return `t=${timestamp},v1=${signature}`;
}

/** An event wrapping a session, as Stripe delivers it to a webhook endpoint. */
export function sessionEvent(
  type:
    | "checkout.session.completed"
    | "checkout.session.expired"
    | "checkout.session.async_payment_failed",
  session: Json,
  overrides: Partial<Json> = {},
): Json {
  const settled =
    type === "checkout.session.completed"
      ? { ...session, status: "complete", payment_status: "paid" }
      : type === "checkout.session.async_payment_failed"
        ? { ...session, status: "complete", payment_status: "unpaid" }
        : { ...session, status: "expired" };
  return {
    id: id("evt"),
    object: "event",
    api_version: "2025-01-27.acacia",
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    pending_webhooks: 1,
    request: { id: null, idempotency_key: null },
    type,
    data: { object: settled },
    ...overrides,
  };
}

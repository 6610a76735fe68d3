// A local fake of CJ Dropshipping's REST API 2.0 on 127.0.0.1, speaking its documented wire
// format: JSON POST bodies, the CJ-Access-Token header, and every answer wrapped in CJ's
// envelope {code, result, message, data, requestId}. It issues tokens for one API key, rejects
// unknown tokens (code 1600001), refuses a repeated orderNumber, and records every request so
// tests assert what our client sent.
import { randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";

type Json = Record<string, unknown>;

export type CjRequest = { path: string; token?: string; contentType?: string; body: Json };

export type FakeCj = {
  url: string;
  apiKey: string;
  requests: CjRequest[];
  /** CJ order ids by our order number. */
  orders: Map<string, { orderId: string; body: Json }>;
  /** Make the next `count` order calls answer 500 (a CJ outage). */
  failNext(count: number): void;
  /** The next order call answers this CJ error code and message instead. */
  refuseNext(code: number, message: string): void;
  close(): Promise<void>;
};

const hex = (bytes: number) => randomBytes(bytes).toString("hex");

function envelope(
  res: ServerResponse,
  status: number,
  code: number,
  message: string,
  data: unknown,
) {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify({ code, result: code === 200, message, data, requestId: hex(8) }));
}

async function readJson(req: IncomingMessage): Promise<Json> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString("utf8");
  return text === "" ? {} : (JSON.parse(text) as Json);
}

export async function startFakeCj(): Promise<FakeCj> {
  const apiKey = `CJ1234567@api@${hex(16)}`;
  const tokens = new Set<string>();
  const requests: CjRequest[] = [];
  const orders = new Map<string, { orderId: string; body: Json }>();
  let failures = 0;
  let refusal: { code: number; message: string } | null = null;

  const server = createServer(async (req, res) => {
    const path = (req.url ?? "").replace(/^\/api2\.0\/v1/, "");
    let body: Json;
    try {
      body = await readJson(req);
    } catch {
      envelope(res, 400, 1600100, "Param error: body is not JSON", null);
      return;
    }
    const token = req.headers["cj-access-token"] as string | undefined;
    requests.push({ path, token, contentType: req.headers["content-type"], body });
    if (req.method !== "POST") return envelope(res, 405, 1600100, "Method not allowed", null);

    if (path === "/authentication/getAccessToken") {
      if (body.apiKey !== apiKey) return envelope(res, 200, 1600001, "Invalid API key", null);
      const accessToken = hex(16);
      tokens.add(accessToken);
      const expiry = new Date(Date.now() + 15 * 86_400_000).toISOString();
      return envelope(res, 200, 200, "Success", {
        openId: 123456789,
        accessToken,
        accessTokenExpiryDate: expiry,
        refreshToken: hex(16),
        refreshTokenExpiryDate: new Date(Date.now() + 180 * 86_400_000).toISOString(),
        createDate: new Date().toISOString(),
      });
    }
    if (path === "/shopping/order/createOrderV2") {
      if (!token || !tokens.has(token)) {
        return envelope(res, 200, 1600001, "Invalid token", null);
      }
      if (failures > 0) {
        failures -= 1;
        return envelope(res, 500, 500, "Internal error", null);
      }
      if (refusal) {
        const { code, message } = refusal;
        refusal = null;
        return envelope(res, 200, code, message, null);
      }
      const number = body.orderNumber;
      const products = body.products;
      if (typeof number !== "string" || number === "" || !Array.isArray(products)) {
        return envelope(
          res,
          200,
          1600100,
          "Param error: orderNumber and products are required",
          null,
        );
      }
      if (orders.has(number)) {
        return envelope(res, 200, 1600100, `orderNumber ${number} already exists`, null);
      }
      const orderId = `CJ${Date.now()}${hex(3)}`;
      orders.set(number, { orderId, body });
      const quantity = products.reduce((sum, p) => sum + Number((p as Json).quantity ?? 0), 0);
      return envelope(res, 200, 200, "Success", {
        orderId,
        orderNumber: number,
        shipmentOrderId: null,
        // $4.10 a unit, $3.25 postage: dollars, as CJ answers.
        productAmount: Math.round(quantity * 410) / 100,
        postageAmount: 3.25,
        orderAmount: Math.round(quantity * 410 + 325) / 100,
        orderStatus: "CREATED",
      });
    }
    envelope(res, 404, 1600100, `Unknown path ${path}`, null);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/api2.0/v1`,
    apiKey,
    requests,
    orders,
    failNext(count) {
      failures = count;
    },
    refuseNext(code, message) {
      refusal = { code, message };
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

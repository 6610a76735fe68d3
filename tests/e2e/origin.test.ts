// One origin: the browser reaches the Convex API and the sync WebSocket through the app's own
// port, and the app answers only to its own names (no DNS rebinding from another site).
import { request } from "node:http";
import { ConvexClient, ConvexHttpClient } from "convex/browser";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import WebSocket from "ws";
import { api } from "../../convex/_generated/api";
import { type RunningProduct, startProduct } from "./harness";

let product: RunningProduct;

beforeAll(async () => {
  product = await startProduct();
});

afterAll(async () => {
  await product?.stop();
});

function getWithHost(url: string, host: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request(url, { headers: { host } }, (res) => {
      let body = "";
      res.on("data", (chunk) => {
        body += chunk;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("one origin for the browser", () => {
  it("answers the Convex HTTP API through the app port", async () => {
    const client = new ConvexHttpClient(product.origin);
    const store = await client.query(api.storefront.store, { slug: "demo" });
    expect(store?.name).toBe("Northwind Goods");
  });

  it("carries the sync WebSocket through the app port, live", async () => {
    const client = new ConvexClient(product.origin, {
      webSocketConstructor: WebSocket as unknown as typeof globalThis.WebSocket,
    });
    try {
      const store = await new Promise<{ name: string } | null>((resolve) => {
        client.onUpdate(api.storefront.store, { slug: "demo" }, (value) => resolve(value));
      });
      expect(store?.name).toBe("Northwind Goods");
    } finally {
      await client.close();
    }
  });

  it("the page config points the browser at its own origin, not the backend port", async () => {
    const html = await (await fetch(`${product.origin}/dashboard`)).text();
    expect(html).toContain('"sameOrigin":true');
    expect(html).not.toContain(product.backendUrl);
  });

  it("refuses a Host it was not told about, and says how to add one", async () => {
    const { port } = new URL(product.origin);
    const refused = await getWithHost(`${product.origin}/dashboard`, `evil.example:${port}`);
    expect(refused.status).toBe(403);
    expect(refused.body).toMatch(/PUBLIC_HOSTS/);
    const api = await getWithHost(`${product.origin}/api/query`, `evil.example:${port}`);
    expect(api.status).toBe(403);
    const ok = await getWithHost(`${product.origin}/dashboard`, `localhost:${port}`);
    expect(ok.status).toBe(200);
  });

  it("the backend port itself refuses other sites' pages and rebound names", async () => {
    const evil = await fetch(`${product.backendUrl}/version`, {
      headers: { origin: "http://evil.example" },
    });
    expect(evil.status).toBe(403);
    const { port } = new URL(product.backendUrl);
    expect(
      (await getWithHost(`${product.backendUrl}/version`, `rebound.example:${port}`)).status,
    ).toBe(403);
    const own = await fetch(`${product.backendUrl}/version`, {
      headers: { origin: product.origin },
    });
    expect(own.status).not.toBe(403);
  });
});

// CJ Dropshipping's REST API 2.0 (developers.cjdropshipping.com): an access token from the API
// key (POST authentication/getAccessToken, reused until it expires: CJ allows a new one only
// every 5 minutes), then orders through POST shopping/order/createOrderV2 with the token in the
// CJ-Access-Token header. Every answer is CJ's envelope {code, result, message, data}; code 200
// with result true is success. Set CJ_API_KEY to place orders; CJ_API_BASE points the client at
// another host (the tests' fake, tests/fakes/cj.ts). Without a key the team orders by hand.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { type ActionCtx, internalAction } from "./_generated/server";
import { storeAction } from "./functions";
import type { AutoOrderPlan } from "./model/suppliers";

export const CJ_DEFAULT_BASE = "https://developers.cjdropshipping.com/api2.0/v1";
// Seconds between automatic retries of a failed order: soon, then later.
const RETRY_DELAYS_MS = [60_000, 10 * 60_000];

export type CjConfig = { apiKey: string; base: string };

export function cjConfigFromEnv(): CjConfig | null {
  const apiKey = process.env.CJ_API_KEY?.trim();
  if (!apiKey) return null;
  return { apiKey, base: (process.env.CJ_API_BASE ?? CJ_DEFAULT_BASE).replace(/\/+$/, "") };
}

/** A failed CJ call in words for the team: what happened and what to do next. */
export class CjError extends Error {
  constructor(
    message: string,
    readonly nextStep: string,
    readonly retryable: boolean,
    readonly code?: number,
  ) {
    super(message);
  }
}

type Envelope<T> = { code: number; result: boolean; message: string; data: T };

// CJ's documented error codes we can say something useful about.
function explainCode(code: number, message: string): CjError {
  if (code === 1600001 || code === 1600003) {
    return new CjError(
      `CJ refused the API key or token: ${message}`,
      "Check CJ_API_KEY in the deployment's environment (My CJ → Authorization → API), then try again.",
      false,
      code,
    );
  }
  if (code === 1600200 || code === 429) {
    return new CjError(
      `CJ is limiting requests: ${message}`,
      "Nothing to do: it retries by itself in a minute.",
      true,
      code,
    );
  }
  if (/already exist/i.test(message)) {
    // Our order number is the idempotency key: CJ has this order from an earlier attempt
    // whose answer was lost. Never place it again; the team links the existing one.
    return new CjError(
      `CJ already has this order: ${message}`,
      "Find the order at CJ by this order's number and record its CJ order id with “Order from supplier”.",
      false,
      code,
    );
  }
  return new CjError(
    `CJ refused the order: ${message}`,
    "Check the variant ids in this order's supplier rules and the CJ balance, then try again or order by hand.",
    false,
    code,
  );
}

async function call<T>(config: CjConfig, path: string, body: unknown, token?: string): Promise<T> {
  let response: Response;
  try {
    response = await fetch(`${config.base}${path}`, {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(token ? { "CJ-Access-Token": token } : {}),
      },
      body: JSON.stringify(body),
    });
  } catch (error) {
    throw new CjError(
      `CJ could not be reached (${String(error).slice(0, 120)}).`,
      "Nothing to do: it retries by itself.",
      true,
    );
  }
  let envelope: Envelope<T> | undefined;
  try {
    envelope = (await response.json()) as Envelope<T>;
  } catch {
    envelope = undefined;
  }
  if (response.status >= 500 || envelope === undefined) {
    throw new CjError(
      `CJ answered ${response.status} without a result.`,
      "Nothing to do: it retries by itself.",
      true,
    );
  }
  if (envelope.code !== 200 || envelope.result !== true) {
    throw explainCode(envelope.code ?? response.status, envelope.message ?? "no reason given");
  }
  return envelope.data;
}

export async function getAccessToken(
  config: CjConfig,
  now: number,
): Promise<{ accessToken: string; expiresAt: number }> {
  const data = await call<{ accessToken: string; accessTokenExpiryDate?: string }>(
    config,
    "/authentication/getAccessToken",
    { apiKey: config.apiKey },
  );
  const parsed = data.accessTokenExpiryDate ? Date.parse(data.accessTokenExpiryDate) : Number.NaN;
  // CJ documents 15 days; fall back to that when the date is missing or unreadable.
  return {
    accessToken: data.accessToken,
    expiresAt: Number.isFinite(parsed) ? parsed : now + 15 * 86_400_000,
  };
}

export type CjOrderResult = {
  supplierOrderId: string;
  productCostCents: number;
  shippingCostCents: number;
};

const dollarsToCents = (value: unknown) =>
  typeof value === "number" && Number.isFinite(value) && value >= 0 ? Math.round(value * 100) : 0;

/** createOrderV2: the order number is our idempotency key, so a retry names the same order. */
export async function createOrderV2(
  config: CjConfig,
  token: string,
  plan: AutoOrderPlan,
): Promise<CjOrderResult> {
  const a = plan.address;
  const data = await call<{ orderId: string; productAmount?: number; postageAmount?: number }>(
    config,
    "/shopping/order/createOrderV2",
    {
      orderNumber: plan.idempotencyKey,
      shippingCountryCode: a.country,
      shippingCountry: a.country,
      shippingProvince: a.region ?? "",
      shippingCity: a.city,
      shippingZip: a.postalCode,
      shippingPhone: a.phone ?? "",
      shippingCustomerName: a.name,
      shippingAddress: a.line1,
      shippingAddress2: a.line2 ?? "",
      email: plan.email,
      remark: `Order #${plan.orderNumber}`,
      logisticName: "CJPacket Ordinary",
      fromCountryCode: "CN",
      // 3: create the order without paying from the CJ balance; the team confirms it at CJ.
      payType: 3,
      products: plan.lines.map((line) => ({
        vid: line.vid,
        quantity: line.quantity,
        storeLineItemId: line.lineId,
      })),
    },
    token,
  );
  return {
    supplierOrderId: String(data.orderId),
    productCostCents: dollarsToCents(data.productAmount),
    shippingCostCents: dollarsToCents(data.postageAmount),
  };
}

// Tokens by API key, kept for the life of this runtime: CJ hands out a new token only every
// 5 minutes, so every order reuses the one it has until a minute before it expires. Only held
// in memory (never stored): a fresh runtime asks once more.
const tokens = new Map<string, { accessToken: string; expiresAt: number }>();

export async function accessToken(config: CjConfig): Promise<string> {
  const now = Date.now();
  const held = tokens.get(config.apiKey);
  if (held && held.expiresAt - 60_000 > now) return held.accessToken;
  const fresh = await getAccessToken(config, now);
  tokens.set(config.apiKey, fresh);
  return fresh.accessToken;
}

/** A CJ answer refusing the token: forget it so the next attempt asks for a new one. */
export function forgetToken(config: CjConfig): void {
  tokens.delete(config.apiKey);
}

/** One attempt: claim, token (stored or new), create, record; failures shown and retried. */
async function placeWithCj(ctx: ActionCtx, storeId: Id<"stores">, orderId: Id<"orders">) {
  const plan = await ctx.runMutation(internal.suppliers.claimAutoOrder, { storeId, orderId });
  if (plan === null) return "skipped" as const;
  const config = cjConfigFromEnv();
  try {
    if (config === null) {
      throw new CjError(
        "CJ_API_KEY is not set, so orders cannot be placed with CJ automatically.",
        "Use “Order from supplier” to buy it on CJ's site and record the order id.",
        false,
      );
    }
    const result = await createOrderV2(config, await accessToken(config), plan);
    await ctx.runMutation(internal.suppliers.completeAutoOrder, { storeId, orderId, ...result });
    return "placed" as const;
  } catch (error) {
    if (config && error instanceof CjError && error.code === 1600001) forgetToken(config);
    const failure =
      error instanceof CjError
        ? error
        : new CjError(String(error).slice(0, 300), "Try again, or order by hand.", true);
    const retry = await ctx.runMutation(internal.suppliers.failAutoOrder, {
      storeId,
      orderId,
      message: failure.message,
      nextStep: failure.nextStep,
      retryable: failure.retryable,
    });
    if (retry) {
      const delay = RETRY_DELAYS_MS[Math.min(plan.attempt - 1, RETRY_DELAYS_MS.length - 1)];
      await ctx.scheduler.runAfter(delay, internal.cj.placeOrder, { storeId, orderId });
    }
    return "failed" as const;
  }
}

const outcome = v.union(v.literal("placed"), v.literal("failed"), v.literal("skipped"));

/** Scheduled for a new order whose lines all have automatic CJ rules, and for retries. */
export const placeOrder = internalAction({
  args: { storeId: v.id("stores"), orderId: v.id("orders") },
  returns: outcome,
  handler: async (ctx, { storeId, orderId }) => await placeWithCj(ctx, storeId, orderId),
});

/** "Place with CJ" / "Try again" on the order page: a fresh round of attempts, same key. */
export const placeNow = storeAction({
  permission: "orders.work",
  args: { orderId: v.id("orders") },
  returns: outcome,
  handler: async (ctx, { storeId, orderId }) => {
    await ctx.runMutation(internal.suppliers.resetAutoOrder, { storeId, orderId });
    return await placeWithCj(ctx, storeId, orderId);
  },
});

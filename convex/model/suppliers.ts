// Ordering from suppliers: which supplier sells each product (rules, a variant's rule over its
// product's), the record of what was bought for an order, and automatic ordering through CJ.
// The one writer of supplierRules, supplierOrders and supplierTokens; the order's own rows
// (its fulfilment, its status) move through model/orders.ts recordSupplierOrder.
import { makeFunctionReference } from "convex/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { getInStoreX } from "./access";
import { type Actor, recordAudit } from "./audit";
import { appError, conflict, invalid } from "./errors";
import { assertCents } from "./money";
import { recordSupplierOrder } from "./orders";
import type { Supplier } from "./validators";

export type SupplierRule = Doc<"supplierRules">;
export type RuleInput = {
  productId: Id<"products">;
  sku?: string;
  supplier: Supplier;
  url?: string;
  supplierProductId?: string;
  costCents?: number;
  autoOrder: boolean;
};

export const SUPPLIER_LABEL: Record<Supplier, string> = {
  aliexpress: "AliExpress",
  cj: "CJ Dropshipping",
  manual: "Manual",
};

// A placing attempt older than this is taken to have died and may be claimed again; the
// supplier order number (the idempotency key) still stops the supplier buying twice.
export const STALE_ATTEMPT_MS = 10 * 60_000;
export const MAX_AUTO_ATTEMPTS = 3;

/** The rule that applies to a line: the variant's own rule, else the product's, else none. */
export function chooseRule<R extends { sku?: string }>(rules: R[], sku: string): R | undefined {
  return rules.find((rule) => rule.sku === sku) ?? rules.find((rule) => rule.sku === undefined);
}

/** Every rule of a product (its own and its variants'; a product has a handful of variants). */
export async function rulesOfProduct(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  productId: Id<"products">,
): Promise<SupplierRule[]> {
  return await ctx.db
    .query("supplierRules")
    .withIndex("by_store_product_sku", (q) => q.eq("storeId", storeId).eq("productId", productId))
    .take(200);
}

export async function ruleForLine(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  line: { productId: Id<"products">; sku: string },
): Promise<SupplierRule | undefined> {
  return chooseRule(await rulesOfProduct(ctx, storeId, line.productId), line.sku);
}

/** The page "Order from supplier" opens: the rule's own link, else the product's supplier URL. */
export function supplierLink(
  rule: Pick<SupplierRule, "url"> | undefined,
  product: Pick<Doc<"products">, "supplierUrl"> | null,
): string | undefined {
  return rule?.url ?? product?.supplierUrl;
}

function cleanUrl(raw: string | undefined): string | undefined {
  const url = raw?.trim();
  if (!url) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw invalid(`"${url.slice(0, 80)}" is not a web address; paste the supplier page's URL.`);
  }
  if (parsed.protocol !== "https:" && parsed.protocol !== "http:") {
    throw invalid("A supplier link must start with https://.");
  }
  if (url.length > 2_000) throw invalid("A supplier link must be under 2,000 characters.");
  return url;
}

/** Creates or replaces the rule of a product (sku absent) or of one of its variants. */
export async function saveRule(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  input: RuleInput,
  now: number,
  options: { audit?: boolean } = {},
): Promise<Id<"supplierRules">> {
  const product = await getInStoreX(ctx, storeId, input.productId, "Product");
  const sku = input.sku?.trim() || undefined;
  if (sku !== undefined && !product.variants.some((variant) => variant.sku === sku)) {
    throw invalid(`${product.title} has no variant ${sku}.`);
  }
  if (input.costCents !== undefined) assertCents(input.costCents, "The supplier cost");
  const supplierProductId = input.supplierProductId?.trim() || undefined;
  if (supplierProductId !== undefined && !/^[\w.:-]{1,100}$/.test(supplierProductId)) {
    throw invalid("A supplier product id is letters, digits, dots or dashes (at most 100).");
  }
  if (input.autoOrder && input.supplier !== "cj") {
    throw invalid(
      `Automatic ordering works with CJ Dropshipping only; ${SUPPLIER_LABEL[input.supplier]} orders are placed by hand.`,
    );
  }
  if (input.autoOrder && supplierProductId === undefined) {
    throw invalid("Automatic ordering needs the CJ variant id (vid) of this product.");
  }
  const fields = {
    supplier: input.supplier,
    url: cleanUrl(input.url),
    supplierProductId,
    costCents: input.costCents,
    autoOrder: input.autoOrder,
    updatedAt: now,
  };
  const existing = await ctx.db
    .query("supplierRules")
    .withIndex("by_store_product_sku", (q) =>
      q.eq("storeId", storeId).eq("productId", product._id).eq("sku", sku),
    )
    .unique();
  let ruleId: Id<"supplierRules">;
  if (existing) {
    await ctx.db.patch(existing._id, fields);
    ruleId = existing._id;
  } else {
    ruleId = await ctx.db.insert("supplierRules", {
      storeId,
      productId: product._id,
      sku,
      ...fields,
    });
  }
  if (options.audit === false) return ruleId;
  await recordAudit(ctx, {
    storeId,
    actor,
    action: "supplierRule.save",
    targetTable: "products",
    targetId: product._id,
    changes: [
      { field: "supplier", from: existing?.supplier ?? null, to: input.supplier },
      { field: "sku", from: null, to: sku ?? "all variants" },
      { field: "autoOrder", from: existing?.autoOrder ?? null, to: input.autoOrder },
    ],
    at: now,
  });
  return ruleId;
}

/** The supplier's order id as typed: trimmed, non-empty and plausible, or a reason why not. */
export function cleanSupplierOrderId(raw: string): string {
  const id = raw.trim();
  if (id === "") throw invalid("Enter the order id the supplier gave you.");
  if (id.length > 64)
    throw invalid("A supplier order id is at most 64 characters; check the paste.");
  if (!/^[A-Za-z0-9][A-Za-z0-9._\-#/]*$/.test(id)) {
    throw invalid(
      "A supplier order id is letters and digits (dashes, dots and slashes allowed), without spaces.",
    );
  }
  return id;
}

export async function supplierOrderOf(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  orderId: Id<"orders">,
): Promise<Doc<"supplierOrders"> | null> {
  return await ctx.db
    .query("supplierOrders")
    .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
    .unique();
}

function alreadyOrdered(order: Doc<"orders">, row: Doc<"supplierOrders">) {
  return conflict(
    `Order #${order.number} was already ordered from ${SUPPLIER_LABEL[row.supplier]}` +
      `${row.supplierOrderId ? ` (${row.supplierOrderId})` : ""}; nothing was changed.`,
  );
}

export type SupplierOrderInput = {
  supplier: Supplier;
  supplierOrderId: string;
  productCostCents: number;
  shippingCostCents: number;
};

/**
 * Records an order bought by hand: once. The order moves to Processing, its fulfilment carries
 * the supplier order id and the real cost, and true profit uses that cost from now on.
 */
export async function recordManualOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  orderId: Id<"orders">,
  input: SupplierOrderInput,
  now: number,
): Promise<Doc<"supplierOrders">> {
  const order = await getInStoreX(ctx, storeId, orderId, "Order");
  const supplierOrderId = cleanSupplierOrderId(input.supplierOrderId);
  assertCents(input.productCostCents, "The supplier cost");
  assertCents(input.shippingCostCents, "The shipping cost");
  // A sanity bound, not a business rule: paying a supplier 10× the sale is a typo.
  if (input.productCostCents + input.shippingCostCents > Math.max(order.totalCents * 10, 100_000)) {
    throw invalid(
      "That cost is more than ten times the order's total; check the amount (in cents).",
    );
  }
  const existing = await supplierOrderOf(ctx, storeId, orderId);
  if (existing?.status === "placed") throw alreadyOrdered(order, existing);
  if (existing?.status === "placing" && now - existing.updatedAt < STALE_ATTEMPT_MS) {
    throw conflict(
      `Order #${order.number} is being placed with CJ right now; wait a minute and reload.`,
    );
  }
  await recordSupplierOrder(ctx, storeId, actor, orderId, {
    supplier: input.supplier,
    supplierOrderId,
    costCents: input.productCostCents + input.shippingCostCents,
    now,
  });
  const fields = {
    supplier: input.supplier,
    via: "manual" as const,
    status: "placed" as const,
    supplierOrderId,
    productCostCents: input.productCostCents,
    shippingCostCents: input.shippingCostCents,
    lastError: undefined,
    nextStep: undefined,
    updatedAt: now,
  };
  if (existing) {
    await ctx.db.patch(existing._id, fields);
    return (await ctx.db.get(existing._id))!;
  }
  const id = await ctx.db.insert("supplierOrders", {
    storeId,
    orderId,
    idempotencyKey: orderId,
    attempts: 0,
    ...fields,
  });
  return (await ctx.db.get(id))!;
}

// ---- Automatic ordering (CJ) ----

export type AutoOrderPlan = {
  idempotencyKey: string;
  attempt: number;
  orderNumber: number;
  address: Doc<"orders">["shippingAddress"];
  email: string;
  lines: { vid: string; quantity: number; lineId: string }[];
};

/** The CJ lines of an order when every line has an automatic CJ rule; else null. */
export async function autoOrderLines(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  orderId: Id<"orders">,
): Promise<AutoOrderPlan["lines"] | null> {
  const items = await ctx.db
    .query("orderItems")
    .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
    .take(100);
  if (items.length === 0) return null;
  const lines: AutoOrderPlan["lines"] = [];
  for (const item of items) {
    const rule = await ruleForLine(ctx, storeId, item);
    if (!rule?.autoOrder || rule.supplier !== "cj" || !rule.supplierProductId) return null;
    lines.push({ vid: rule.supplierProductId, quantity: item.quantity, lineId: item._id });
  }
  return lines;
}

const placeOrderRef = makeFunctionReference<
  "action",
  { storeId: Id<"stores">; orderId: Id<"orders"> }
>("cj:placeOrder");

/** After an order is created: schedule it with CJ when every line's rule says so. */
export async function scheduleAutoOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  orderId: Id<"orders">,
): Promise<boolean> {
  if ((await autoOrderLines(ctx, storeId, orderId)) === null) return false;
  await ctx.scheduler.runAfter(0, placeOrderRef, { storeId, orderId });
  return true;
}

/**
 * Takes the right to place an order with CJ, or null when someone else holds it or it is done.
 * The idempotency key is fixed at the first claim and reused by every retry.
 */
export async function claimAutoOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  orderId: Id<"orders">,
  now: number,
): Promise<AutoOrderPlan | null> {
  const order = await getInStoreX(ctx, storeId, orderId, "Order");
  if (order.status !== "new" && order.status !== "processing") return null;
  const lines = await autoOrderLines(ctx, storeId, orderId);
  if (lines === null) return null;
  const existing = await supplierOrderOf(ctx, storeId, orderId);
  if (existing?.status === "placed") return null;
  if (existing?.status === "placing" && now - existing.updatedAt < STALE_ATTEMPT_MS) return null;
  if (existing && existing.attempts >= MAX_AUTO_ATTEMPTS && existing.status === "failed") {
    // Retries used up: only a person's "Try again" (which resets attempts) goes on.
    return null;
  }
  const attempt = (existing?.attempts ?? 0) + 1;
  const idempotencyKey = existing?.idempotencyKey ?? `NW${order.number}-${orderId.slice(-8)}`;
  if (existing) {
    await ctx.db.patch(existing._id, { status: "placing", attempts: attempt, updatedAt: now });
  } else {
    await ctx.db.insert("supplierOrders", {
      storeId,
      orderId,
      supplier: "cj",
      via: "cj",
      status: "placing",
      idempotencyKey,
      attempts: attempt,
      updatedAt: now,
    });
  }
  return {
    idempotencyKey,
    attempt,
    orderNumber: order.number,
    address: order.shippingAddress,
    email: order.customer.email,
    lines,
  };
}

/** CJ accepted the order: record it on the order (once) and keep the costs CJ charged. */
export async function completeAutoOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  orderId: Id<"orders">,
  result: { supplierOrderId: string; productCostCents: number; shippingCostCents: number },
  now: number,
): Promise<void> {
  const row = await supplierOrderOf(ctx, storeId, orderId);
  if (row === null || row.status === "placed") return;
  await recordSupplierOrder(ctx, storeId, { kind: "system" }, orderId, {
    supplier: "cj",
    supplierOrderId: cleanSupplierOrderId(result.supplierOrderId),
    costCents: result.productCostCents + result.shippingCostCents,
    now,
  });
  await ctx.db.patch(row._id, {
    status: "placed",
    supplierOrderId: result.supplierOrderId,
    productCostCents: result.productCostCents,
    shippingCostCents: result.shippingCostCents,
    lastError: undefined,
    nextStep: undefined,
    updatedAt: now,
  });
}

/** The attempt failed: say why on the order; returns whether another try is due. */
export async function failAutoOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  orderId: Id<"orders">,
  failure: { message: string; nextStep: string; retryable: boolean },
  now: number,
): Promise<boolean> {
  const row = await supplierOrderOf(ctx, storeId, orderId);
  if (row === null || row.status === "placed") return false;
  await ctx.db.patch(row._id, {
    status: "failed",
    lastError: failure.message.slice(0, 500),
    nextStep: failure.nextStep.slice(0, 500),
    updatedAt: now,
  });
  return failure.retryable && row.attempts < MAX_AUTO_ATTEMPTS;
}

/**
 * An order the seed (or a channel import) brought in already bought: its supplier order row,
 * from the fulfilment that carries the supplier's order id. Nothing else moves.
 */
export async function recordPastSupplierOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  fulfillment: Doc<"fulfillments">,
): Promise<void> {
  if (fulfillment.supplierOrderId === undefined) return;
  if ((await supplierOrderOf(ctx, storeId, fulfillment.orderId)) !== null) return;
  await ctx.db.insert("supplierOrders", {
    storeId,
    orderId: fulfillment.orderId,
    supplier: fulfillment.supplier,
    via: "manual",
    status: "placed",
    idempotencyKey: fulfillment.orderId,
    attempts: 0,
    supplierOrderId: fulfillment.supplierOrderId,
    productCostCents: fulfillment.costCents,
    shippingCostCents: 0,
    updatedAt: fulfillment.orderedAt ?? fulfillment.updatedAt,
  });
}

/** A person's "Try again": a failed attempt gets a fresh set of retries, same key. */
export async function resetAutoOrder(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  orderId: Id<"orders">,
): Promise<void> {
  const order = await getInStoreX(ctx, storeId, orderId, "Order");
  const row = await supplierOrderOf(ctx, storeId, orderId);
  if (row?.status === "placed") throw alreadyOrdered(order, row);
  if (row?.status === "failed") await ctx.db.patch(row._id, { attempts: 0 });
  if ((await autoOrderLines(ctx, storeId, orderId)) === null) {
    throw appError(
      "INVALID",
      "Not every line of this order has a CJ rule with a variant id; order it by hand instead.",
    );
  }
}

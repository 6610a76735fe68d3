// The order and stock writers: one call moves the order, its lines, stock, the store's counters,
// the day's metrics and the audit trail together, or (on any refusal) nothing at all.
import { beforeAll, describe, expect, test } from "vitest";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import type { MutationCtx } from "../../convex/_generated/server";
import { SYSTEM } from "../../convex/model/audit";
import { dateKey } from "../../convex/model/dates";
import { errorKind } from "../../convex/model/errors";
import { createOrder, type NewOrder, transitionOrder } from "../../convex/model/orders";
import { makeTest, seedSmall, type T } from "./setup";

let t: T;
let storeId: Id<"stores">;

beforeAll(async () => {
  t = makeTest();
  ({ storeId } = await seedSmall(t));
});

const NOW = Date.now();

function orderOf(lines: NewOrder["lines"]): NewOrder {
  return {
    channel: "storefront",
    customer: { email: "ana@example.com", name: "Ana Lima" },
    shippingAddress: {
      name: "Ana Lima",
      line1: "1 Main St",
      city: "Austin",
      postalCode: "78701",
      country: "US",
    },
    lines,
    discountCents: 0,
    shippingCents: 499,
    taxCents: 0,
    placedAt: NOW,
  };
}

/** Everything an order write may touch, read in one snapshot. */
async function facts(productId: Id<"products">) {
  return await t.run(async (ctx) => {
    const stats = await ctx.db
      .query("storeStats")
      .withIndex("by_store", (q) => q.eq("storeId", storeId))
      .unique();
    const day = await ctx.db
      .query("dailyMetrics")
      .withIndex("by_store_date", (q) => q.eq("storeId", storeId).eq("date", dateKey(NOW)))
      .unique();
    const orders = await ctx.db
      .query("orders")
      .withIndex("by_store_placed", (q) => q.eq("storeId", storeId))
      .collect();
    const audit = await ctx.db
      .query("auditLog")
      .withIndex("by_store_at", (q) => q.eq("storeId", storeId))
      .collect();
    return { stats: stats!, day, orders, audit, product: (await ctx.db.get(productId))! };
  });
}

async function stockedProduct(minimum: number): Promise<Doc<"products">> {
  return await t.run(async (ctx) => {
    const products = await ctx.db
      .query("products")
      .withIndex("by_store_status_position", (q) => q.eq("storeId", storeId).eq("status", "active"))
      .collect();
    return products.find((p) => p.variants.some((variant) => variant.stock >= minimum))!;
  });
}

async function kindOf(run: (ctx: MutationCtx) => Promise<unknown>) {
  try {
    await t.run(run);
  } catch (error) {
    return errorKind(error) ?? `not ours: ${String(error)}`;
  }
  return "no error";
}

describe("createOrder", () => {
  test("numbers the order, takes stock, and moves counters, metrics and audit together", async () => {
    const product = await stockedProduct(3);
    const variant = product.variants.find((v) => v.stock >= 3)!;
    const before = await facts(product._id);

    const order = await t.run(async (ctx) =>
      createOrder(
        ctx,
        storeId,
        SYSTEM,
        orderOf([{ productId: product._id, sku: variant.sku, quantity: 2, unitPriceCents: 1_250 }]),
      ),
    );
    const after = await facts(product._id);

    expect(order.number).toBe(before.stats.nextOrderNumber);
    expect(order.totalCents).toBe(2 * 1_250 + 499);
    expect(order.status).toBe("new");
    expect(order.searchText).toContain(`#${order.number}`);
    expect(after.stats.nextOrderNumber).toBe(before.stats.nextOrderNumber + 1);
    expect(after.stats.ordersByStatus.new).toBe(before.stats.ordersByStatus.new + 1);
    expect(after.stats.lifetimeRevenueCents).toBe(
      before.stats.lifetimeRevenueCents + order.totalCents,
    );
    expect(after.day!.revenueCents).toBe((before.day?.revenueCents ?? 0) + order.totalCents);
    expect(after.day!.orders).toBe((before.day?.orders ?? 0) + 1);
    const afterVariant = after.product.variants.find((v) => v.sku === variant.sku)!;
    expect(afterVariant.stock).toBe(variant.stock - 2);
    expect(after.product.stock).toBe(product.stock - 2);
    expect(after.audit.filter((row) => row.targetId === order._id)).toEqual([
      expect.objectContaining({ action: "order.create", actorKind: "system" }),
    ]);
    const items = await t.run(async (ctx) =>
      ctx.db
        .query("orderItems")
        .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", order._id))
        .collect(),
    );
    expect(items).toEqual([
      expect.objectContaining({ sku: variant.sku, quantity: 2, totalCents: 2_500 }),
    ]);
  });

  test("a line that would oversell refuses the whole order and changes nothing", async () => {
    const product = await stockedProduct(1);
    const variant = product.variants.find((v) => v.stock >= 1)!;
    const before = await facts(product._id);

    const kind = await kindOf((ctx) =>
      createOrder(
        ctx,
        storeId,
        SYSTEM,
        orderOf([
          { productId: product._id, sku: variant.sku, quantity: 1, unitPriceCents: 900 },
          {
            productId: product._id,
            sku: variant.sku,
            quantity: variant.stock,
            unitPriceCents: 900,
          },
        ]),
      ),
    );
    expect(kind).toBe("SOLD_OUT");
    expect(await facts(product._id)).toEqual(before);
  });

  test("bad lines are refused: unknown variant, zero quantity, negative price", async () => {
    const product = await stockedProduct(1);
    const sku = product.variants[0].sku;
    const line = { productId: product._id, sku, quantity: 1, unitPriceCents: 100 };
    const attempt = (l: typeof line) =>
      kindOf((ctx) => createOrder(ctx, storeId, SYSTEM, orderOf([l])));
    expect(await attempt({ ...line, sku: "NO-SUCH-SKU" })).toBe("INVALID");
    expect(await attempt({ ...line, quantity: 0 })).toBe("INVALID");
    expect(await attempt({ ...line, unitPriceCents: -5 })).toBe("INVALID");
    expect(await kindOf((ctx) => createOrder(ctx, storeId, SYSTEM, orderOf([])))).toBe("INVALID");
  });
});

describe("transitionOrder", () => {
  test("counters always equal a recount of the orders, whatever moves are made", async () => {
    const product = await stockedProduct(4);
    const variant = product.variants.find((v) => v.stock >= 4)!;
    const line = { productId: product._id, sku: variant.sku, quantity: 1, unitPriceCents: 700 };
    const moves: Array<Array<Doc<"orders">["status"]>> = [
      ["processing", "shipped", "delivered", "refunded"],
      ["cancelled"],
      ["processing", "shipped"],
    ];
    for (const path of moves) {
      const order = await t.run(async (ctx) => createOrder(ctx, storeId, SYSTEM, orderOf([line])));
      for (const to of path) {
        await t.run(async (ctx) => transitionOrder(ctx, storeId, SYSTEM, order._id, to, NOW));
      }
    }
    const { stats, orders } = await facts(product._id);
    for (const [status, count] of Object.entries(stats.ordersByStatus)) {
      expect(count, status).toBe(orders.filter((o) => o.status === status).length);
    }
    const sales = orders.filter((o) => o.status !== "cancelled" && o.status !== "refunded");
    expect(stats.lifetimeOrders).toBe(sales.length);
    expect(stats.lifetimeRevenueCents).toBe(sales.reduce((sum, o) => sum + o.totalCents, 0));
  });

  test("an illegal move is refused and changes nothing", async () => {
    const product = await stockedProduct(1);
    const line = {
      productId: product._id,
      sku: product.variants.find((v) => v.stock >= 1)!.sku,
      quantity: 1,
      unitPriceCents: 700,
    };
    const order = await t.run(async (ctx) => createOrder(ctx, storeId, SYSTEM, orderOf([line])));
    const before = await facts(product._id);
    expect(
      await kindOf((ctx) => transitionOrder(ctx, storeId, SYSTEM, order._id, "delivered", NOW)),
    ).toBe("INVALID_TRANSITION");
    expect(await facts(product._id)).toEqual(before);
  });
});

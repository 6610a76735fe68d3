// The first public functions against a seeded store: the numbers the dashboard shows match the
// underlying rows, lists come back in the promised order, and edits leave an audit trail.
import { beforeAll, describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import { addDays, dateKey } from "../../convex/model/dates";
import { makeTest, OWNER, seedSmall, type T, kindOf } from "./setup";

const page = { numItems: 500, cursor: null };

let t: T;
let storeId: Id<"stores">;
const owner = () => t.withIdentity(OWNER);

beforeAll(async () => {
  t = makeTest();
  ({ storeId } = await seedSmall(t));
  await owner().mutation(api.users.ensure, {});
});

async function allOrders(): Promise<Doc<"orders">[]> {
  return await t.run(async (ctx) => await ctx.db.query("orders").collect());
}

describe("dashboard:overview", () => {
  test("revenue windows and counts match the orders themselves", async () => {
    const overview = await owner().query(api.dashboard.overview, { storeId });
    const orders = await allOrders();
    const sales = orders.filter((o) => o.status !== "cancelled" && o.status !== "refunded");
    const today = dateKey(Date.now());
    const within = (days: number) => {
      const first = addDays(today, -(days - 1));
      return sales.filter((o) => dateKey(o.placedAt) >= first);
    };
    const sum = (list: Doc<"orders">[]) => list.reduce((s, o) => s + o.totalCents, 0);

    expect(overview.today).toBe(today);
    expect(overview.revenueCents.today).toBe(sum(within(1)));
    expect(overview.revenueCents.last7Days).toBe(sum(within(7)));
    expect(overview.revenueCents.last30Days).toBe(sum(within(30)));
    expect(overview.revenueCents.allTime).toBe(sum(sales));
    expect(overview.orders.last30Days).toBe(within(30).length);
    expect(overview.orders.allTime).toBe(sales.length);
    expect(overview.averageOrderValueCents).toBe(Math.round(sum(within(30)) / within(30).length));
    expect(overview.revenueCents.last30Days).toBeGreaterThan(overview.revenueCents.last7Days);
    for (const [status, count] of Object.entries(overview.ordersByStatus)) {
      expect(count).toBe(orders.filter((o) => o.status === status).length);
    }
  });

  test("a 90-day zero-filled series, conversion in basis points, top 5 products by revenue", async () => {
    const overview = await owner().query(api.dashboard.overview, { storeId });
    expect(overview.series).toHaveLength(90);
    expect(overview.series.at(-1)!.date).toBe(overview.today);
    // The small seed has 40 days of history: the 50 days before are zeros, not gaps.
    expect(overview.series.slice(0, 50).every((p) => p.revenueCents === 0)).toBe(true);
    // Every full seeded day sold something (today may not have, just after midnight UTC).
    expect(overview.series.slice(-40, -1).every((p) => p.revenueCents > 0)).toBe(true);
    expect(overview.conversionBps).toBeGreaterThan(150);
    expect(overview.conversionBps).toBeLessThan(500);

    expect(overview.topProducts).toHaveLength(5);
    const revenues = overview.topProducts.map((p) => p.revenueCents);
    expect(revenues).toEqual([...revenues].sort((a, b) => b - a));
    // Recount the leader from order lines placed in the window.
    const first = addDays(overview.today, -29);
    const lines = await t.run(async (ctx) => await ctx.db.query("orderItems").collect());
    const orders = new Map((await allOrders()).map((o) => [o._id, o]));
    const leader = overview.topProducts[0];
    const recount = lines
      .filter((l) => l.productId === leader.productId && dateKey(l.placedAt) >= first)
      .filter((l) => !["cancelled", "refunded"].includes(orders.get(l.orderId)!.status))
      .reduce((s, l) => s + l.totalCents, 0);
    expect(leader.revenueCents).toBe(recount);
  });
});

describe("catalog", () => {
  test("list is in position order and filters by status", async () => {
    const all = await owner().query(api.catalog.list, { storeId, paginationOpts: page });
    const positions = all.page.map((p) => p.position);
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    const drafts = await owner().query(api.catalog.list, {
      storeId,
      status: "draft",
      paginationOpts: page,
    });
    expect(drafts.page.length).toBeGreaterThan(0);
    expect(drafts.page.every((p) => p.status === "draft")).toBe(true);
    expect(drafts.page.length).toBeLessThan(all.page.length);
  });

  test("search finds products by a word of the title", async () => {
    const found = await owner().query(api.catalog.search, { storeId, text: "lantern" });
    expect(found.map((p) => p.slug)).toContain("portable-camping-lantern");
  });

  test("update changes price everywhere, recomputes margin, and writes an audit row", async () => {
    const list = await owner().query(api.catalog.list, { storeId, paginationOpts: page });
    const product = list.page.find((p) => p.variants.length > 1 && p.supplierCostCents)!;
    const updated = await owner().mutation(api.catalog.update, {
      storeId,
      productId: product._id,
      patch: { priceCents: product.supplierCostCents! * 4 },
    });
    expect(updated.priceCents).toBe(product.supplierCostCents! * 4);
    expect(updated.variants.every((v) => v.priceCents === updated.priceCents)).toBe(true);
    expect(updated.marginBps).toBe(7_500);
    const audit = await t.run(
      async (ctx) =>
        await ctx.db
          .query("auditLog")
          .withIndex("by_store_target_at", (q) =>
            q.eq("storeId", storeId).eq("targetTable", "products").eq("targetId", product._id),
          )
          .collect(),
    );
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({
      action: "product.update",
      actorKind: "user",
      changes: [{ field: "priceCents", from: product.priceCents, to: updated.priceCents }],
    });

    expect(
      await kindOf(
        owner().mutation(api.catalog.update, {
          storeId,
          productId: product._id,
          patch: { stock: 3 },
        }),
      ),
    ).toBe("INVALID");
    expect(
      await kindOf(
        owner().mutation(api.catalog.update, {
          storeId,
          productId: product._id,
          patch: { priceCents: 10.5 },
        }),
      ),
    ).toBe("INVALID");
  });

  test("publishing a draft makes it visible on the storefront", async () => {
    const drafts = await owner().query(api.catalog.list, {
      storeId,
      status: "draft",
      paginationOpts: page,
    });
    const draft = drafts.page[0];
    expect(
      await t.query(api.storefront.product, { slug: "demo", productSlug: draft.slug }),
    ).toBeNull();
    await owner().mutation(api.catalog.update, {
      storeId,
      productId: draft._id,
      patch: { status: "active" },
    });
    const shown = await t.query(api.storefront.product, { slug: "demo", productSlug: draft.slug });
    expect(shown?.title).toBe(draft.title);
  });
});

describe("orders", () => {
  test("list is newest first and filters by status", async () => {
    const list = await owner().query(api.orders.list, { storeId, paginationOpts: page });
    const placed = list.page.map((o) => o.placedAt);
    expect(placed).toEqual([...placed].sort((a, b) => b - a));
    const delivered = await owner().query(api.orders.list, {
      storeId,
      status: "delivered",
      paginationOpts: { numItems: 20, cursor: null },
    });
    expect(delivered.page).toHaveLength(20);
    expect(delivered.page.every((o) => o.status === "delivered")).toBe(true);
    expect(delivered.isDone).toBe(false);
  });

  test("search finds an order by customer email", async () => {
    const [order] = (await owner().query(api.orders.list, { storeId, paginationOpts: page })).page;
    const found = await owner().query(api.orders.search, { storeId, text: order.customer.email });
    expect(found.map((o) => o._id)).toContain(order._id);
  });

  test("setStatus follows the machine and keeps stats and metrics in step", async () => {
    const orders = await allOrders();
    const delivered = orders.find((o) => o.status === "delivered")!;
    const before = await owner().query(api.dashboard.overview, { storeId });

    expect(
      await kindOf(
        owner().mutation(api.orders.setStatus, {
          storeId,
          orderId: delivered._id,
          status: "cancelled",
        }),
      ),
    ).toBe("INVALID_TRANSITION");

    const refunded = await owner().mutation(api.orders.setStatus, {
      storeId,
      orderId: delivered._id,
      status: "refunded",
    });
    expect(refunded.status).toBe("refunded");
    const after = await owner().query(api.dashboard.overview, { storeId });
    expect(after.ordersByStatus.delivered).toBe(before.ordersByStatus.delivered - 1);
    expect(after.ordersByStatus.refunded).toBe(before.ordersByStatus.refunded + 1);
    expect(after.revenueCents.allTime).toBe(before.revenueCents.allTime - delivered.totalCents);
    expect(after.orders.allTime).toBe(before.orders.allTime - 1);
    const day = await t.run(
      async (ctx) =>
        await ctx.db
          .query("dailyMetrics")
          .withIndex("by_store_date", (q) =>
            q.eq("storeId", storeId).eq("date", dateKey(Date.now())),
          )
          .unique(),
    );
    expect(day!.refundsCents).toBeGreaterThanOrEqual(delivered.totalCents);
    expect(
      await kindOf(
        owner().mutation(api.orders.setStatus, {
          storeId,
          orderId: delivered._id,
          status: "delivered",
        }),
      ),
    ).toBe("INVALID_TRANSITION");
  });

  test("get returns the order with its lines", async () => {
    const order = (await allOrders())[0];
    const detail = await owner().query(api.orders.get, { storeId, orderId: order._id });
    expect(detail!.order._id).toBe(order._id);
    expect(detail!.items.reduce((s, i) => s + i.totalCents, 0)).toBe(order.subtotalCents);
  });
});

// The demo store generator: the same seed gives the same store, and the store looks like a
// real six-month-old shop (seasonality, funnel, fulfilment) from the pure generators up to the
// database the seeding action fills.
import { beforeAll, describe, expect, test } from "vitest";
import { internal } from "../../convex/_generated/api";
import type { Doc } from "../../convex/_generated/dataModel";
import { addDays } from "../../convex/model/dates";
import { CATEGORIES } from "../../convex/seed/catalogData";
import { buildDay, chunkDays, estimateWrites, type SeedDay } from "../../convex/seed/day";
import { buildProducts } from "../../convex/seed/products";
import { mulberry32 } from "../../convex/seed/random";
import { buildWorld } from "../../convex/seed/world";
import { FIXED_NOW, makeTest, seedSmall, type T } from "./setup";

describe("generators (no database)", () => {
  test("mulberry32 is a pure function of its seed", () => {
    const a = mulberry32(7);
    const b = mulberry32(7);
    const c = mulberry32(8);
    const seqA = [a(), a(), a()];
    expect([b(), b(), b()]).toEqual(seqA);
    expect([c(), c(), c()]).not.toEqual(seqA);
    for (const x of seqA) expect(x >= 0 && x < 1).toBe(true);
  });

  test("the same seed builds the same catalogue; another seed a different one", () => {
    expect(buildProducts(42)).toEqual(buildProducts(42));
    const other = buildProducts(43);
    expect(other.map((p) => p.priceCents)).not.toEqual(buildProducts(42).map((p) => p.priceCents));
  });

  test("~40 products over 6 categories, with variants, images, costs and margins", () => {
    const products = buildProducts(42);
    expect(products.length).toBeGreaterThanOrEqual(36);
    expect(products.length).toBeLessThanOrEqual(44);
    expect(new Set(products.map((p) => p.category)).size).toBe(6);
    expect(new Set(products.map((p) => p.slug)).size).toBe(products.length);
    expect(products.some((p) => p.variants.length > 1)).toBe(true);
    for (const p of products) {
      expect(p.images[0].url).toBe(`/demo/products/${p.slug}.svg`);
      expect(Number.isInteger(p.priceCents)).toBe(true);
      expect(p.priceCents).toBeGreaterThan(p.supplierCostCents);
      expect(p.marginBps).toBeGreaterThan(4_000);
      expect(p.stock).toBe(p.variants.reduce((s, v) => s + v.stock, 0));
    }
    const statuses = new Set(products.map((p) => p.status));
    expect(statuses).toEqual(new Set(["active", "draft", "archived"]));
    expect(CATEGORIES.flatMap((c) => c.products)).toHaveLength(products.length);
  });

  test("a day is the same whichever chunk builds it, and the hour of seeding only trims today", () => {
    const world = buildWorld({ seed: 42, now: FIXED_NOW, days: 183, eventDays: 30 });
    const later = buildWorld({
      seed: 42,
      now: FIXED_NOW + 5 * 3_600_000,
      days: 183,
      eventDays: 30,
    });
    expect(buildDay(world, 100)).toEqual(buildDay(world, 100));
    // Past days do not depend on the hour (statuses may advance, money and people do not).
    const summary = (day: SeedDay) =>
      day.orders.map((o) => [o.placedAt, o.totalCents, o.customer.email]);
    expect(summary(buildDay(later, 100))).toEqual(summary(buildDay(world, 100)));
    // Today: the earlier clock sees a prefix of what the later clock sees.
    const todayEarly = summary(buildDay(world, 182));
    const todayLate = summary(buildDay(later, 182));
    expect(todayLate.length).toBeGreaterThan(todayEarly.length);
    expect(todayLate.slice(0, todayEarly.length)).toEqual(todayEarly);
  });

  describe("six months ending today", () => {
    const world = buildWorld({ seed: 42, now: FIXED_NOW, days: 183, eventDays: 30 });
    let days: SeedDay[];
    beforeAll(() => {
      days = world.dates.map((_, i) => buildDay(world, i));
    });

    test("covers 183 consecutive days ending today", () => {
      expect(world.dates).toHaveLength(183);
      expect(world.dates.at(-1)).toBe("2026-11-25");
      expect(world.dates[0]).toBe(addDays("2026-11-25", -182));
    });

    test("8–30 orders on every full day, none in the future", () => {
      for (const day of days.slice(0, -1)) {
        expect(day.orders.length).toBeGreaterThanOrEqual(8);
        expect(day.orders.length).toBeLessThanOrEqual(30);
      }
      for (const order of days.at(-1)!.orders)
        expect(order.placedAt).toBeLessThanOrEqual(FIXED_NOW);
    });

    test("the store grows, and the Black Friday week is busier", () => {
      const avg = (slice: SeedDay[]) =>
        slice.reduce((s, d) => s + d.orders.length, 0) / slice.length;
      expect(avg(days.slice(-31, -1))).toBeGreaterThan(avg(days.slice(0, 30)) * 1.25);
      const bfcm = days.filter((d) => d.date === "2026-11-24");
      const before = days.filter((d) => d.date >= "2026-11-01" && d.date <= "2026-11-21");
      expect(avg(bfcm)).toBeGreaterThan(avg(before) * 1.3);
    });

    test("the funnel narrows: page views ≫ product views > carts > checkouts > purchases", () => {
      const total = (key: keyof SeedDay["metrics"]) =>
        days.reduce((s, d) => s + (d.metrics[key] as number), 0);
      expect(total("pageViews")).toBeGreaterThan(total("productViews") * 2);
      expect(total("productViews")).toBeGreaterThan(total("addToCarts"));
      expect(total("addToCarts")).toBeGreaterThan(total("checkoutStarts"));
      expect(total("checkoutStarts")).toBeGreaterThan(total("purchases"));
      const conversion = total("purchases") / total("visitors");
      expect(conversion).toBeGreaterThan(0.02);
      expect(conversion).toBeLessThan(0.045);
    });

    test("raw events exist only for the last 30 days and agree with the roll-ups", () => {
      const withEvents = days.filter((d) => d.events.length > 0).map((d) => d.date);
      expect(withEvents).toEqual(world.dates.slice(-30));
      for (const day of days.slice(-30)) {
        const views = day.events.filter((e) => e.type === "page_view").length;
        const sessions = new Set(day.events.map((e) => e.sessionId)).size;
        expect(views).toBe(day.metrics.pageViews);
        expect(sessions).toBe(day.metrics.visitors);
      }
    });

    test("statuses follow time: old orders delivered, fulfilment only once the supplier is involved", () => {
      for (const day of days.slice(0, -30)) {
        for (const order of day.orders) {
          expect(["delivered", "refunded", "cancelled"]).toContain(order.status);
        }
      }
      for (const order of days.flatMap((d) => d.orders)) {
        if (order.status === "shipped" || order.status === "delivered") {
          expect(order.fulfillment?.status).toBe(order.status);
          expect(order.fulfillment?.trackingNumber).toBeTruthy();
        }
        if (order.status === "new" || order.status === "cancelled") {
          expect(order.fulfillment).toBeUndefined();
        }
        if (order.status === "refunded") expect(order.return?.status).toBe("refunded");
        const lines = order.items.reduce((s, i) => s + i.totalCents, 0);
        expect(order.subtotalCents).toBe(lines);
        expect(order.totalCents).toBe(
          order.subtotalCents - order.discountCents + order.shippingCents + order.taxCents,
        );
      }
      const all = days.flatMap((d) => d.orders);
      const returns = all.filter((o) => o.return).length;
      expect(returns).toBeGreaterThan(0);
      expect(returns / all.length).toBeLessThan(0.06);
    });

    test("chunks cover every day once and stay within the write budget", () => {
      const chunks = chunkDays(world, 2_000);
      expect(chunks[0].from).toBe(0);
      expect(chunks.at(-1)!.to).toBe(183);
      for (let i = 1; i < chunks.length; i++) expect(chunks[i].from).toBe(chunks[i - 1].to);
      for (const { from, to } of chunks) {
        const writes = days.slice(from, to).reduce((s, d) => s + estimateWrites(d), 0);
        expect(writes).toBeLessThanOrEqual(2_000);
      }
    });
  });
});

describe("seeding the database", () => {
  async function snapshot(seed: number) {
    const t = makeTest();
    const { storeId } = await seedSmall(t, { now: FIXED_NOW, seed });
    return await t.run(async (ctx) => {
      const products = await ctx.db
        .query("products")
        .withIndex("by_store_position", (q) => q.eq("storeId", storeId))
        .collect();
      const orders = await ctx.db
        .query("orders")
        .withIndex("by_store_placed", (q) => q.eq("storeId", storeId))
        .collect();
      return {
        products: products.map((p) => [p.slug, p.status, p.priceCents, p.stock, p.variants.length]),
        orders: orders.map((o) => [o.number, o.status, o.totalCents, o.customer.email, o.placedAt]),
      };
    });
  }

  test("same seed → same products and order totals; different seed → different", async () => {
    const first = await snapshot(7);
    const second = await snapshot(7);
    const other = await snapshot(8);
    expect(first.orders.length).toBeGreaterThan(100);
    expect(second).toEqual(first);
    expect(other.orders).not.toEqual(first.orders);
  }, 30_000);

  test("a full seed: six months of metrics, 30 days of events, consistent counters", async () => {
    // Each seeding mutation must stay under 4,000 writes; the test deployment enforces it.
    const t = makeTest({ maxWritesPerMutation: 4_000 });
    const result = await t.action(internal.seed.demoStore, { now: FIXED_NOW });
    expect(result.created).toBe(true);
    const storeId = result.storeId;
    const facts = await t.run(async (ctx) => {
      const metrics = await ctx.db
        .query("dailyMetrics")
        .withIndex("by_store_date", (q) => q.eq("storeId", storeId))
        .collect();
      const oldestEvent = await ctx.db
        .query("analyticsEvents")
        .withIndex("by_store_at", (q) => q.eq("storeId", storeId))
        .first();
      const events = await ctx.db
        .query("analyticsEvents")
        .withIndex("by_store_at", (q) => q.eq("storeId", storeId))
        .collect();
      const orders = await ctx.db
        .query("orders")
        .withIndex("by_store_placed", (q) => q.eq("storeId", storeId))
        .collect();
      const stats = await ctx.db
        .query("storeStats")
        .withIndex("by_store", (q) => q.eq("storeId", storeId))
        .unique();
      return { metrics, oldestEvent, events, orders, stats: stats! };
    });

    expect(facts.metrics).toHaveLength(183);
    expect(facts.metrics[0].date).toBe(addDays("2026-11-25", -182));
    expect(facts.metrics.at(-1)!.date).toBe("2026-11-25");
    expect(facts.oldestEvent!.at).toBeGreaterThanOrEqual(
      Date.parse(`${addDays("2026-11-25", -29)}T00:00:00Z`) - 3_600_000,
    );

    const byType = (type: Doc<"analyticsEvents">["type"]) =>
      facts.events.filter((e) => e.type === type).length;
    expect(byType("page_view")).toBeGreaterThan(byType("product_view") * 2);
    expect(byType("product_view")).toBeGreaterThan(byType("add_to_cart"));
    expect(byType("add_to_cart")).toBeGreaterThan(byType("checkout_start"));
    expect(byType("checkout_start")).toBeGreaterThan(byType("purchase"));
    // Every purchase event points at a real storefront order.
    const storefront = new Set(
      facts.orders.filter((o) => o.channel === "storefront").map((o) => o._id),
    );
    for (const event of facts.events.filter((e) => e.type === "purchase")) {
      expect(storefront.has(event.orderId!)).toBe(true);
    }

    // Order numbers are a gapless sequence from 1001.
    const numbers = facts.orders.map((o) => o.number).sort((a, b) => a - b);
    expect(numbers[0]).toBe(1001);
    expect(numbers.at(-1)).toBe(1000 + numbers.length);
    expect(facts.stats.nextOrderNumber).toBe(1001 + numbers.length);

    // The running totals agree with the orders themselves.
    const sales = facts.orders.filter((o) => o.status !== "cancelled" && o.status !== "refunded");
    expect(facts.stats.lifetimeOrders).toBe(sales.length);
    expect(facts.stats.lifetimeRevenueCents).toBe(sales.reduce((s, o) => s + o.totalCents, 0));
    for (const [status, count] of Object.entries(facts.stats.ordersByStatus)) {
      expect(count).toBe(facts.orders.filter((o) => o.status === status).length);
    }
    expect(facts.metrics.reduce((s, m) => s + m.revenueCents, 0)).toBe(
      facts.stats.lifetimeRevenueCents,
    );

    // The featured shelf holds four active products in order, and exactly one product has a
    // real sale end (in the future, with a "was" price), so only it shows a countdown.
    const products = await t.run(async (ctx) =>
      ctx.db
        .query("products")
        .withIndex("by_store_position", (q) => q.eq("storeId", storeId))
        .collect(),
    );
    const shelf = products
      .filter((p) => p.featuredPosition !== undefined)
      .sort((a, b) => a.featuredPosition! - b.featuredPosition!);
    expect(shelf.map((p) => p.status)).toEqual(["active", "active", "active", "active"]);
    const onSale = products.filter((p) => p.saleEndsAt !== undefined);
    expect(onSale).toHaveLength(1);
    expect(onSale[0].saleEndsAt).toBeGreaterThan(FIXED_NOW);
    expect(onSale[0].compareAtCents).toBeGreaterThan(onSale[0].priceCents);
    expect(onSale[0].stock).toBeGreaterThan(0);

    // Seeding again finds the store and leaves it alone.
    const again = await t.action(internal.seed.demoStore, { now: FIXED_NOW });
    expect(again).toMatchObject({ storeId, created: false });
    expect(await t.query(internal.seed.status, {})).toBe("done");
    const orderCount = await t.run(async (ctx) => (await ctx.db.query("orders").collect()).length);
    expect(orderCount).toBe(facts.orders.length);
  }, 60_000);

  test("status is none on an empty deployment", async () => {
    const t = makeTest();
    expect(await t.query(internal.seed.status, {})).toBe("none");
  });

  test("a seed cut short resumes where it stopped and ends identical to an uninterrupted one", async () => {
    const params = { seed: 7, now: FIXED_NOW, days: 40, eventDays: 5 };
    const counts = async (t: T) =>
      await t.run(async (ctx) => {
        const out: Record<string, number> = {};
        for (const table of [
          "orders",
          "orderItems",
          "dailyMetrics",
          "analyticsEvents",
          "faqs",
        ] as const) {
          out[table] = (await ctx.db.query(table).collect()).length;
        }
        const stats = await ctx.db.query("storeStats").unique();
        return {
          ...out,
          nextOrderNumber: stats!.nextOrderNumber,
          revenue: stats!.lifetimeRevenueCents,
        };
      });

    const whole = makeTest();
    await whole.action(internal.seed.demoStore, params);

    // The first start dies after the store and its first chunk of days.
    const cut = makeTest();
    const { storeId, run } = await cut.mutation(internal.seed.createStore, {
      ...params,
      ownerEmail: "owner@demo.store",
    });
    await cut.mutation(internal.seed.insertDays, { storeId, ...params, from: 0, to: 10 });
    expect(await cut.query(internal.seed.status, {})).toBe("partial");
    // A step replayed out of order is refused rather than written twice.
    await expect(
      cut.mutation(internal.seed.insertDays, { storeId, ...params, from: 0, to: 10 }),
    ).rejects.toThrow(/do not follow/);
    expect(run.nextDay).toBe(0);

    // The next start finishes it, with the first run's parameters even if "now" moved on.
    const resumed = await cut.action(internal.seed.demoStore, {
      ...params,
      now: FIXED_NOW + 3_600_000,
    });
    expect(resumed).toMatchObject({ storeId, created: false, resumed: true });
    expect(await cut.query(internal.seed.status, {})).toBe("done");
    expect(await counts(cut)).toEqual(await counts(whole));
  }, 60_000);
});

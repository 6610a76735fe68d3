// The board's server side: concurrent moves of one card, shipping with a tracking number,
// column counts from the counters, the list view's filters and bulk moves.
import { beforeEach, describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import type { OrderStatus } from "../../convex/model/validators";
import { ANA, BEN, boardStore, messageOf, statusOf } from "./boardFixture";
import { kindOf, makeTest, type T } from "./setup";

let t: T;
let storeId: Id<"stores">;
let orders: Record<OrderStatus, Id<"orders">[]>;

beforeEach(async () => {
  t = makeTest();
  ({ storeId, orders } = await boardStore(t, 2));
});

const audits = (orderId: string) =>
  t.run(async (ctx) =>
    (await ctx.db.query("auditLog").collect()).filter(
      (row) => row.targetId === orderId && row.action === "order.status",
    ),
  );

describe("two members move one card at once", () => {
  test("one wins, the other is told who moved it where; nothing moves twice", async () => {
    const orderId = orders.new[0];
    const before = await t.withIdentity(ANA).query(api.orders.counts, { storeId });
    const results = await Promise.allSettled([
      t.withIdentity(ANA).mutation(api.orders.move, {
        storeId,
        orderId,
        from: "new",
        to: "processing",
      }),
      t.withIdentity(BEN).mutation(api.orders.move, {
        storeId,
        orderId,
        from: "new",
        to: "cancelled",
      }),
    ]);
    const won = results.filter((r) => r.status === "fulfilled");
    const lost = results.filter((r) => r.status === "rejected");
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    const final = await statusOf(t, orderId);
    const winner = final === "processing" ? "Ana" : "Ben";
    const number = await t.run(async (ctx) => (await ctx.db.get(orderId))!.number);
    const reason = (lost[0] as PromiseRejectedResult).reason as {
      data: { kind: string; message: string };
    };
    expect(reason.data.kind).toBe("CONFLICT");
    expect(reason.data.message).toBe(`${winner} already moved #${number} to ${final}.`);
    // One status change on top of the creation; the counters moved once.
    expect(await audits(orderId)).toHaveLength(1);
    const after = await t.withIdentity(ANA).query(api.orders.counts, { storeId });
    expect(after.new).toBe(before.new - 1);
    expect(after[final]).toBe(before[final] + 1);
  });

  test("a move from a stale column is refused even when the target is legal", async () => {
    const orderId = orders.processing[0];
    await t.withIdentity(BEN).mutation(api.orders.move, {
      storeId,
      orderId,
      from: "processing",
      to: "shipped",
      shipment: { trackingNumber: "LX123456789CN", carrier: "China Post" },
    });
    const late = t.withIdentity(ANA).mutation(api.orders.move, {
      storeId,
      orderId,
      from: "processing",
      to: "shipped",
      shipment: { trackingNumber: "LX999999999CN" },
    });
    expect(await kindOf(late)).toBe("CONFLICT");
    const fulfillments = await t.run(async (ctx) =>
      (await ctx.db.query("fulfillments").collect()).filter((f) => f.orderId === orderId),
    );
    expect(fulfillments.map((f) => f.trackingNumber)).toEqual(["LX123456789CN"]);
  });
});

describe("shipping from the board", () => {
  test("needs a valid tracking number; the number and carrier land on the fulfilment", async () => {
    const orderId = orders.processing[0];
    const ana = t.withIdentity(ANA);
    const bare = ana.mutation(api.orders.move, {
      storeId,
      orderId,
      from: "processing",
      to: "shipped",
    });
    expect(await messageOf(bare)).toMatch(/tracking number/);
    const bad = ana.mutation(api.orders.move, {
      storeId,
      orderId,
      from: "processing",
      to: "shipped",
      shipment: { trackingNumber: "12" },
    });
    expect(await kindOf(bad)).toBe("INVALID");
    expect(await statusOf(t, orderId)).toBe("processing");
    const shipped = await ana.mutation(api.orders.move, {
      storeId,
      orderId,
      from: "processing",
      to: "shipped",
      shipment: { trackingNumber: "1z999aa1 0123456784", carrier: " UPS " },
    });
    expect(shipped.status).toBe("shipped");
    const detail = await ana.query(api.orders.get, { storeId, orderId });
    expect(detail!.fulfillments).toEqual([
      expect.objectContaining({
        trackingNumber: "1Z999AA10123456784",
        carrier: "UPS",
        status: "shipped",
        supplier: "manual",
      }),
    ]);
  });

  test("a New card dropped on Shipped with its number ships in one move, both steps recorded", async () => {
    const orderId = orders.new[0];
    const move = (shipment?: { trackingNumber: string; carrier?: string }) =>
      t
        .withIdentity(ANA)
        .mutation(api.orders.move, { storeId, orderId, from: "new", to: "shipped", shipment });
    expect(await messageOf(move())).toMatch(/tracking number/);
    expect(await statusOf(t, orderId)).toBe("new");
    const shipped = await move({ trackingNumber: "1Z5R89390357567127" });
    expect(shipped.status).toBe("shipped");
    const steps = (await audits(orderId)).map((row) => row.changes[0].to);
    expect(steps).toEqual(["processing", "shipped"]);
    const counts = await t.withIdentity(ANA).query(api.orders.counts, { storeId });
    expect(counts.new).toBe(1);
    expect(counts.shipped).toBe(3);
  });

  test("counts come from the counters and follow every move", async () => {
    const counts = await t.withIdentity(ANA).query(api.orders.counts, { storeId });
    expect(counts).toEqual({
      new: 2,
      processing: 2,
      shipped: 2,
      delivered: 2,
      cancelled: 2,
      refunded: 2,
    });
  });
});

describe("the list view", () => {
  test("filters by status, channel and date, newest first", async () => {
    const page = { numItems: 50, cursor: null };
    const ana = t.withIdentity(ANA);
    const all = await ana.query(api.orders.filtered, { storeId, paginationOpts: page });
    expect(all.page).toHaveLength(12);
    const placed = all.page.map((o) => o.placedAt);
    expect(placed).toEqual([...placed].sort((a, b) => b - a));
    const etsy = await ana.query(api.orders.filtered, {
      storeId,
      channel: "etsy",
      paginationOpts: page,
    });
    expect(etsy.page).toHaveLength(6);
    expect(etsy.page.every((o) => o.channel === "etsy")).toBe(true);
    const newEtsy = await ana.query(api.orders.filtered, {
      storeId,
      status: "new",
      channel: "etsy",
      paginationOpts: page,
    });
    expect(newEtsy.page.map((o) => o._id)).toEqual([orders.new[1]]);
    const cut = all.page[5].placedAt;
    const recent = await ana.query(api.orders.filtered, {
      storeId,
      from: cut,
      paginationOpts: page,
    });
    expect(recent.page).toHaveLength(6);
    expect(
      await kindOf(
        ana.query(api.orders.filtered, { storeId, from: 5, to: 5, paginationOpts: page }),
      ),
    ).toBe("INVALID");
  });

  test("bulk moves apply the allowed rows and say why the others stay", async () => {
    const results = await t.withIdentity(ANA).mutation(api.orders.moveMany, {
      storeId,
      to: "processing",
      moves: [
        { orderId: orders.new[0], from: "new" },
        { orderId: orders.shipped[0], from: "shipped" },
        { orderId: orders.new[1], from: "processing" },
      ],
    });
    expect(results.map((r) => r.error ?? "ok")).toEqual([
      "ok",
      "A shipped order can only become delivered or refunded, not processing.",
      "The system already moved it to new.",
    ]);
    expect(await statusOf(t, orders.new[0])).toBe("processing");
    expect(await statusOf(t, orders.shipped[0])).toBe("shipped");
    expect(await statusOf(t, orders.new[1])).toBe("new");
  });
});

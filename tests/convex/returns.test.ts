// Returns: requested from /track, approved (offline refund, restock, notes) or denied; the
// rules say which moves are allowed and nothing changes twice.
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { NO_MATCH } from "../../convex/model/returns";
import { stockOf } from "./checkoutFixture";
import { EMAIL, orderRow, requestReturn, ship, shopWithOrder, theReturn } from "./returnsFixture";
import { kindOf } from "./setup";

describe("requesting a return from /track", () => {
  test("only once the order has shipped", async () => {
    const s = await shopWithOrder("offline_test_x");
    expect(await kindOf(requestReturn(s))).toBe("INVALID");
    await ship(s);
    expect(await requestReturn(s)).toEqual({ ok: true, refundCents: s.totalCents });
    const ret = await theReturn(s);
    expect(ret).toMatchObject({ status: "requested", reason: "Arrived broken" });
    // One open return at a time.
    expect(await kindOf(requestReturn(s))).toBe("CONFLICT");
  });

  test("needs the right email and a reason; a wrong email says nothing", async () => {
    const s = await shopWithOrder();
    await ship(s);
    const wrong = await s.t.mutation(api.returns.request, {
      slug: s.slug,
      number: String(s.number),
      email: "eve@example.com",
      reason: "x",
    });
    expect(wrong).toEqual({ ok: false, message: NO_MATCH });
    expect(await kindOf(requestReturn(s, "   "))).toBe("INVALID");
    expect(await s.t.run(async (ctx) => ctx.db.query("returns").collect())).toEqual([]);
  });

  test("some items only: the refund is their price", async () => {
    const s = await shopWithOrder();
    await ship(s);
    const args = { slug: s.slug, number: String(s.number), email: EMAIL, reason: "Too small" };
    expect(
      await kindOf(
        s.t.mutation(api.returns.request, { ...args, items: [{ sku: "MUG", quantity: 3 }] }),
      ),
    ).toBe("INVALID");
    const made = await s.t.mutation(api.returns.request, {
      ...args,
      items: [{ sku: "MUG", quantity: 1 }],
    });
    expect(made).toEqual({ ok: true, refundCents: 1_200 });
  });
});

describe("the team decides", () => {
  test("approve (offline payment): refunded once, restocked, order Refunded, notes kept", async () => {
    const s = await shopWithOrder("offline_test_abc");
    await ship(s);
    await requestReturn(s);
    const ret = await theReturn(s);
    const before = { mug: await stockOf(s, "mug"), lamp: await stockOf(s, "lamp") };
    const args = {
      storeId: s.storeId,
      returnId: ret._id,
      restock: true,
      note: "Sorry about that",
      supplierNote: "Claim breakage with AliExpress",
    };
    expect(await s.owner.mutation(api.returns.approve, args)).toBe("refunded");
    // The double click: refused, nothing moves twice.
    expect(await kindOf(s.owner.mutation(api.returns.approve, args))).toBe("CONFLICT");
    expect(
      await kindOf(
        s.owner.mutation(api.returns.retryRefund, { storeId: s.storeId, returnId: ret._id }),
      ),
    ).toBe("CONFLICT");
    const after = await theReturn(s);
    expect(after).toMatchObject({
      status: "refunded",
      paymentRefundRef: `offline_refund_${ret._id}`,
      supplierNote: "Claim breakage with AliExpress",
      restock: true,
    });
    expect(await stockOf(s, "mug")).toBe(before.mug + 2);
    expect(await stockOf(s, "lamp")).toBe(before.lamp + 1);
    expect((await orderRow(s)).status).toBe("refunded");
    const metrics = await s.t.run(async (ctx) => ctx.db.query("dailyMetrics").collect());
    expect(metrics.reduce((sum, m) => sum + (m.refundsCents ?? 0), 0)).toBe(s.totalCents);
  });

  test("approve without restock leaves stock alone", async () => {
    const s = await shopWithOrder("offline_test_abc");
    await ship(s);
    await requestReturn(s);
    const mug = await stockOf(s, "mug");
    await s.owner.mutation(api.returns.approve, {
      storeId: s.storeId,
      returnId: (await theReturn(s))._id,
      restock: false,
    });
    expect(await stockOf(s, "mug")).toBe(mug);
  });

  test("deny needs a note the shopper then reads on /track; a denied return cannot be approved", async () => {
    const s = await shopWithOrder("offline_test_abc");
    await ship(s);
    await requestReturn(s);
    const returnId = (await theReturn(s))._id;
    expect(
      await kindOf(s.owner.mutation(api.returns.deny, { storeId: s.storeId, returnId, note: " " })),
    ).toBe("INVALID");
    await s.owner.mutation(api.returns.deny, {
      storeId: s.storeId,
      returnId,
      note: "Opened and used",
    });
    expect(
      await kindOf(
        s.owner.mutation(api.returns.approve, { storeId: s.storeId, returnId, restock: false }),
      ),
    ).toBe("INVALID_TRANSITION");
    const seen = await s.t.mutation(api.tracking.lookup, {
      slug: s.slug,
      number: String(s.number),
      email: EMAIL,
    });
    expect(seen.found && seen.returns[0]).toMatchObject({
      status: "denied",
      note: "Opened and used",
    });
    // Denied, so the shopper may ask again (e.g. with photos).
    expect(seen.found && seen.canReturn).toBe(true);
    expect((await orderRow(s)).status).toBe("shipped");
  });
});

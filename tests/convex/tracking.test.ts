// Tracking on orders (carrier, link, Shipped, customer notice) and the public /track look-up:
// both fields needed, a mismatch says nothing, failures are rate-limited.
import { afterEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import { NO_MATCH } from "../../convex/model/returns";
import { EMAIL, orderRow, ship, shopWithOrder } from "./returnsFixture";
import { kindOf } from "./setup";

afterEach(() => vi.unstubAllEnvs());

describe("adding tracking", () => {
  test("detects the carrier, builds the link, marks the order Shipped and queues the notice", async () => {
    vi.stubEnv("POSTMARK_SERVER_TOKEN", "");
    const s = await shopWithOrder();
    expect((await orderRow(s)).status).toBe("new");
    const added = await ship(s, "1z5r 8939 0357 5671 27");
    expect(added).toEqual({
      carrier: "UPS",
      trackingNumber: "1Z5R89390357567127",
      trackingUrl: "https://www.ups.com/track?tracknum=1Z5R89390357567127",
    });
    expect((await orderRow(s)).status).toBe("shipped");
    const { fulfillments, outbox } = await s.t.run(async (ctx) => ({
      fulfillments: await ctx.db.query("fulfillments").collect(),
      outbox: await ctx.db.query("outbox").collect(),
    }));
    expect(fulfillments).toHaveLength(1);
    expect(fulfillments[0]).toMatchObject({
      status: "shipped",
      carrier: "UPS",
      supplier: "manual",
    });
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({ to: "Ada@Example.com", status: "queued" });
    expect(outbox[0].body).toContain(added.trackingUrl);
    expect(outbox[0].lastError).toMatch(/Not sent/);
    // The team reads it on the order.
    const listed = await s.owner.query(api.notify.forOrder, {
      storeId: s.storeId,
      orderId: s.orderId,
    });
    expect(listed.map((o) => o.subject)).toEqual([`Order #${s.number} has shipped`]);
  });

  test("a number matching no carrier is refused unless the carrier is chosen, and changes nothing", async () => {
    const s = await shopWithOrder();
    const args = { storeId: s.storeId, orderId: s.orderId, trackingNumber: "ZZ99887766" };
    expect(await kindOf(s.owner.mutation(api.tracking.add, args))).toBe("INVALID");
    expect((await orderRow(s)).status).toBe("new");
    expect(await s.t.run(async (ctx) => ctx.db.query("fulfillments").collect())).toEqual([]);
    const added = await s.owner.mutation(api.tracking.add, { ...args, carrier: "yunexpress" });
    expect(added.carrier).toBe("YunExpress");
    expect((await orderRow(s)).status).toBe("shipped");
  });

  test("a shipped order's number is corrected: status kept, the customer told once per change", async () => {
    const s = await shopWithOrder();
    await ship(s, "1Z5R89390357567127");
    const corrected = await s.owner.mutation(api.tracking.add, {
      storeId: s.storeId,
      orderId: s.orderId,
      trackingNumber: "03071790000523483741",
    });
    expect(corrected.carrier).toBe("USPS");
    expect((await orderRow(s)).status).toBe("shipped");
    // The same number again is a CONFLICT: no second notice.
    expect(await kindOf(ship(s, "03071790000523483741"))).toBe("CONFLICT");
    const { fulfillments, outbox } = await s.t.run(async (ctx) => ({
      fulfillments: await ctx.db.query("fulfillments").collect(),
      outbox: await ctx.db.query("outbox").collect(),
    }));
    expect(fulfillments).toHaveLength(1);
    expect(fulfillments[0].trackingNumber).toBe("03071790000523483741");
    expect(outbox.map((n) => n.subject)).toEqual([
      `Order #${s.number} has shipped`,
      `Order #${s.number}: corrected tracking number`,
    ]);
  });

  test("a cancelled order cannot be shipped", async () => {
    const s = await shopWithOrder();
    await s.owner.mutation(api.orders.setStatus, {
      storeId: s.storeId,
      orderId: s.orderId,
      status: "cancelled",
    });
    expect(await kindOf(ship(s))).toBe("INVALID_TRANSITION");
  });
});

describe("/track look-up", () => {
  const look = (
    s: Awaited<ReturnType<typeof shopWithOrder>>,
    number: string,
    email: string,
    visitorId?: string,
  ) => s.t.mutation(api.tracking.lookup, { slug: s.slug, number, email, visitorId });

  test("number + email (any case, with #) shows the timeline with the carrier link", async () => {
    const s = await shopWithOrder();
    await ship(s);
    const found = await look(s, `#${s.number}`, " ADA@example.com ");
    expect(found.found).toBe(true);
    if (!found.found) return;
    expect(found.timeline.map((step) => [step.key, step.done])).toEqual([
      ["placed", true],
      ["ordered", true],
      ["shipped", true],
      ["delivered", false],
    ]);
    expect(found.timeline[2].trackingUrl).toBe(
      "https://www.ups.com/track?tracknum=1Z5R89390357567127",
    );
    expect(found.canReturn).toBe(true);
    expect(found.items.map((i) => i.sku).sort()).toEqual(["LAMP", "MUG"]);
  });

  test("needs both fields", async () => {
    const s = await shopWithOrder();
    expect(await kindOf(look(s, String(s.number), ""))).toBe("INVALID");
    expect(await kindOf(look(s, "", EMAIL))).toBe("INVALID");
    expect(await kindOf(look(s, "  ", "  "))).toBe("INVALID");
  });

  test("a wrong email answers exactly like an order that does not exist", async () => {
    const s = await shopWithOrder();
    const wrongEmail = await look(s, String(s.number), "eve@example.com");
    const noOrder = await look(s, "999999", EMAIL);
    expect(wrongEmail).toEqual({ found: false, message: NO_MATCH });
    expect(noOrder).toEqual(wrongEmail);
    expect(JSON.stringify(wrongEmail)).not.toContain("Ada");
  });

  test("failed tries are rate-limited per order number and per visitor", async () => {
    const s = await shopWithOrder();
    for (let i = 0; i < 5; i++) {
      expect((await look(s, String(s.number), `guess${i}@example.com`, "v-1")).found).toBe(false);
    }
    // Locked: even the right email waits, so guessing cannot go on.
    expect(await kindOf(look(s, String(s.number), EMAIL))).toBe("RATE_LIMITED");
    // The same visitor is locked on other numbers too.
    expect(await kindOf(look(s, "5", EMAIL, "v-1"))).toBe("RATE_LIMITED");
  });
});

// Checkout in offline test-payment mode: pricing, holding, paying once, receipts.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import {
  ADDRESS,
  addCoupon,
  addPriceTest,
  CARD_DECLINED,
  CARD_OK,
  line,
  orderCount,
  shop,
  startAtQuote,
  stockOf,
  VISITOR,
} from "./checkoutFixture";
import { kindOf } from "./setup";

beforeEach(() => {
  vi.stubEnv("STRIPE_SECRET_KEY", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

describe("quote", () => {
  test("prices lines from the server, adds flat shipping, offline mode", async () => {
    const s = await shop();
    const quote = await s.t.query(api.checkout.quote, {
      slug: s.slug,
      visitorId: VISITOR,
      items: [line(s, "mug", 2), line(s, "lamp")],
    });
    expect(quote).toMatchObject({
      currency: "USD",
      paymentMode: "offline",
      subtotalCents: 2 * 1_200 + 4_500,
      discountCents: 0,
      shippingCents: 500,
      taxCents: 0,
      totalCents: 2 * 1_200 + 4_500 + 500,
    });
    expect(quote.lines[0]).toMatchObject({
      title: "Mug",
      variantTitle: "Default",
      unitPriceCents: 1_200,
      quantity: 2,
      available: 5,
      lineTotalCents: 2_400,
      imageUrl: "/img/mug.png",
    });
    expect(quote.lines[0].problem).toBeUndefined();
  });

  test("a line short of stock, or unpublished, says why and counts for nothing", async () => {
    const s = await shop([
      { slug: "mug", priceCents: 1_200, stock: 5 },
      { slug: "lamp", priceCents: 4_500, stock: 1 },
      { slug: "hidden", priceCents: 999, stock: 3, status: "draft" },
    ]);
    const quote = await s.t.query(api.checkout.quote, {
      slug: s.slug,
      visitorId: VISITOR,
      items: [line(s, "mug"), line(s, "lamp", 2), line(s, "hidden")],
    });
    expect(quote.lines.map((l) => l.problem)).toEqual([
      undefined,
      "Only 1 left. Lower the quantity to continue.",
      "This product is no longer available. Remove it to continue.",
    ]);
    expect(quote.subtotalCents).toBe(1_200);
  });

  test("free shipping above the store's threshold", async () => {
    const s = await shop(undefined, { freeShippingThresholdCents: 5_000 });
    const under = await s.t.query(api.checkout.quote, {
      slug: s.slug,
      visitorId: VISITOR,
      items: [line(s, "lamp")],
    });
    const over = await s.t.query(api.checkout.quote, {
      slug: s.slug,
      visitorId: VISITOR,
      items: [line(s, "lamp"), line(s, "mug")],
    });
    expect(under.shippingCents).toBe(500);
    expect(over.shippingCents).toBe(0);
  });

  test("a coupon's discount and label; a bad code says why without failing", async () => {
    const s = await shop();
    await addCoupon(s, { code: "SAVE10", discount: { kind: "percent", percentBps: 1_000 } });
    const good = await s.t.query(api.checkout.quote, {
      slug: s.slug,
      visitorId: VISITOR,
      items: [line(s, "lamp")],
      couponCode: " save10 ",
    });
    expect(good).toMatchObject({
      discountCents: 450,
      coupon: { code: "SAVE10", label: "10% off" },
      totalCents: 4_500 - 450 + 500,
    });
    const bad = await s.t.query(api.checkout.quote, {
      slug: s.slug,
      visitorId: VISITOR,
      items: [line(s, "lamp")],
      couponCode: "NOPE",
    });
    expect(bad.couponProblem).toBe("This code does not exist. Check the spelling.");
    expect(bad.discountCents).toBe(0);
  });

  test("a visitor in a price test pays their arm's price, the same on every call", async () => {
    const s = await shop();
    await addPriceTest(s, "lamp", [4_500, 3_900]);
    const seen = new Set<number>();
    for (let i = 0; i < 12; i++) {
      const visitorId = `visitor-${1000 + i}`;
      const first = await s.t.query(api.checkout.quote, {
        slug: s.slug,
        visitorId,
        items: [line(s, "lamp")],
      });
      const again = await s.t.query(api.checkout.quote, {
        slug: s.slug,
        visitorId,
        items: [line(s, "lamp")],
      });
      expect(again.lines[0].unitPriceCents).toBe(first.lines[0].unitPriceCents);
      const page = await s.t.query(api.storefront.product, {
        slug: s.slug,
        productSlug: "lamp",
        visitorId,
      });
      expect(page!.priceCents).toBe(first.lines[0].unitPriceCents);
      seen.add(first.lines[0].unitPriceCents);
    }
    // Twelve visitors over two arms: both prices are in use.
    expect([...seen].sort()).toEqual([3_900, 4_500]);
  });

  test("bad input is refused with a reason", async () => {
    const s = await shop();
    const quote = (visitorId: string, items: ReturnType<typeof line>[]) =>
      s.t.query(api.checkout.quote, { slug: s.slug, visitorId, items });
    expect(await kindOf(quote("short", [line(s, "mug")]))).toBe("INVALID");
    expect(await kindOf(quote(VISITOR, []))).toBe("INVALID");
    expect(await kindOf(quote(VISITOR, [line(s, "mug", 0)]))).toBe("INVALID");
    expect(await kindOf(quote(VISITOR, [line(s, "mug", 100)]))).toBe("INVALID");
    expect(await kindOf(quote(VISITOR, [line(s, "mug", 1.5)]))).toBe("INVALID");
    expect(await kindOf(quote(VISITOR, Array(51).fill(line(s, "mug"))))).toBe("INVALID");
  });
});

describe("start and pay offline", () => {
  test("start holds the stock; paying makes one order; paying again returns it", async () => {
    const s = await shop();
    const started = await startAtQuote(s, [line(s, "mug", 2)]);
    expect(started.mode).toBe("offline");
    expect(await stockOf(s, "mug")).toBe(3);
    const status = await s.t.query(api.checkout.status, {
      slug: s.slug,
      checkoutId: started.checkoutId,
    });
    expect(status).toEqual({ status: "open" });

    const paid = await s.t.mutation(api.checkout.payOffline, {
      slug: s.slug,
      checkoutId: started.checkoutId,
      cardNumber: CARD_OK,
    });
    const again = await s.t.mutation(api.checkout.payOffline, {
      slug: s.slug,
      checkoutId: started.checkoutId,
      cardNumber: CARD_OK,
    });
    expect(again).toEqual(paid);
    expect(await orderCount(s)).toBe(1);
    expect(await stockOf(s, "mug")).toBe(3);

    const order = await s.t.run(async (ctx) =>
      ctx.db
        .query("orders")
        .withIndex("by_store_number", (q) =>
          q.eq("storeId", s.storeId).eq("number", paid.orderNumber),
        )
        .unique(),
    );
    expect(order).toMatchObject({
      channel: "storefront",
      totalCents: 2_400 + 500,
      customer: { email: "ada@example.com", name: "Ada Lovelace" },
    });
    expect(order!.paymentRef).toMatch(/^offline_test_/);

    expect(
      await s.t.query(api.checkout.status, { slug: s.slug, checkoutId: started.checkoutId }),
    ).toEqual({ status: "paid", orderNumber: paid.orderNumber, receiptToken: paid.receiptToken });
    const receipt = await s.t.query(api.checkout.receipt, {
      slug: s.slug,
      receiptToken: paid.receiptToken,
    });
    expect(receipt).toMatchObject({
      number: paid.orderNumber,
      status: "new",
      totalCents: 2_900,
      email: "a***@example.com",
      shipTo: { name: "Ada Lovelace", city: "London", country: "GB" },
      lines: [{ title: "Mug", variantTitle: "Default", quantity: 2, unitPriceCents: 1_200 }],
      paymentMode: "offline",
    });
    // The token is a secret: the checkout stores only hashes of it and of the handle.
    const row = await s.t.run(async (ctx) => ctx.db.query("checkouts").first());
    expect(JSON.stringify(row)).not.toContain(paid.receiptToken);
    expect(JSON.stringify(row)).not.toContain(started.checkoutId);
    expect(
      await s.t.query(api.checkout.receipt, { slug: s.slug, receiptToken: "x".repeat(43) }),
    ).toBeNull();
  });

  test("starting again replaces the shopper's own hold instead of selling out to it", async () => {
    const s = await shop();
    const first = await startAtQuote(s, [line(s, "lamp")]);
    expect(await stockOf(s, "lamp")).toBe(0);
    // Back to the cart, pay again: the last unit is theirs, not "sold out".
    const second = await startAtQuote(s, [line(s, "lamp")]);
    expect(await stockOf(s, "lamp")).toBe(0);
    const status = (checkoutId: string) =>
      s.t.query(api.checkout.status, { slug: s.slug, checkoutId });
    expect(await status(first.checkoutId)).toEqual({
      status: "expired",
      message: "Replaced by a newer checkout from the same cart.",
    });
    expect(await status(second.checkoutId)).toEqual({ status: "open" });
    // Another shopper still cannot have it.
    expect(await kindOf(startAtQuote(s, [line(s, "lamp")], { visitorId: "visitor-other" }))).toBe(
      "SOLD_OUT",
    );
  });

  test("the declined test card says so and changes nothing", async () => {
    const s = await shop();
    const started = await startAtQuote(s, [line(s, "mug")]);
    const declined = s.t.mutation(api.checkout.payOffline, {
      slug: s.slug,
      checkoutId: started.checkoutId,
      cardNumber: CARD_DECLINED,
    });
    await expect(declined).rejects.toThrow(/declined/);
    expect(await orderCount(s)).toBe(0);
    expect(
      await kindOf(
        s.t.mutation(api.checkout.payOffline, {
          slug: s.slug,
          checkoutId: started.checkoutId,
          cardNumber: "1234",
        }),
      ),
    ).toBe("INVALID");
    expect(
      (await s.t.query(api.checkout.status, { slug: s.slug, checkoutId: started.checkoutId }))!
        .status,
    ).toBe("open");
  });

  test("a tampered total is refused and holds nothing", async () => {
    const s = await shop();
    const call = s.t.action(api.checkout.start, {
      slug: s.slug,
      visitorId: VISITOR,
      items: [line(s, "lamp")],
      email: "ada@example.com",
      shippingAddress: ADDRESS,
      expectedTotalCents: 100,
    });
    await expect(call).rejects.toThrow(
      "Prices changed since you opened your cart; review the new total",
    );
    expect(await stockOf(s, "lamp")).toBe(1);
    expect(await s.t.run(async (ctx) => (await ctx.db.query("checkouts").collect()).length)).toBe(
      0,
    );
  });

  test("bad email and address are refused before anything is held", async () => {
    const s = await shop();
    const start = (email: string, shippingAddress: typeof ADDRESS) =>
      s.t.action(api.checkout.start, {
        slug: s.slug,
        visitorId: VISITOR,
        items: [line(s, "mug")],
        email,
        shippingAddress,
        expectedTotalCents: 1_700,
      });
    expect(await kindOf(start("not-an-email", ADDRESS))).toBe("INVALID");
    expect(await kindOf(start(`${"a".repeat(5_000)}@x.com`, ADDRESS))).toBe("INVALID");
    expect(await kindOf(start("a@b.co", { ...ADDRESS, country: "Britain" }))).toBe("INVALID");
    expect(await kindOf(start("a@b.co", { ...ADDRESS, line1: "  " }))).toBe("INVALID");
    expect(await stockOf(s, "mug")).toBe(5);
  });

  test("an expired, too-small or used-up code refuses the checkout and holds nothing", async () => {
    const s = await shop();
    await addCoupon(s, {
      code: "OLD",
      discount: { kind: "percent", percentBps: 1_000 },
      endsAt: Date.UTC(2026, 0, 3),
    });
    await addCoupon(s, {
      code: "BIG",
      discount: { kind: "fixed", amountCents: 500 },
      minSubtotalCents: 4_000,
    });
    await addCoupon(s, {
      code: "GONE",
      discount: { kind: "fixed", amountCents: 500 },
      maxRedemptions: 5,
      redemptions: 5,
    });
    const attempt = async (couponCode: string) => {
      const quote = await s.t.query(api.checkout.quote, {
        slug: s.slug,
        visitorId: VISITOR,
        items: [line(s, "mug")],
        couponCode,
      });
      try {
        await s.t.action(api.checkout.start, {
          slug: s.slug,
          visitorId: VISITOR,
          items: [line(s, "mug")],
          couponCode,
          email: "ada@example.com",
          shippingAddress: ADDRESS,
          expectedTotalCents: quote.totalCents,
        });
        return ["no error", quote.couponProblem];
      } catch (error) {
        const data = (error as { data: { kind: string; message: string } }).data;
        return [data.kind, data.message, quote.couponProblem];
      }
    };
    expect(await attempt("old")).toEqual([
      "CONFLICT",
      "This code expired on 3 Jan.",
      "This code expired on 3 Jan.",
    ]);
    expect(await attempt("big")).toEqual([
      "CONFLICT",
      "Spend $40.00 to use this code.",
      "Spend $40.00 to use this code.",
    ]);
    expect(await attempt("gone")).toEqual([
      "CONFLICT",
      "This code has been used up.",
      "This code has been used up.",
    ]);
    expect(await stockOf(s, "mug")).toBe(5);
  });

  test("a free-shipping code zeroes shipping; an expired checkout gives its code use back", async () => {
    vi.useFakeTimers();
    try {
      const s = await shop();
      const couponId = await addCoupon(s, {
        code: "SHIPFREE",
        discount: { kind: "free_shipping" },
        maxRedemptions: 1,
      });
      const quote = await s.t.query(api.checkout.quote, {
        slug: s.slug,
        visitorId: VISITOR,
        items: [line(s, "mug")],
        couponCode: "shipfree",
      });
      expect(quote).toMatchObject({ shippingCents: 0, totalCents: 1_200, discountCents: 0 });
      await startAtQuote(s, [line(s, "mug")], { couponCode: "shipfree" });
      const uses = async () => (await s.t.run(async (ctx) => ctx.db.get(couponId)))!.redemptions;
      expect(await uses()).toBe(1);
      vi.advanceTimersByTime(31 * 60 * 1000);
      await s.t.finishAllScheduledFunctions(vi.runAllTimers);
      expect(await uses()).toBe(0);
      expect(await stockOf(s, "mug")).toBe(5);
    } finally {
      vi.useRealTimers();
    }
  });

  test("an unpaid checkout expires after 30 minutes and gives the stock back", async () => {
    vi.useFakeTimers();
    try {
      const s = await shop();
      const started = await startAtQuote(s, [line(s, "lamp")]);
      expect(await stockOf(s, "lamp")).toBe(0);
      vi.advanceTimersByTime(30 * 60 * 1000 + 1_000);
      await s.t.finishAllScheduledFunctions(vi.runAllTimers);
      expect(await stockOf(s, "lamp")).toBe(1);
      const status = await s.t.query(api.checkout.status, {
        slug: s.slug,
        checkoutId: started.checkoutId,
      });
      expect(status!.status).toBe("expired");
      expect(
        await kindOf(
          s.t.mutation(api.checkout.payOffline, {
            slug: s.slug,
            checkoutId: started.checkoutId,
            cardNumber: CARD_OK,
          }),
        ),
      ).toBe("CONFLICT");
      expect(await orderCount(s)).toBe(0);
    } finally {
      vi.useRealTimers();
    }
  });
});

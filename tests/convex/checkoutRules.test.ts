// The pure rules behind checkout: coupon pricing and its reasons, A/B arm assignment, input
// normalisation and the secrets. No database.
import { describe, expect, test } from "vitest";
import {
  checkoutHashes,
  isCheckoutSecret,
  maskEmail,
  normalizeAddress,
  normalizeEmail,
  normalizeItems,
  offlineCardOutcome,
  receiptTokenFor,
  sha256Hex,
} from "../../convex/model/checkout";
import { type CouponTerms, priceCoupon } from "../../convex/model/coupons";
import { armVariantPrice, assignArm } from "../../convex/model/priceTests";

const DEC_3 = Date.UTC(2026, 11, 3);
const base: CouponTerms & { code: string } = {
  code: "SAVE",
  active: true,
  discount: { kind: "percent", percentBps: 2_000 },
  redemptions: 0,
};

describe("priceCoupon", () => {
  test("percent, fixed and free shipping", () => {
    expect(priceCoupon(base, 5_000, 500, DEC_3)).toEqual({
      ok: true,
      discountCents: 1_000,
      freeShipping: false,
      label: "20% off",
    });
    const fixed = { ...base, discount: { kind: "fixed" as const, amountCents: 700 } };
    expect(priceCoupon(fixed, 5_000, 500, DEC_3)).toMatchObject({
      discountCents: 700,
      label: "$7.00 off",
    });
    // A fixed discount never exceeds the cart.
    expect(priceCoupon(fixed, 400, 500, DEC_3)).toMatchObject({ discountCents: 400 });
    const ship = { ...base, discount: { kind: "free_shipping" as const } };
    expect(priceCoupon(ship, 5_000, 500, DEC_3)).toMatchObject({
      discountCents: 0,
      freeShipping: true,
      label: "Free shipping",
    });
  });

  test("expired, not started, minimum, used up, inactive: each with a reason a shopper reads", () => {
    expect(priceCoupon({ ...base, endsAt: DEC_3 }, 5_000, 0, DEC_3 + 1)).toEqual({
      ok: false,
      reason: "This code expired on 3 Dec.",
    });
    expect(priceCoupon({ ...base, startsAt: DEC_3 }, 5_000, 0, DEC_3 - 1)).toEqual({
      ok: false,
      reason: "This code starts on 3 Dec.",
    });
    expect(priceCoupon({ ...base, minSubtotalCents: 4_000 }, 3_999, 0, DEC_3)).toEqual({
      ok: false,
      reason: "Spend $40.00 to use this code.",
    });
    expect(priceCoupon({ ...base, minSubtotalCents: 4_000 }, 4_000, 0, DEC_3).ok).toBe(true);
    expect(priceCoupon({ ...base, maxRedemptions: 3, redemptions: 3 }, 5_000, 0, DEC_3)).toEqual({
      ok: false,
      reason: "This code has been used up.",
    });
    expect(priceCoupon({ ...base, maxRedemptions: 3, redemptions: 2 }, 5_000, 0, DEC_3).ok).toBe(
      true,
    );
    expect(priceCoupon({ ...base, active: false }, 5_000, 0, DEC_3).ok).toBe(false);
  });
});

describe("A/B arms", () => {
  test("deterministic per (test, visitor) and close to an even split", () => {
    expect(assignArm("test1", "visitor-a", 2)).toBe(assignArm("test1", "visitor-a", 2));
    const counts = [0, 0, 0];
    for (let i = 0; i < 3_000; i++) counts[assignArm("test1", `visitor-${i}`, 3)] += 1;
    for (const count of counts) expect(Math.abs(count - 1_000)).toBeLessThan(120);
    // Another test splits the same visitors differently.
    let same = 0;
    for (let i = 0; i < 1_000; i++) {
      if (assignArm("test1", `v-${i}`, 2) === assignArm("test2", `v-${i}`, 2)) same += 1;
    }
    expect(same).toBeGreaterThan(400);
    expect(same).toBeLessThan(600);
  });

  test("other variants keep their distance from the arm's price", () => {
    const arm = { testId: "t" as never, arm: 1, priceCents: 1_800 };
    expect(armVariantPrice({ priceCents: 2_000 }, 2_000, arm)).toBe(1_800);
    expect(armVariantPrice({ priceCents: 2_500 }, 2_000, arm)).toBe(2_300);
    expect(armVariantPrice({ priceCents: 2_500 }, 2_000, null)).toBe(2_500);
  });
});

describe("shopper input", () => {
  test("cart lines merge and are bounded", () => {
    const p = "p1" as never;
    expect(
      normalizeItems([
        { productId: p, sku: "A", quantity: 2 },
        { productId: p, sku: "A", quantity: 3 },
      ]),
    ).toEqual([{ productId: p, sku: "A", quantity: 5 }]);
    expect(() =>
      normalizeItems([
        { productId: p, sku: "A", quantity: 60 },
        { productId: p, sku: "A", quantity: 60 },
      ]),
    ).toThrow(/at most 99/);
  });

  test("email and address are trimmed, checked and refused with reasons", () => {
    expect(normalizeEmail("  Ada@Example.COM ")).toBe("ada@example.com");
    expect(() => normalizeEmail("ada@")).toThrow(/does not look right/);
    expect(() => normalizeEmail("")).toThrow(/Enter your email/);
    const address = normalizeAddress({
      name: " Ada ",
      line1: "1 St",
      line2: "  ",
      city: "London",
      postalCode: "N1",
      country: "gb",
    });
    expect(address).toEqual({
      name: "Ada",
      line1: "1 St",
      line2: undefined,
      city: "London",
      region: undefined,
      postalCode: "N1",
      country: "GB",
      phone: undefined,
    });
    expect(() => normalizeAddress({ ...address, city: "x".repeat(101) })).toThrow(/too long/);
  });

  test("test cards and masked emails", () => {
    expect(offlineCardOutcome("4242-4242-4242-4242")).toBe("paid");
    expect(offlineCardOutcome("4000 0000 0000 0002")).toBe("declined");
    expect(offlineCardOutcome("4242")).toBe("unknown");
    expect(maskEmail("grace@example.com")).toBe("g***@example.com");
  });

  test("the receipt token is a secret of its own, derived from the checkout's", () => {
    const secret = "A".repeat(43);
    const token = receiptTokenFor(secret);
    expect(isCheckoutSecret(token)).toBe(true);
    expect(token).not.toBe(secret);
    expect(receiptTokenFor(secret)).toBe(token);
    expect(checkoutHashes(secret)).toEqual({
      keyHash: sha256Hex(secret),
      receiptHash: sha256Hex(token),
    });
    // Known-answer check of the hash (SHA-256 of "abc").
    expect(sha256Hex("abc")).toBe(
      "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
    );
  });
});

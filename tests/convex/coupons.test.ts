// Coupons from the dashboard: what may be saved (and what is refused, changing nothing), unique
// codes per store whatever the case, the list's states, and who may edit.
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { couponStatusAt, parseCoupon } from "../../convex/model/couponRules";
import { pricingStore } from "./pricingFixture";
import { kindOf } from "./setup";

const DAY = 86_400_000;
const percent = (bps: number) => ({ kind: "percent" as const, percentBps: bps });

describe("coupon rules", () => {
  test("codes are trimmed and upper-cased; bad codes are refused", () => {
    expect(parseCoupon({ code: "  spring-20 ", discount: percent(2_000) }).code).toBe("SPRING-20");
    for (const code of ["", "ab", "with space", "ÜBER10", "x".repeat(33)]) {
      expect(() => parseCoupon({ code, discount: percent(1_000) }), code).toThrow(/3 to 32/);
    }
  });

  test("percent 1–100%, fixed within reason, free shipping as is", () => {
    for (const bps of [0, 99, 10_001, 150.5, -500]) {
      expect(() => parseCoupon({ code: "PCT", discount: percent(bps) }), `${bps}`).toThrow(
        /1% and 100%/,
      );
    }
    expect(parseCoupon({ code: "ALL", discount: percent(10_000) }).discount).toEqual(
      percent(10_000),
    );
    for (const amountCents of [0, -500, 12.5, 100_001]) {
      expect(
        () => parseCoupon({ code: "FIX", discount: { kind: "fixed", amountCents } }),
        `${amountCents}`,
      ).toThrow(/fixed discount/);
    }
    expect(parseCoupon({ code: "SHIP", discount: { kind: "free_shipping" } }).discount.kind).toBe(
      "free_shipping",
    );
  });

  test("minimum order, usage limit and dates", () => {
    const base = { code: "OK10", discount: percent(1_000) };
    expect(() => parseCoupon({ ...base, minSubtotalCents: -1 })).toThrow(/minimum order/);
    expect(() => parseCoupon({ ...base, maxRedemptions: 0 })).toThrow(/usage limit/);
    expect(() => parseCoupon({ ...base, maxRedemptions: 2.5 })).toThrow(/usage limit/);
    const start = Date.UTC(2026, 0, 10);
    expect(() => parseCoupon({ ...base, startsAt: start, endsAt: start - DAY })).toThrow(
      /expiry must be after the start/,
    );
    expect(() => parseCoupon({ ...base, startsAt: start, endsAt: start })).toThrow(
      /after the start/,
    );
    expect(() => parseCoupon({ ...base, endsAt: 5 })).toThrow(/not a real date/);
  });

  test("status: inactive, expired, used up, scheduled, active", () => {
    const now = Date.UTC(2026, 5, 1);
    const c = { active: true, redemptions: 3 };
    expect(couponStatusAt({ ...c, active: false }, now)).toBe("inactive");
    expect(couponStatusAt({ ...c, endsAt: now }, now)).toBe("expired");
    expect(couponStatusAt({ ...c, maxRedemptions: 3 }, now)).toBe("used_up");
    expect(couponStatusAt({ ...c, startsAt: now + 1 }, now)).toBe("scheduled");
    expect(couponStatusAt({ ...c, startsAt: now, endsAt: now + 1, maxRedemptions: 4 }, now)).toBe(
      "active",
    );
  });
});

describe("coupon functions", () => {
  test("create, list with use and status, edit, deactivate", async () => {
    const { t, owner, storeId } = await pricingStore();
    const now = Date.now();
    const couponId = await owner.mutation(api.coupons.create, {
      storeId,
      coupon: {
        code: "spring20",
        discount: percent(2_000),
        maxRedemptions: 50,
        minSubtotalCents: 3_000,
      },
    });
    await owner.mutation(api.coupons.create, {
      storeId,
      coupon: { code: "LATER", discount: { kind: "free_shipping" }, startsAt: now + DAY },
    });
    await t.run((ctx) => ctx.db.patch(couponId, { redemptions: 7 }));
    let list = await owner.query(api.coupons.list, { storeId });
    expect(list.map((c) => [c.code, c.status, c.redemptions, c.maxRedemptions])).toEqual([
      ["LATER", "scheduled", 0, undefined],
      ["SPRING20", "active", 7, 50],
    ]);

    await owner.mutation(api.coupons.update, {
      storeId,
      couponId,
      coupon: {
        code: "SPRING20",
        discount: { kind: "fixed", amountCents: 500 },
        maxRedemptions: 7,
      },
    });
    list = await owner.query(api.coupons.list, { storeId });
    expect(list[1]).toMatchObject({
      discount: { kind: "fixed", amountCents: 500 },
      redemptions: 7,
      status: "used_up",
    });
    expect(list[1].minSubtotalCents).toBeUndefined();

    await owner.mutation(api.coupons.setActive, { storeId, couponId, active: false });
    expect((await owner.query(api.coupons.list, { storeId }))[1].status).toBe("inactive");
    const audit = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(audit.map((row) => row.action).filter((a) => a.startsWith("coupon."))).toEqual([
      "coupon.create",
      "coupon.create",
      "coupon.update",
      "coupon.deactivate",
    ]);
  });

  test("duplicate codes (any case), bad input and a limit below use change nothing", async () => {
    const { t, owner, storeId } = await pricingStore();
    const couponId = await owner.mutation(api.coupons.create, {
      storeId,
      coupon: { code: "WELCOME10", discount: percent(1_000) },
    });
    await t.run((ctx) => ctx.db.patch(couponId, { redemptions: 4 }));
    const before = await t.run((ctx) => ctx.db.query("coupons").collect());
    const create = (coupon: Parameters<typeof parseCoupon>[0]) =>
      kindOf(owner.mutation(api.coupons.create, { storeId, coupon }));
    expect(await create({ code: "welcome10", discount: percent(500) })).toBe("CONFLICT");
    expect(await create({ code: "BIG", discount: percent(15_000) })).toBe("INVALID");
    expect(await create({ code: "NEG", discount: { kind: "fixed", amountCents: -5 } })).toBe(
      "INVALID",
    );
    expect(
      await kindOf(
        owner.mutation(api.coupons.update, {
          storeId,
          couponId,
          coupon: { code: "WELCOME10", discount: percent(1_000), maxRedemptions: 3 },
        }),
      ),
    ).toBe("INVALID");
    const otherId = await owner.mutation(api.coupons.create, {
      storeId,
      coupon: { code: "OTHER", discount: percent(500) },
    });
    expect(
      await kindOf(
        owner.mutation(api.coupons.update, {
          storeId,
          couponId: otherId,
          coupon: { code: "Welcome10", discount: percent(500) },
        }),
      ),
    ).toBe("CONFLICT");
    const after = await t.run((ctx) => ctx.db.query("coupons").collect());
    expect(after.filter((c) => c.code !== "OTHER")).toEqual(before);
  });

  test("staff see the list but can't create, edit or pause", async () => {
    const { owner, staff, storeId } = await pricingStore();
    const couponId = await owner.mutation(api.coupons.create, {
      storeId,
      coupon: { code: "TEAM5", discount: percent(500) },
    });
    expect(await staff.query(api.coupons.list, { storeId })).toHaveLength(1);
    expect(
      await kindOf(
        staff.mutation(api.coupons.create, {
          storeId,
          coupon: { code: "MINE", discount: percent(500) },
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await kindOf(staff.mutation(api.coupons.setActive, { storeId, couponId, active: false })),
    ).toBe("FORBIDDEN");
  });
});

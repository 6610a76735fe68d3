// A/B price tests: the significance maths (a clear winner, a tie, too little data), arms held
// to the price floor, one running test per product, applying a winner, and who may do it.
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import {
  analyseTest,
  normalCdf,
  twoProportionZTest,
  viewsPerArmNeeded,
} from "../../convex/model/significance";
import { pricingStore } from "./pricingFixture";
import { kindOf, makeTest, OWNER, seedSmall } from "./setup";

const arm = (label: string, views: number, orders: number, priceCents = 1_000) => ({
  label,
  views,
  orders,
  revenueCents: orders * priceCents,
});

describe("significance", () => {
  test("normal CDF and the z-test match textbook values", () => {
    expect(normalCdf(0)).toBeCloseTo(0.5, 6);
    expect(normalCdf(1.96)).toBeCloseTo(0.975, 4);
    expect(normalCdf(-1.645)).toBeCloseTo(0.05, 3);
    // 200/2000 vs 260/2000: pooled 0.115, se 0.01009, z = 2.974, p = 0.0029.
    const result = twoProportionZTest({ views: 2_000, orders: 200 }, { views: 2_000, orders: 260 });
    expect(result.z).toBeCloseTo(2.974, 2);
    expect(result.pValue).toBeCloseTo(0.0029, 3);
  });

  test("a clear winner is named with its lift and confidence", () => {
    const { verdict, arms } = analyseTest([arm("Control", 2_000, 200), arm("B", 2_000, 260)]);
    expect(verdict).toMatchObject({ kind: "winner", arm: 1 });
    expect(verdict.message).toBe("B converts 30% better than Control, 100% confidence.");
    expect(arms[1].liftVsControl).toBeCloseTo(0.3, 6);
    expect(arms[1].confidence).toBeGreaterThan(0.99);
    expect(arms[0].revenuePerVisitorCents).toBe(100);
  });

  test("a moderate winner shows a confidence below 100%", () => {
    const { verdict } = analyseTest([arm("Control", 3_000, 150), arm("B", 3_000, 186)]);
    expect(verdict.kind).toBe("winner");
    expect(verdict.message).toMatch(/^B converts 24% better than Control, 9[5-9]% confidence\.$/);
  });

  test("a control that beats every challenger wins", () => {
    const { verdict } = analyseTest([arm("Control", 2_000, 260), arm("B", 2_000, 200)]);
    expect(verdict).toMatchObject({ kind: "winner", arm: 0 });
  });

  test("a tie names no winner and says how many more views it needs", () => {
    const { verdict } = analyseTest([arm("Control", 812, 27), arm("+$3", 798, 24)]);
    expect(verdict.kind).toBe("no_winner");
    if (verdict.kind !== "no_winner") return;
    const needed = viewsPerArmNeeded(27 / 812, 24 / 798, 0.05);
    expect(verdict.moreViewsPerArm).toBe(needed - 798);
    expect(verdict.message).toBe(
      `No winner yet: need ~${(needed - 798).toLocaleString("en-US")} more views per arm.`,
    );
    // Identical rates are sized for a 10% lift instead of dividing by zero.
    const same = analyseTest([arm("A", 1_000, 50), arm("B", 1_000, 50)]).verdict;
    expect(same.kind).toBe("no_winner");
    if (same.kind === "no_winner") expect(same.moreViewsPerArm).toBeGreaterThan(10_000);
  });

  test("too little data names no winner, however large the gap looks", () => {
    const { verdict } = analyseTest([arm("Control", 40, 1), arm("B", 40, 4)]);
    expect(verdict.kind).toBe("too_little_data");
    expect(verdict.message).toMatch(/Control has 1 from 40 views/);
    expect(analyseTest([arm("A", 0, 0), arm("B", 0, 0)]).verdict.kind).toBe("too_little_data");
  });

  test("more arms need more confidence (Bonferroni)", () => {
    // z ≈ 2.1 (p ≈ 0.036): a winner between two arms, not among four.
    const two = analyseTest([arm("A", 4_000, 200), arm("B", 4_000, 245)]);
    expect(two.verdict.kind).toBe("winner");
    const four = analyseTest([
      arm("A", 4_000, 200),
      arm("B", 4_000, 245),
      arm("C", 4_000, 201),
      arm("D", 4_000, 199),
    ]);
    expect(four.verdict.kind).toBe("no_winner");
  });
});

describe("price test functions", () => {
  test("arms below the price floor, duplicates and too many arms are refused", async () => {
    const { t, owner, storeId, mug, lamp } = await pricingStore();
    const create = (productId: typeof mug, challengers: { label: string; priceCents: number }[]) =>
      kindOf(owner.mutation(api.priceTests.create, { storeId, productId, challengers }));
    // The mug's floor is $9.58 (cost $4 + shipping $5 + fees).
    expect(await create(mug, [{ label: "Cheap", priceCents: 957 }])).toBe("INVALID");
    expect(await create(mug, [{ label: "Same", priceCents: 2_499 }])).toBe("INVALID");
    expect(await create(mug, [])).toBe("INVALID");
    expect(
      await create(
        mug,
        [1, 2, 3, 4].map((n) => ({ label: `P${n}`, priceCents: 2_000 + n })),
      ),
    ).toBe("INVALID");
    expect(await create(mug, [{ label: "Neg", priceCents: -100 }])).toBe("INVALID");
    expect(await create(lamp, [{ label: "B", priceCents: 3_499 }])).toBe("INVALID");
    expect(await t.run((ctx) => ctx.db.query("priceTests").collect())).toEqual([]);
    expect(await create(mug, [{ label: "At floor", priceCents: 958 }])).toBe("no error");
  });

  test("create, start (one running per product), stop, results", async () => {
    const { owner, storeId, mug } = await pricingStore();
    const testId = await owner.mutation(api.priceTests.create, {
      storeId,
      productId: mug,
      challengers: [{ label: "B", priceCents: 2_999 }],
    });
    const second = await owner.mutation(api.priceTests.create, {
      storeId,
      productId: mug,
      challengers: [{ label: "C", priceCents: 1_999 }],
    });
    await owner.mutation(api.priceTests.start, { storeId, testId });
    expect(await kindOf(owner.mutation(api.priceTests.start, { storeId, testId: second }))).toBe(
      "CONFLICT",
    );
    const running = await owner.query(api.priceTests.get, { storeId, testId });
    expect(running).toMatchObject({
      status: "running",
      productTitle: "Mug",
      arms: [
        { label: "Control", priceCents: 2_499, views: 0 },
        { label: "B", priceCents: 2_999, views: 0 },
      ],
      verdict: { kind: "too_little_data" },
    });
    await owner.mutation(api.priceTests.stop, { storeId, testId });
    await owner.mutation(api.priceTests.start, { storeId, testId: second });
    const list = await owner.query(api.priceTests.list, { storeId });
    expect(list.map((x) => [x._id, x.status])).toEqual([
      [second, "running"],
      [testId, "stopped"],
    ]);
  });

  test("apply winner only with a significant winner, through the catalog writer", async () => {
    const { t, owner, staff, storeId, mug } = await pricingStore();
    const testId = await owner.mutation(api.priceTests.create, {
      storeId,
      productId: mug,
      challengers: [{ label: "B", priceCents: 2_299 }],
    });
    await owner.mutation(api.priceTests.start, { storeId, testId });
    const counts = async (a: [number, number], b: [number, number]) =>
      await t.run(async (ctx) => {
        const test = (await ctx.db.get(testId))!;
        const arms = test.arms.map((x, i) => {
          const [views, orders] = i === 0 ? a : b;
          return { ...x, views, orders, carts: orders * 2, revenueCents: orders * x.priceCents };
        });
        await ctx.db.patch(testId, { arms });
      });
    await counts([812, 27], [798, 24]);
    expect(await kindOf(owner.mutation(api.priceTests.applyWinner, { storeId, testId }))).toBe(
      "INVALID",
    );
    expect((await t.run((ctx) => ctx.db.get(mug)))!.priceCents).toBe(2_499);

    await counts([2_000, 200], [2_000, 260]);
    expect(await kindOf(staff.mutation(api.priceTests.applyWinner, { storeId, testId }))).toBe(
      "FORBIDDEN",
    );
    expect(await owner.mutation(api.priceTests.applyWinner, { storeId, testId })).toBe(2_299);
    expect((await t.run((ctx) => ctx.db.get(mug)))!.priceCents).toBe(2_299);
    expect(await owner.query(api.priceTests.get, { storeId, testId })).toMatchObject({
      status: "completed",
      winnerArm: 1,
    });
    const audit = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(audit.some((row) => row.action === "product.update")).toBe(true);
  });

  test("staff read results but can't create, start or stop", async () => {
    const { owner, staff, storeId, mug } = await pricingStore();
    const testId = await owner.mutation(api.priceTests.create, {
      storeId,
      productId: mug,
      challengers: [{ label: "B", priceCents: 2_999 }],
    });
    expect(await staff.query(api.priceTests.list, { storeId })).toHaveLength(1);
    expect(
      await kindOf(
        staff.mutation(api.priceTests.create, {
          storeId,
          productId: mug,
          challengers: [{ label: "B", priceCents: 2_999 }],
        }),
      ),
    ).toBe("FORBIDDEN");
    expect(await kindOf(staff.mutation(api.priceTests.start, { storeId, testId }))).toBe(
      "FORBIDDEN",
    );
    expect(await kindOf(staff.mutation(api.priceTests.stop, { storeId, testId }))).toBe(
      "FORBIDDEN",
    );
  });
});

describe("the demo store's tests", () => {
  test("the completed test's applied winner is significant and is today's price", async () => {
    const t = makeTest();
    const { storeId } = await seedSmall(t);
    await t.withIdentity(OWNER).mutation(api.users.ensure, {});
    const tests = await t.withIdentity(OWNER).query(api.priceTests.list, { storeId });
    const running = tests.find((x) => x.status === "running")!;
    const completed = tests.find((x) => x.status === "completed")!;
    expect(running.verdict.kind).toBe("no_winner");
    expect(completed.verdict).toMatchObject({ kind: "winner", arm: completed.winnerArm });
    expect(completed.arms[completed.winnerArm!].priceCents).toBe(completed.productPriceCents);
  }, 60_000);
});

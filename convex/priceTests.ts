// SELL: A/B price tests from the dashboard: create (control = today's price, no arm under the
// price floor), start (one running test per product), stop, read the results, apply the
// winner through the catalog writer. Visitors are assigned and counted at the storefront.
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import type { MutationCtx, QueryCtx } from "./_generated/server";
import { storeMutation, storeQuery } from "./functions";
import { getInStoreX } from "./model/access";
import { recordAudit, userActor } from "./model/audit";
import { conflict, invalid } from "./model/errors";
import { assertAboveFloor } from "./model/pricing";
import { quickEditProduct } from "./model/products";
import { analyseTest } from "./model/significance";
import { priceTestStatus } from "./model/validators";

const MAX_TESTS_LISTED = 200;

const armResult = v.object({
  label: v.string(),
  priceCents: v.number(),
  views: v.number(),
  carts: v.number(),
  orders: v.number(),
  revenueCents: v.number(),
  conversion: v.number(),
  revenuePerVisitorCents: v.number(),
  liftVsControl: v.union(v.number(), v.null()),
  confidence: v.union(v.number(), v.null()),
});
const verdict = v.union(
  v.object({ kind: v.literal("winner"), arm: v.number(), message: v.string() }),
  v.object({ kind: v.literal("no_winner"), moreViewsPerArm: v.number(), message: v.string() }),
  v.object({ kind: v.literal("too_little_data"), message: v.string() }),
);
const testView = v.object({
  _id: v.id("priceTests"),
  productId: v.id("products"),
  productTitle: v.string(),
  productPriceCents: v.number(),
  status: priceTestStatus,
  startedAt: v.optional(v.number()),
  endedAt: v.optional(v.number()),
  winnerArm: v.optional(v.number()),
  arms: v.array(armResult),
  verdict,
});

function view(test: Doc<"priceTests">, product: Doc<"products"> | null): typeof testView.type {
  const analysis = analyseTest(test.arms);
  // A finished test will get no more views: say what it lacked, not what it still needs.
  if (
    test.status !== "running" &&
    test.status !== "draft" &&
    analysis.verdict.kind === "no_winner"
  ) {
    analysis.verdict.message = analysis.verdict.message.replace(
      /^No winner yet: need/,
      "No significant winner: it needed",
    );
  }
  return {
    _id: test._id,
    productId: test.productId,
    productTitle: product?.title ?? "Deleted product",
    productPriceCents: product?.priceCents ?? 0,
    status: test.status,
    startedAt: test.startedAt,
    endedAt: test.endedAt,
    winnerArm: test.winnerArm,
    arms: test.arms.map((arm, i) => ({ ...arm, ...analysis.arms[i] })),
    verdict: analysis.verdict,
  };
}

async function runningTestFor(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  productId: Id<"products">,
): Promise<Doc<"priceTests"> | null> {
  const tests = await ctx.db
    .query("priceTests")
    .withIndex("by_store_product", (q) => q.eq("storeId", storeId).eq("productId", productId))
    .take(MAX_TESTS_LISTED);
  return tests.find((test) => test.status === "running") ?? null;
}

/** Every test, running first, with its verdict. */
export const list = storeQuery({
  args: {},
  returns: v.array(testView),
  handler: async (ctx, { storeId }) => {
    const out = [];
    for (const status of ["running", "draft", "completed", "stopped"] as const) {
      const tests = await ctx.db
        .query("priceTests")
        .withIndex("by_store_status", (q) => q.eq("storeId", storeId).eq("status", status))
        .order("desc")
        .take(MAX_TESTS_LISTED);
      for (const test of tests) out.push(view(test, await ctx.db.get(test.productId)));
    }
    return out;
  },
});

export const get = storeQuery({
  args: { testId: v.id("priceTests") },
  returns: v.union(testView, v.null()),
  handler: async (ctx, { storeId, testId }) => {
    const test = await ctx.db.get(testId);
    if (test === null || test.storeId !== storeId) return null;
    return view(test, await ctx.db.get(test.productId));
  },
});

async function audit(
  ctx: MutationCtx & { user: Doc<"users"> },
  storeId: Id<"stores">,
  testId: Id<"priceTests">,
  action: string,
  from: string | null,
  to: string,
) {
  await recordAudit(ctx, {
    storeId,
    actor: userActor(ctx.user._id),
    action,
    targetTable: "priceTests",
    targetId: testId,
    changes: [{ field: "status", from, to }],
  });
}

/**
 * A draft test: arm A is the control at today's price, then 1–3 challengers, each priced at
 * or above the product's floor and different from every other arm.
 */
export const create = storeMutation({
  permission: "catalog.edit",
  args: {
    productId: v.id("products"),
    challengers: v.array(v.object({ label: v.string(), priceCents: v.number() })),
  },
  returns: v.id("priceTests"),
  handler: async (ctx, { storeId, productId, challengers }) => {
    const product = await getInStoreX(ctx, storeId, productId, "Product");
    if (challengers.length < 1 || challengers.length > 3) {
      throw invalid("A test needs 1 to 3 prices to try against today's price (2–4 arms).");
    }
    if (product.supplierCostCents === undefined) {
      throw invalid(
        `Add ${product.title}'s supplier cost first: test prices are checked against its price floor.`,
      );
    }
    const arms = [{ label: "Control", priceCents: product.priceCents }, ...challengers].map(
      (arm, index) => {
        const label = arm.label.trim() || `Arm ${String.fromCharCode(65 + index)}`;
        if (label.length > 40) throw invalid("An arm's label needs at most 40 characters.");
        if (
          !Number.isSafeInteger(arm.priceCents) ||
          arm.priceCents <= 0 ||
          arm.priceCents > 10_000_000
        ) {
          throw invalid(
            `${label}'s price must be a whole number of cents between $0.01 and $100,000.`,
          );
        }
        assertAboveFloor(ctx.store, product, arm.priceCents, `${label}'s price`);
        return {
          label,
          priceCents: arm.priceCents,
          views: 0,
          carts: 0,
          orders: 0,
          revenueCents: 0,
        };
      },
    );
    if (new Set(arms.map((arm) => arm.priceCents)).size !== arms.length) {
      throw invalid("Each arm needs a different price (the control is today's price).");
    }
    if (new Set(arms.map((arm) => arm.label.toLowerCase())).size !== arms.length) {
      throw invalid("Each arm needs a different label.");
    }
    const testId = await ctx.db.insert("priceTests", { storeId, productId, status: "draft", arms });
    await audit(ctx, storeId, testId, "priceTest.create", null, "draft");
    return testId;
  },
});

/** Starts a draft test; a product runs one test at a time. */
export const start = storeMutation({
  permission: "catalog.edit",
  args: { testId: v.id("priceTests") },
  returns: v.null(),
  handler: async (ctx, { storeId, testId }) => {
    const test = await getInStoreX(ctx, storeId, testId, "Price test");
    if (test.status !== "draft")
      throw invalid(`This test is ${test.status}; only a draft can start.`);
    const product = await getInStoreX(ctx, storeId, test.productId, "Product");
    if (await runningTestFor(ctx, storeId, test.productId)) {
      throw conflict(`${product.title} already has a running price test; stop it first.`);
    }
    // The control must still be today's price, or the test would compare the wrong prices.
    if (test.arms[0].priceCents !== product.priceCents) {
      throw conflict(
        `${product.title}'s price changed since this test was drafted; create a new test.`,
      );
    }
    for (const arm of test.arms)
      assertAboveFloor(ctx.store, product, arm.priceCents, `${arm.label}'s price`);
    await ctx.db.patch(testId, { status: "running", startedAt: Date.now() });
    await audit(ctx, storeId, testId, "priceTest.start", "draft", "running");
    return null;
  },
});

/** Stops a running test (visitors all see today's price again); a draft is discarded. */
export const stop = storeMutation({
  permission: "catalog.edit",
  args: { testId: v.id("priceTests") },
  returns: v.null(),
  handler: async (ctx, { storeId, testId }) => {
    const test = await getInStoreX(ctx, storeId, testId, "Price test");
    if (test.status !== "running" && test.status !== "draft") {
      throw invalid(`This test is already ${test.status}.`);
    }
    await ctx.db.patch(testId, { status: "stopped", endedAt: Date.now() });
    await audit(ctx, storeId, testId, "priceTest.stop", test.status, "stopped");
    return null;
  },
});

/**
 * Sets the product's price to the significant winner's (through the catalog writer) and
 * completes the test. Refused while there is no significant winner.
 */
export const applyWinner = storeMutation({
  permission: "catalog.edit",
  args: { testId: v.id("priceTests") },
  returns: v.number(),
  handler: async (ctx, { storeId, testId }) => {
    const test = await getInStoreX(ctx, storeId, testId, "Price test");
    const { verdict: found } = analyseTest(test.arms);
    if (found.kind !== "winner") throw invalid(`Nothing to apply. ${found.message}`);
    const product = await getInStoreX(ctx, storeId, test.productId, "Product");
    const arm = test.arms[found.arm];
    assertAboveFloor(ctx.store, product, arm.priceCents, `${arm.label}'s price`);
    await quickEditProduct(
      ctx,
      storeId,
      userActor(ctx.user._id),
      product._id,
      { priceCents: arm.priceCents },
      Date.now(),
    );
    await ctx.db.patch(testId, {
      status: "completed",
      winnerArm: found.arm,
      endedAt: test.endedAt ?? Date.now(),
    });
    await audit(ctx, storeId, testId, "priceTest.apply", test.status, "completed");
    return arm.priceCents;
  },
});

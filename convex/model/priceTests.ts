// A/B price tests on the storefront: which arm a visitor sees, and counting what each arm's
// visitors did. Assignment is a pure hash of (test, visitor), so the same visitor sees the same
// price on every page and every device that keeps their visitor id, with nothing stored.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import { dateKey } from "./dates";
import type { ProductVariant } from "./validators";

/**
 * FNV-1a (32-bit) with murmur3's final mix: stable and well spread; not a secret, a splitter.
 * The mix matters: FNV-1a's low bits are a parity of the input's, so `% 2` without it would
 * split visitors by the parity of their id and give every test the same split.
 */
export function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  hash ^= hash >>> 16;
  hash = Math.imul(hash, 0x85ebca6b);
  hash ^= hash >>> 13;
  hash = Math.imul(hash, 0xc2b2ae35);
  hash ^= hash >>> 16;
  return hash >>> 0;
}

/** The arm a visitor is in: deterministic in (testId, visitorId), uniform over the arms. */
export function assignArm(testId: string, visitorId: string, armCount: number): number {
  if (armCount <= 0) return 0;
  return fnv1a(`${testId}:${visitorId}`) % armCount;
}

/** The running test on a product, if any (a product runs at most one test at a time). */
export async function runningTest(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  productId: Id<"products">,
): Promise<Doc<"priceTests"> | null> {
  // A product's tests are few (one running, a handful finished), so this range stays small.
  const tests = await ctx.db
    .query("priceTests")
    .withIndex("by_store_product", (q) => q.eq("storeId", storeId).eq("productId", productId))
    .take(50);
  return tests.find((test) => test.status === "running" && test.arms.length > 0) ?? null;
}

export type ArmChoice = { testId: Id<"priceTests">; arm: number; priceCents: number };

/** The visitor's arm of the product's running test; null when there is none (or no visitor). */
export async function armFor(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  productId: Id<"products">,
  visitorId: string | undefined,
): Promise<ArmChoice | null> {
  if (visitorId === undefined) return null;
  const test = await runningTest(ctx, storeId, productId);
  if (test === null) return null;
  const arm = assignArm(test._id, visitorId, test.arms.length);
  return { testId: test._id, arm, priceCents: test.arms[arm].priceCents };
}

/**
 * A variant's price for a visitor in an arm. The arm's price replaces the product's "from"
 * price; other variants keep their distance from it, so a dearer size stays dearer.
 */
export function armVariantPrice(
  variant: Pick<ProductVariant, "priceCents">,
  fromPriceCents: number,
  arm: ArmChoice | null,
): number {
  if (arm === null) return variant.priceCents;
  return Math.max(0, arm.priceCents + (variant.priceCents - fromPriceCents));
}

type VisitKind = "product_view" | "add_to_cart";

/**
 * Counts a view or an add-to-cart for the visitor's arm, once per visitor, test and day.
 * Returns whether it counted (false for a repeat).
 */
export async function countArmVisit(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  arm: ArmChoice,
  visitorId: string,
  kind: VisitKind,
  now: number,
): Promise<boolean> {
  const date = dateKey(now);
  const seen = await ctx.db
    .query("priceTestVisits")
    .withIndex("by_store_test_visitor", (q) =>
      q
        .eq("storeId", storeId)
        .eq("testId", arm.testId)
        .eq("visitorId", visitorId)
        .eq("kind", kind)
        .eq("date", date),
    )
    .first();
  if (seen !== null) return false;
  const test = await ctx.db.get(arm.testId);
  if (test === null || test.status !== "running" || arm.arm >= test.arms.length) return false;
  await ctx.db.insert("priceTestVisits", { storeId, testId: arm.testId, visitorId, kind, date });
  const arms = test.arms.map((entry, index) =>
    index !== arm.arm
      ? entry
      : kind === "product_view"
        ? { ...entry, views: entry.views + 1 }
        : { ...entry, carts: entry.carts + 1 },
  );
  await ctx.db.patch(test._id, { arms });
  return true;
}

/**
 * Counts a purchase for each arm the order's lines were priced by: one order per arm per
 * order, and the lines' revenue. Called in the transaction that creates the order.
 */
export async function countArmPurchases(
  ctx: MutationCtx,
  lines: {
    priceTestId?: Id<"priceTests">;
    arm?: number;
    quantity: number;
    unitPriceCents: number;
  }[],
): Promise<void> {
  const byTest = new Map<Id<"priceTests">, Map<number, number>>();
  for (const line of lines) {
    if (line.priceTestId === undefined || line.arm === undefined) continue;
    const arms = byTest.get(line.priceTestId) ?? new Map<number, number>();
    arms.set(line.arm, (arms.get(line.arm) ?? 0) + line.quantity * line.unitPriceCents);
    byTest.set(line.priceTestId, arms);
  }
  for (const [testId, revenueByArm] of byTest) {
    const test = await ctx.db.get(testId);
    // A test stopped while the shopper paid keeps its final counts.
    if (test === null || test.status !== "running") continue;
    const arms = test.arms.map((entry, index) => {
      const revenue = revenueByArm.get(index);
      return revenue === undefined
        ? entry
        : { ...entry, orders: entry.orders + 1, revenueCents: entry.revenueCents + revenue };
    });
    await ctx.db.patch(testId, { arms });
  }
}

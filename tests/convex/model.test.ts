// The business rules in convex/model/, exercised without a database.
import { describe, expect, test } from "vitest";
import type { Doc, Id } from "../../convex/_generated/dataModel";
import {
  hasRole,
  higherRole,
  PERMISSIONS,
  permissionsFor,
  refusalMessage,
} from "../../convex/model/permissions";
import { ORDER_STATUSES, PRODUCT_STATUSES, ROLES } from "../../convex/model/validators";
import {
  averageOrderValueCents,
  conversionBps,
  dailySeries,
  topProducts,
  windowTotals,
} from "../../convex/model/analytics";
import {
  applyQuickEdit,
  fromPriceCents,
  marginBps,
  slugify,
  suggestPriceCents,
  toPublicProduct,
} from "../../convex/model/catalog";
import { couponApplies } from "../../convex/model/coupons";
import { addDays, dateKey, dayRange } from "../../convex/model/dates";
import { errorKind } from "../../convex/model/errors";
import { assertCredentials, isCiphertext } from "../../convex/model/integrations";
import { addCounts, ZERO_DAY } from "../../convex/model/metrics";
import { applyBps, assertCents, ratioBps } from "../../convex/model/money";
import {
  applyStatsDelta,
  applyTransition,
  canTransition,
  computeTotals,
  ORDER_TRANSITIONS,
  validateTransition,
} from "../../convex/model/orderRules";
import { emptyStoreStats } from "../../convex/model/storeStats";
import { FAQ_EMBEDDING_DIMENSIONS, offlineEmbedding } from "../../convex/model/support";
import { orderStatus } from "../../convex/model/validators";
import schema from "../../convex/schema";

function kindOf(fn: () => unknown) {
  try {
    fn();
  } catch (error) {
    return errorKind(error);
  }
  return "did not throw";
}

describe("order status machine", () => {
  const statuses = orderStatus.members.map((m) => m.value);

  test("the table names every status, and only real statuses", () => {
    expect(Object.keys(ORDER_TRANSITIONS).sort()).toEqual([...statuses].sort());
    for (const targets of Object.values(ORDER_TRANSITIONS)) {
      for (const target of targets) expect(statuses).toContain(target);
    }
  });

  test("the happy path moves forward one step at a time", () => {
    expect(canTransition("new", "processing")).toBe(true);
    expect(canTransition("processing", "shipped")).toBe(true);
    expect(canTransition("shipped", "delivered")).toBe(true);
    expect(canTransition("delivered", "refunded")).toBe(true);
    expect(canTransition("new", "shipped")).toBe(false);
    expect(canTransition("delivered", "processing")).toBe(false);
  });

  test("cancelled and refunded are final", () => {
    for (const to of statuses) {
      expect(canTransition("cancelled", to)).toBe(false);
      expect(canTransition("refunded", to)).toBe(false);
    }
  });

  test("a shipped order cannot be cancelled, only refunded", () => {
    expect(kindOf(() => validateTransition("shipped", "cancelled"))).toBe("INVALID_TRANSITION");
    expect(kindOf(() => validateTransition("shipped", "refunded"))).toBe("did not throw");
  });

  test("applyTransition reports the counter moves and reverses revenue on cancel", () => {
    const { patch, stats } = applyTransition({ status: "new", totalCents: 2_599 }, "cancelled", 5);
    expect(patch).toEqual({ status: "cancelled", updatedAt: 5 });
    expect(stats).toEqual({
      ordersByStatus: { new: -1, cancelled: 1 },
      lifetimeRevenueCents: -2_599,
      lifetimeOrders: -1,
    });
    const forward = applyTransition({ status: "new", totalCents: 2_599 }, "processing", 5);
    expect(forward.stats.lifetimeRevenueCents).toBe(0);
    expect(() => applyTransition({ status: "new", totalCents: 1 }, "delivered", 5)).toThrow();
  });

  test("applyStatsDelta moves one order between columns", () => {
    const stats = { ...emptyStoreStats("s" as Id<"stores">), lifetimeOrders: 3 };
    stats.ordersByStatus.new = 3;
    stats.lifetimeRevenueCents = 9_000;
    const next = applyStatsDelta(
      stats,
      applyTransition({ status: "new", totalCents: 3_000 }, "cancelled", 1).stats,
    );
    expect(next.ordersByStatus.new).toBe(2);
    expect(next.ordersByStatus.cancelled).toBe(1);
    expect(next.lifetimeRevenueCents).toBe(6_000);
    expect(next.lifetimeOrders).toBe(2);
  });

  test("store stats keep one counter per order status", () => {
    const fields = Object.keys(
      schema.tables.storeStats.validator.fields.ordersByStatus.fields,
    ).sort();
    expect(fields).toEqual([...statuses].sort());
  });
});

describe("money and margin", () => {
  test("margin is (price − cost) / price in basis points", () => {
    expect(marginBps(2_000, 500)).toBe(7_500);
    expect(marginBps(1_000, 1_200)).toBe(-2_000);
    expect(marginBps(1_000, undefined)).toBeUndefined();
    expect(marginBps(0, 100)).toBeUndefined();
  });

  test("suggested prices reach the target margin and end in 99", () => {
    for (const cost of [210, 640, 1_680]) {
      const price = suggestPriceCents(cost, 6_000);
      expect(price % 100).toBe(99);
      expect(marginBps(price, cost)).toBeGreaterThanOrEqual(6_000);
    }
    expect(kindOf(() => suggestPriceCents(100, 10_000))).toBe("INVALID");
  });

  test("cents must be whole and non-negative", () => {
    expect(assertCents(0, "x")).toBe(0);
    expect(kindOf(() => assertCents(12.5, "x"))).toBe("INVALID");
    expect(kindOf(() => assertCents(-1, "x"))).toBe("INVALID");
    expect(ratioBps(1, 3)).toBe(3_333);
    expect(ratioBps(5, 0)).toBe(0);
    expect(applyBps(999, 1_000)).toBe(100);
  });

  test("order totals: percent discount, free shipping threshold, tax after discount", () => {
    const lines = [
      { unitPriceCents: 2_000, quantity: 2 },
      { unitPriceCents: 1_500, quantity: 1 },
    ];
    const base = { lines, flatShippingCents: 499, freeShippingThresholdCents: 5_000, taxBps: 700 };
    expect(computeTotals(base)).toEqual({
      subtotalCents: 5_500,
      discountCents: 0,
      shippingCents: 0,
      taxCents: 385,
      totalCents: 5_885,
    });
    const discounted = computeTotals({ ...base, discount: { kind: "percent", percentBps: 1_000 } });
    expect(discounted.discountCents).toBe(550);
    expect(discounted.taxCents).toBe(347);
    expect(discounted.totalCents).toBe(5_500 - 550 + 0 + 347);
    const small = computeTotals({ ...base, lines: [{ unitPriceCents: 1_000, quantity: 1 }] });
    expect(small.shippingCents).toBe(499);
    const freeShip = computeTotals({
      ...base,
      lines: [{ unitPriceCents: 1_000, quantity: 1 }],
      discount: { kind: "free_shipping" },
    });
    expect(freeShip.shippingCents).toBe(0);
    const fixed = computeTotals({
      ...base,
      taxBps: 0,
      discount: { kind: "fixed", amountCents: 9_999 },
    });
    expect(fixed.discountCents).toBe(5_500);
  });

  test("coupons respect active flag, window, minimum and cap", () => {
    const coupon = {
      active: true,
      discount: { kind: "percent" as const, percentBps: 1_000 },
      startsAt: 100,
      endsAt: 200,
      minSubtotalCents: 3_000,
      maxRedemptions: 2,
      redemptions: 1,
    };
    expect(couponApplies(coupon, 150, 3_000)).toBe(true);
    expect(couponApplies(coupon, 99, 3_000)).toBe(false);
    expect(couponApplies(coupon, 200, 3_000)).toBe(false);
    expect(couponApplies(coupon, 150, 2_999)).toBe(false);
    expect(couponApplies({ ...coupon, redemptions: 2 }, 150, 3_000)).toBe(false);
    expect(couponApplies({ ...coupon, active: false }, 150, 3_000)).toBe(false);
  });
});

describe("catalogue quick edit", () => {
  const variant = (sku: string, priceCents: number, stock: number) => ({
    sku,
    title: sku,
    options: {},
    priceCents,
    stock,
  });
  const product = {
    _id: "p" as Id<"products">,
    _creationTime: 0,
    storeId: "s" as Id<"stores">,
    status: "draft",
    position: 1_000,
    slug: "lamp",
    title: "Lamp",
    description: "",
    category: "Home",
    tags: [],
    images: [],
    variants: [variant("A", 2_000, 4), variant("B", 2_500, 6)],
    priceCents: 2_000,
    stock: 10,
    importSource: "aliexpress",
    supplierUrl: "https://supplier.example/lamp",
    supplierCostCents: 800,
    marginBps: 6_000,
    aiRecommendation: "import",
    updatedAt: 0,
  } satisfies Doc<"products">;

  test("a price applies to every variant and recomputes the margin", () => {
    const { patch, changes } = applyQuickEdit(product, { priceCents: 3_200 }, 9);
    expect(patch.variants?.map((v) => v.priceCents)).toEqual([3_200, 3_200]);
    expect(patch.priceCents).toBe(3_200);
    expect(patch.marginBps).toBe(7_500);
    expect(patch.updatedAt).toBe(9);
    expect(changes).toEqual([{ field: "priceCents", from: 2_000, to: 3_200 }]);
  });

  test("stock can only be zeroed for multi-variant products", () => {
    expect(kindOf(() => applyQuickEdit(product, { stock: 5 }, 1))).toBe("INVALID");
    const soldOut = applyQuickEdit(product, { stock: 0 }, 1);
    expect(soldOut.patch.variants?.every((v) => v.stock === 0)).toBe(true);
    const single = { ...product, variants: [variant("A", 2_000, 4)], stock: 4 };
    expect(applyQuickEdit(single, { stock: 7 }, 1).patch.stock).toBe(7);
  });

  test("fractional cents, empty titles and zero prices are refused", () => {
    expect(kindOf(() => applyQuickEdit(product, { priceCents: 19.99 }, 1))).toBe("INVALID");
    expect(kindOf(() => applyQuickEdit(product, { priceCents: 0 }, 1))).toBe("INVALID");
    expect(kindOf(() => applyQuickEdit(product, { title: "  " }, 1))).toBe("INVALID");
  });

  test("an unchanged edit produces no patch and no audit entry", () => {
    expect(applyQuickEdit(product, { title: "Lamp", status: "draft" }, 1)).toEqual({
      patch: {},
      changes: [],
    });
  });

  test("publishing needs priced variants", () => {
    const unpriced = { ...product, variants: [variant("A", 0, 1)] };
    expect(kindOf(() => applyQuickEdit(unpriced, { status: "active" }, 1))).toBe("INVALID");
    expect(applyQuickEdit(product, { status: "active" }, 1).patch.status).toBe("active");
  });

  test("the public view drops supplier, cost, margin and AI verdict", () => {
    const shown = toPublicProduct(product) as Record<string, unknown>;
    for (const hidden of [
      "supplierUrl",
      "supplierCostCents",
      "marginBps",
      "aiRecommendation",
      "importSource",
      "storeId",
    ]) {
      expect(shown).not.toHaveProperty(hidden);
    }
    expect(shown.title).toBe("Lamp");
  });

  test("helpers: from-price and slugs", () => {
    expect(fromPriceCents(product.variants)).toBe(2_000);
    expect(slugify("Café Crème — 2 Pack!")).toBe("cafe-creme-2-pack");
  });
});

describe("roles", () => {
  test("owner > admin > staff", () => {
    expect(hasRole("owner", "admin")).toBe(true);
    expect(hasRole("admin", "admin")).toBe(true);
    expect(hasRole("staff", "admin")).toBe(false);
    expect(hasRole("admin", "owner")).toBe(false);
    expect(higherRole("staff", "owner")).toBe("owner");
    expect(higherRole("admin", "staff")).toBe("admin");
  });

  test("permissions grow with the role, and a refusal names who may do it", () => {
    expect(permissionsFor("staff")).toEqual(["orders.work"]);
    expect(permissionsFor("admin")).toContain("catalog.edit");
    expect(permissionsFor("admin")).not.toContain("store.delete");
    expect(permissionsFor("owner")).toEqual(Object.keys(PERMISSIONS));
    expect(refusalMessage("catalog.edit", "staff")).toMatch(
      /admin role \(or owner\); you are staff/,
    );
    expect(refusalMessage("store.delete", "admin")).toMatch(/needs the owner role/);
  });

  test("member lists come from the validators, in declaration order", () => {
    expect(ORDER_STATUSES).toEqual([
      "new",
      "processing",
      "shipped",
      "delivered",
      "cancelled",
      "refunded",
    ]);
    expect(ROLES).toEqual(["owner", "admin", "staff"]);
    expect(PRODUCT_STATUSES).toEqual(["draft", "active", "archived"]);
  });
});

describe("dates and dashboard arithmetic", () => {
  test("UTC day keys", () => {
    expect(dateKey(Date.UTC(2026, 1, 28, 23, 59))).toBe("2026-02-28");
    expect(addDays("2026-02-28", 1)).toBe("2026-03-01");
    expect(dayRange("2026-03-02", 3)).toEqual(["2026-02-28", "2026-03-01", "2026-03-02"]);
  });

  const rows = [
    { date: "2026-03-01", revenueCents: 1_000, orders: 1, visitors: 40, purchases: 1 },
    { date: "2026-03-05", revenueCents: 3_000, orders: 2, visitors: 60, purchases: 2 },
    { date: "2026-03-07", revenueCents: 5_000, orders: 3, visitors: 100, purchases: 3 },
  ];

  test("windows include today and exclude older days", () => {
    expect(windowTotals(rows, "2026-03-07", 1).revenueCents).toBe(5_000);
    expect(windowTotals(rows, "2026-03-07", 3).revenueCents).toBe(8_000);
    const week = windowTotals(rows, "2026-03-07", 7);
    expect(week.revenueCents).toBe(9_000);
    expect(averageOrderValueCents(week)).toBe(1_500);
    expect(conversionBps(week)).toBe(300);
    expect(averageOrderValueCents({ revenueCents: 0, orders: 0, visitors: 0, purchases: 0 })).toBe(
      0,
    );
  });

  test("the series is zero-filled and oldest first", () => {
    const series = dailySeries(rows, "2026-03-07", 7);
    expect(series.map((p) => p.date)).toEqual(dayRange("2026-03-07", 7));
    expect(series.map((p) => p.revenueCents)).toEqual([1_000, 0, 0, 0, 3_000, 0, 5_000]);
  });

  test("top products add up days and rank by revenue", () => {
    const a = "a" as Id<"products">;
    const b = "b" as Id<"products">;
    const ranked = topProducts(
      [
        { productId: a, revenueCents: 500, units: 1 },
        { productId: b, revenueCents: 700, units: 1 },
        { productId: a, revenueCents: 400, units: 2 },
      ],
      5,
    );
    expect(ranked).toEqual([
      { productId: a, revenueCents: 900, units: 3 },
      { productId: b, revenueCents: 700, units: 1 },
    ]);
    expect(topProducts([], 5)).toEqual([]);
  });

  test("daily counts add field by field", () => {
    const day = addCounts(ZERO_DAY, { revenueCents: 5, visitors: 2 });
    expect(addCounts(day, { revenueCents: -3, purchases: 1 })).toMatchObject({
      revenueCents: 2,
      visitors: 2,
      purchases: 1,
      orders: 0,
    });
  });
});

describe("integrations and support", () => {
  test("only ciphertext passes as a credential", () => {
    const ok = "enc:v1:abcdefghijklmnopqrstuv:abcdefghijklmnopqrstuvwxyz0123456789ABCDEFGH";
    expect(isCiphertext(ok)).toBe(true);
    expect(isCiphertext("shpat_1234567890abcdef")).toBe(false);
    expect(assertCredentials({ accessToken: ok })).toEqual({ accessToken: ok });
    expect(kindOf(() => assertCredentials({ apiKey: "ck_plaintext_key" }))).toBe("INVALID");
  });

  test("offline embeddings are unit vectors of the indexed size, closer for related text", () => {
    const shipping = offlineEmbedding("How long does shipping take?");
    expect(shipping).toHaveLength(FAQ_EMBEDDING_DIMENSIONS);
    expect(Math.hypot(...shipping)).toBeCloseTo(1, 6);
    const dot = (a: number[], b: number[]) => a.reduce((s, x, i) => s + x * b[i], 0);
    const related = offlineEmbedding("how long will shipping take to Canada");
    const unrelated = offlineEmbedding("which payment methods do you accept");
    expect(dot(shipping, related)).toBeGreaterThan(dot(shipping, unrelated));
  });

  test("the FAQ vector index has the embedder's dimensions", () => {
    // export() is the shape pushed to the backend; the vector index must match the embedder.
    const exported = (
      schema.tables.faqs as unknown as { export(): { vectorIndexes: { dimensions: number }[] } }
    ).export();
    expect(exported.vectorIndexes.map((index) => index.dimensions)).toEqual([
      FAQ_EMBEDDING_DIMENSIONS,
    ]);
  });
});

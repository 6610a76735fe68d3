// Supplier rules (a variant's over its product's), recording a supplier order exactly once,
// bad input refused without change, notes in the timeline, and what staff may not see.
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { kindOf } from "./setup";
import { supplierShop } from "./suppliersFixture";

describe("supplier rules", () => {
  test("a variant's rule wins over its product's; lines without rules use the product URL", async () => {
    const { storeId, productId, owner, order } = await supplierShop();
    const orderId = await order([
      { sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 },
      { sku: "LAMP-L", quantity: 1, unitPriceCents: 4_000 },
    ]);
    let desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.lines.map((l) => [l.ruleScope, l.link])).toEqual([
      ["none", "https://supplier.test/lamp"],
      ["none", "https://supplier.test/lamp"],
    ]);

    await owner.mutation(api.suppliers.saveRule, {
      storeId,
      productId,
      supplier: "aliexpress",
      url: "https://aliexpress.test/item/1.html",
      costCents: 1_100,
      autoOrder: false,
    });
    await owner.mutation(api.suppliers.saveRule, {
      storeId,
      productId,
      sku: "LAMP-L",
      supplier: "cj",
      url: "https://cjdropshipping.test/product/lamp-l",
      supplierProductId: "VID-LARGE",
      costCents: 1_900,
      autoOrder: false,
    });
    desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    const [small, large] = desk!.lines;
    expect(small).toMatchObject({
      ruleScope: "product",
      link: "https://aliexpress.test/item/1.html",
      rule: { supplier: "aliexpress", costCents: 1_100 },
    });
    expect(large).toMatchObject({
      ruleScope: "variant",
      link: "https://cjdropshipping.test/product/lamp-l",
      rule: { supplier: "cj", supplierProductId: "VID-LARGE", costCents: 1_900 },
    });

    // Saving again replaces the rule rather than adding a second one.
    await owner.mutation(api.suppliers.saveRule, {
      storeId,
      productId,
      sku: "LAMP-L",
      supplier: "manual",
      autoOrder: false,
    });
    desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.lines[1]).toMatchObject({ ruleScope: "variant", rule: { supplier: "manual" } });
    // A variant rule without its own link falls back to the product's supplier URL.
    expect(desk!.lines[1].link).toBe("https://supplier.test/lamp");
  });

  test("bad rules are refused with a reason", async () => {
    const { storeId, productId, owner, staff } = await supplierShop();
    const base = { storeId, productId, supplier: "aliexpress" as const, autoOrder: false };
    expect(await kindOf(owner.mutation(api.suppliers.saveRule, { ...base, sku: "NOPE" }))).toBe(
      "INVALID",
    );
    expect(
      await kindOf(owner.mutation(api.suppliers.saveRule, { ...base, url: "not a url" })),
    ).toBe("INVALID");
    expect(
      await kindOf(owner.mutation(api.suppliers.saveRule, { ...base, url: "javascript:alert(1)" })),
    ).toBe("INVALID");
    expect(await kindOf(owner.mutation(api.suppliers.saveRule, { ...base, costCents: 9.99 }))).toBe(
      "INVALID",
    );
    expect(await kindOf(owner.mutation(api.suppliers.saveRule, { ...base, autoOrder: true }))).toBe(
      "INVALID",
    );
    expect(
      await kindOf(
        owner.mutation(api.suppliers.saveRule, { ...base, supplier: "cj", autoOrder: true }),
      ),
    ).toBe("INVALID");
    expect(await kindOf(staff.mutation(api.suppliers.saveRule, base))).toBe("FORBIDDEN");
  });
});

describe("recording a supplier order", () => {
  test("moves New to Processing, once; a second record changes nothing", async () => {
    const { t, storeId, owner, staff, order } = await supplierShop();
    const orderId = await order([{ sku: "LAMP-S", quantity: 2, unitPriceCents: 2_500 }]);
    const record = {
      storeId,
      orderId,
      supplier: "aliexpress" as const,
      supplierOrderId: "  8123456789012345 ",
      productCostCents: 2_300,
      shippingCostCents: 350,
    };
    await staff.mutation(api.suppliers.recordOrder, record);
    const detail = await owner.query(api.orders.get, { storeId, orderId });
    expect(detail!.order.status).toBe("processing");
    expect(detail!.fulfillments).toHaveLength(1);
    expect(detail!.fulfillments[0]).toMatchObject({
      supplier: "aliexpress",
      supplierOrderId: "8123456789012345",
      status: "ordered",
      costCents: 2_650,
    });

    const before = await t.run(async (ctx) => ({
      audit: (await ctx.db.query("auditLog").collect()).length,
      fulfillments: (await ctx.db.query("fulfillments").collect()).length,
    }));
    expect(
      await kindOf(
        owner.mutation(api.suppliers.recordOrder, { ...record, supplierOrderId: "OTHER-1" }),
      ),
    ).toBe("CONFLICT");
    const after = await t.run(async (ctx) => ({
      audit: (await ctx.db.query("auditLog").collect()).length,
      fulfillments: (await ctx.db.query("fulfillments").collect()).length,
    }));
    expect(after).toEqual(before);
    const desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.supplierOrder).toMatchObject({
      status: "placed",
      supplierOrderId: "8123456789012345",
    });
    expect(desk!.timeline.map((e) => e.action)).toEqual([
      "order.status",
      "order.supplierOrder",
      "order.create",
    ]);
    expect(desk!.timeline[1].actor).toBe("Stan Staff");
  });

  test("an empty or absurd id, or a cost that is not cents, is refused and nothing moves", async () => {
    const { storeId, owner, order } = await supplierShop();
    const orderId = await order([{ sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 }]);
    const good = {
      storeId,
      orderId,
      supplier: "cj" as const,
      supplierOrderId: "CJ-1",
      productCostCents: 1_000,
      shippingCostCents: 0,
    };
    for (const bad of [
      { supplierOrderId: "" },
      { supplierOrderId: "   " },
      { supplierOrderId: "has spaces inside" },
      { supplierOrderId: "x".repeat(65) },
      { productCostCents: 10.5 },
      { shippingCostCents: -1 },
      { productCostCents: 9_000_000 },
    ]) {
      expect(
        await kindOf(owner.mutation(api.suppliers.recordOrder, { ...good, ...bad })),
        JSON.stringify(bad),
      ).toBe("INVALID");
    }
    const detail = await owner.query(api.orders.get, { storeId, orderId });
    expect(detail!.order.status).toBe("new");
    expect(detail!.fulfillments).toEqual([]);
  });

  test("a cancelled order cannot be ordered from a supplier", async () => {
    const { storeId, owner, order } = await supplierShop();
    const orderId = await order([{ sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 }]);
    await owner.mutation(api.orders.setStatus, { storeId, orderId, status: "cancelled" });
    expect(
      await kindOf(
        owner.mutation(api.suppliers.recordOrder, {
          storeId,
          orderId,
          supplier: "manual",
          supplierOrderId: "M-1",
          productCostCents: 0,
          shippingCostCents: 0,
        }),
      ),
    ).toBe("INVALID_TRANSITION");
  });
});

describe("notes and what staff see", () => {
  test("a note is kept, audited and shown in the timeline; an empty one is refused", async () => {
    const { storeId, owner, staff, order } = await supplierShop();
    const orderId = await order([{ sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 }]);
    await staff.mutation(api.suppliers.addNote, { storeId, orderId, body: "  Gift wrap please " });
    expect(
      await kindOf(staff.mutation(api.suppliers.addNote, { storeId, orderId, body: " " })),
    ).toBe("INVALID");
    const desk = await owner.query(api.suppliers.desk, { storeId, orderId });
    expect(desk!.notes).toMatchObject([{ body: "Gift wrap please", author: "Stan Staff" }]);
    expect(desk!.timeline[0]).toMatchObject({
      action: "order.note",
      actor: "Stan Staff",
      changes: [{ field: "note", to: "Gift wrap please" }],
    });
  });

  test("staff see the supplier and link but no cost and no profit", async () => {
    const { storeId, productId, owner, staff, order } = await supplierShop();
    await owner.mutation(api.suppliers.saveRule, {
      storeId,
      productId,
      supplier: "aliexpress",
      url: "https://aliexpress.test/item/1.html",
      costCents: 1_100,
      autoOrder: false,
    });
    const orderId = await order([{ sku: "LAMP-S", quantity: 1, unitPriceCents: 2_500 }]);
    const mine = await owner.query(api.suppliers.desk, { storeId, orderId });
    const theirs = await staff.query(api.suppliers.desk, { storeId, orderId });
    expect(mine!.profit).toBeDefined();
    expect(theirs!.profit).toBeUndefined();
    expect(theirs!.lines[0].rule).toMatchObject({ supplier: "aliexpress" });
    expect(theirs!.lines[0].rule!.costCents).toBeUndefined();
  });
});

// The demo's supplier side: each imported product bought where it was found (a product rule
// with its supplier link and cost), one variant sourced elsewhere (a variant rule), the past
// orders' supplier orders, and a team note on the newest orders. Through the model writers.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { SYSTEM } from "../model/audit";
import { addOrderNote } from "../model/orders";
import { recordPastSupplierOrder, saveRule } from "../model/suppliers";

// Notes that came in with the orders (written by the system, not by a member).
const NOTES = [
  "Customer asked for gift wrap at checkout; mention it in the supplier order.",
  "Customer asked to leave the parcel with the neighbour at no. 12 if nobody is home.",
];

export async function writeSupplierDesk(ctx: MutationCtx, storeId: Id<"stores">, now: number) {
  // Bounded: the demo catalogue has ~40 products.
  const products = await ctx.db
    .query("products")
    .withIndex("by_store_position", (q) => q.eq("storeId", storeId))
    .take(1_000);
  let variantRuleDone = false;
  for (const product of products) {
    if (product.supplierUrl === undefined) continue;
    const supplier = product.supplierUrl.includes("cjdropshipping") ? "cj" : "aliexpress";
    const rule = {
      productId: product._id,
      supplier,
      url: product.supplierUrl,
      costCents: product.supplierCostCents,
      autoOrder: false,
    } as const;
    await saveRule(ctx, storeId, SYSTEM, rule, now, { audit: false });
    if (!variantRuleDone && product.variants.length > 1) {
      // The largest size comes from CJ's US warehouse: a variant rule over the product's.
      const variant = product.variants[product.variants.length - 1];
      await saveRule(
        ctx,
        storeId,
        SYSTEM,
        {
          productId: product._id,
          sku: variant.sku,
          supplier: "cj",
          url: `https://cjdropshipping.com/product/${product.slug}-p-${variant.sku}.html`,
          supplierProductId: `${variant.sku}-CJ`,
          costCents:
            product.supplierCostCents === undefined ? undefined : product.supplierCostCents + 150,
          autoOrder: false,
        },
        now,
        { audit: false },
      );
      variantRuleDone = true;
    }
  }
  for (const status of ["ordered", "shipped", "delivered"] as const) {
    const fulfillments = await ctx.db
      .query("fulfillments")
      .withIndex("by_store_status", (q) => q.eq("storeId", storeId).eq("status", status))
      .take(200);
    for (const fulfillment of fulfillments)
      await recordPastSupplierOrder(ctx, storeId, fulfillment);
  }
  const newest = await ctx.db
    .query("orders")
    .withIndex("by_store_placed", (q) => q.eq("storeId", storeId))
    .order("desc")
    .take(NOTES.length);
  for (const [index, order] of newest.entries()) {
    await addOrderNote(ctx, storeId, SYSTEM, order._id, NOTES[index], order.placedAt + 60_000);
  }
}

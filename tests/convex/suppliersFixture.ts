// A store with an owner and a staff member, a two-variant product bought at $12 from the
// supplier, and a helper placing orders through the real createOrder.
import type { Id } from "../../convex/_generated/dataModel";
import { SYSTEM } from "../../convex/model/audit";
import { createOrder } from "../../convex/model/orders";
import { insertProduct } from "../../convex/model/products";
import type { SalesChannel } from "../../convex/model/validators";
import { storeWithStaff } from "./setup";

export const STAFF = {
  subject: "staff-1",
  issuer: "https://auth.test",
  email: "stan@demo.store",
  emailVerified: true,
  name: "Stan Staff",
};

export async function supplierShop() {
  const { t, owner, staff, storeId } = await storeWithStaff("Supplier Shop", STAFF);
  const productId = await t.run(async (ctx) => {
    return await insertProduct(
      ctx,
      storeId,
      SYSTEM,
      {
        status: "active",
        position: 1_000,
        slug: "lamp",
        title: "Lamp",
        description: "A lamp.",
        category: "Home",
        tags: [],
        images: [{ url: "https://img.test/lamp.jpg", alt: "Lamp" }],
        variants: [
          { sku: "LAMP-S", title: "Small", options: { size: "S" }, priceCents: 2_500, stock: 50 },
          { sku: "LAMP-L", title: "Large", options: { size: "L" }, priceCents: 4_000, stock: 50 },
        ],
        importSource: "manual",
        supplierUrl: "https://supplier.test/lamp",
        supplierCostCents: 1_200,
      },
      { now: Date.now() },
    );
  });

  async function order(
    lines: { sku: string; quantity: number; unitPriceCents: number }[],
    extra: { channel?: SalesChannel; taxCents?: number; shippingCents?: number } = {},
  ): Promise<Id<"orders">> {
    return await t.run(async (ctx) => {
      const created = await createOrder(ctx, storeId, SYSTEM, {
        channel: extra.channel ?? "storefront",
        customer: { email: "ann@shopper.test", name: "Ann Shopper" },
        shippingAddress: {
          name: "Ann Shopper",
          line1: "1 Main St",
          line2: "Apt 4",
          city: "Springfield",
          region: "IL",
          postalCode: "62701",
          country: "US",
          phone: "+1 555 0100",
        },
        lines: lines.map((line) => ({ productId, ...line })),
        discountCents: 0,
        shippingCents: extra.shippingCents ?? 0,
        taxCents: extra.taxCents ?? 0,
        placedAt: Date.now(),
      });
      return created._id;
    });
  }

  return { t, storeId, productId, owner, staff, order };
}

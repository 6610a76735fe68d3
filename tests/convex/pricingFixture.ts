// A small store for the pricing, coupon, price-test and settings tests: an owner, a staff
// member and a mug whose supplier cost is known ($4.00) and a lamp whose cost is not.
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { SYSTEM } from "../../convex/model/audit";
import { insertProduct } from "../../convex/model/products";
import { makeTest, OWNER } from "./setup";

export const STAFF = {
  subject: "staff-1",
  issuer: "https://auth.test",
  email: "stan@pricing.test",
  emailVerified: true,
  name: "Stan",
};

export async function pricingStore() {
  const t = makeTest();
  const { storeId } = await t
    .withIdentity(OWNER)
    .mutation(api.stores.create, { name: "Price Shop", currency: "USD", timezone: "UTC" });
  const ids = await t.run(async (ctx) => {
    const store = (await ctx.db.get(storeId))!;
    // $5.00 to ship a unit, 50% margin target.
    await ctx.db.patch(storeId, {
      settings: { ...store.settings, flatShippingCents: 500, targetMarginBps: 5_000 },
    });
    const userId = await ctx.db.insert("users", {
      tokenIdentifier: `${STAFF.issuer}|${STAFF.subject}`,
      email: STAFF.email,
    });
    await ctx.db.insert("members", { storeId, userId, role: "staff" });
    const product = (slug: string, priceCents: number, supplierCostCents?: number) =>
      insertProduct(
        ctx,
        storeId,
        SYSTEM,
        {
          status: "active",
          position: priceCents,
          slug,
          title: slug === "mug" ? "Mug" : "Lamp",
          description: "",
          category: "Home",
          tags: [],
          images: [],
          variants: [{ sku: slug, title: slug, options: {}, priceCents, stock: 5 }],
          importSource: "manual",
          supplierCostCents,
        },
        { now: Date.now() },
      );
    return { mug: await product("mug", 2_499, 400), lamp: await product("lamp", 3_999) };
  });
  return {
    t,
    storeId: storeId as Id<"stores">,
    owner: t.withIdentity(OWNER),
    staff: t.withIdentity(STAFF),
    ...ids,
  };
}

// A store for the board tests: Ana (owner) and Ben (admin) with one order in every status,
// made through the model writers so counters and the audit trail are real.
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { SYSTEM } from "../../convex/model/audit";
import { createOrder, shipOrder, transitionOrder } from "../../convex/model/orders";
import { insertProduct } from "../../convex/model/products";
import type { OrderStatus } from "../../convex/model/validators";
import type { T } from "./setup";

const person = (name: string) => ({
  subject: name,
  issuer: "https://auth.test",
  email: `${name}@board.test`,
  emailVerified: true,
  name: name[0].toUpperCase() + name.slice(1),
});
export const ANA = person("ana");
export const BEN = person("ben");

// How each status is reached from "new" (by the system, through the model writers).
const PATHS: Record<OrderStatus, OrderStatus[]> = {
  new: [],
  processing: ["processing"],
  shipped: ["processing", "shipped"],
  delivered: ["processing", "shipped", "delivered"],
  cancelled: ["cancelled"],
  refunded: ["processing", "shipped", "refunded"],
};

export async function boardStore(t: T, perStatus = 1) {
  const { storeId } = await t.withIdentity(ANA).mutation(api.stores.create, {
    name: "Ana's Atelier",
    currency: "usd",
    timezone: "UTC",
  });
  const { path } = await t
    .withIdentity(ANA)
    .action(api.team.invite, { storeId, email: BEN.email, role: "admin" });
  await t.withIdentity(BEN).action(api.invites.accept, { token: path.split("/").at(-1)! });
  const orders = await t.run(async (ctx) => {
    const now = Date.now();
    const productId = await insertProduct(
      ctx,
      storeId,
      SYSTEM,
      {
        status: "active",
        position: 1_000,
        slug: "mug",
        title: "Mug",
        description: "A mug.",
        category: "Kitchen",
        tags: [],
        images: [],
        variants: [{ sku: "MUG", title: "Mug", options: {}, priceCents: 1_200, stock: 10_000 }],
        importSource: "manual",
      },
      { now },
    );
    const byStatus = {} as Record<OrderStatus, Id<"orders">[]>;
    let minute = 0;
    for (const status of Object.keys(PATHS) as OrderStatus[]) {
      byStatus[status] = [];
      for (let i = 0; i < perStatus; i++) {
        minute += 1;
        const order = await createOrder(ctx, storeId, SYSTEM, {
          channel: i % 2 === 0 ? "storefront" : "etsy",
          customer: { email: `c${minute}@x.test`, name: `Customer ${minute}` },
          shippingAddress: { name: "C", line1: "1 St", city: "A", postalCode: "1", country: "US" },
          lines: [{ productId, sku: "MUG", quantity: 1, unitPriceCents: 1_200 }],
          discountCents: 0,
          shippingCents: 0,
          taxCents: 0,
          placedAt: now - 60_000 * minute,
        });
        for (const step of PATHS[status]) {
          if (step === "shipped") {
            await shipOrder(
              ctx,
              storeId,
              SYSTEM,
              order._id,
              { trackingNumber: `TRACK${minute}000000`, carrier: "UPS" },
              now,
            );
          } else await transitionOrder(ctx, storeId, SYSTEM, order._id, step, now);
        }
        byStatus[status].push(order._id);
      }
    }
    return byStatus;
  });
  return { storeId, orders };
}

export async function statusOf(t: T, orderId: Id<"orders">) {
  return await t.run(async (ctx) => (await ctx.db.get(orderId))!.status);
}

export async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const data = (error as { data?: { message?: string } }).data;
    return data?.message ?? String(error);
  }
  return "no error";
}

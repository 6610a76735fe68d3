// Creates the demo store itself: profile, counters, the owner's invite, catalogue, coupons
// and channel connections — everything later chunks refer to.
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { assertCredentials } from "../../model/integrations";
import { SYSTEM, recordAudit } from "../../model/audit";
import { openOrderBook } from "../../model/orders";
import { insertProduct } from "../../model/products";
import { DAY_MS } from "../../model/dates";
import { buildIntegrations } from "../integrations";
import { bestSellers } from "../products";
import { DEMO_SETTINGS, DEMO_SLUG, type World } from "../world";

export const DEMO_STORE_PROFILE = {
  name: "Northwind Goods",
  slug: DEMO_SLUG,
  tagline: "Clever everyday things, shipped free over $50.",
  currency: "USD",
  logoUrl: "/demo/logo.svg",
  faviconUrl: "/demo/favicon.svg",
  theme: { primaryColor: "#1F3A5F", accentColor: "#E07A5F" },
  policies: {
    shipping: "Orders ship within 1–3 business days. Free shipping over $50; otherwise $4.99.",
    returns: "Free returns within 30 days of delivery on unused items in original packaging.",
    privacy: "We only use your details to fulfil your order and never sell them.",
    terms: "Prices in USD. Northwind Goods is a demo store; no real orders are fulfilled.",
  },
  social: {
    instagram: "https://instagram.com/northwindgoods",
    tiktok: "https://tiktok.com/@northwindgoods",
    facebook: "https://facebook.com/northwindgoods",
  },
  contact: { email: "hello@demo.store", phone: "+1 555 0100", address: "Austin, TX" },
};

export async function writeStore(
  ctx: MutationCtx,
  world: World,
  ownerEmail: string,
): Promise<Id<"stores">> {
  const storeId = await ctx.db.insert("stores", {
    ...DEMO_STORE_PROFILE,
    settings: DEMO_SETTINGS,
  });
  await openOrderBook(ctx, storeId);
  await ctx.db.insert("invites", {
    storeId,
    email: ownerEmail,
    role: "owner",
    status: "pending",
  });
  // The landing's featured shelf: the four best sellers, in that order. One product with a
  // "was" price is on a sale that really ends (in three and a half days), so its page shows
  // a countdown; no other product pretends to.
  const featured = bestSellers(world)
    .slice(0, 4)
    .map((product) => product.slug);
  const onSale = bestSellers(world).find(
    (product) => product.compareAtCents !== undefined && product.stock >= 20,
  );
  // One "store.seed" audit row below stands for the whole load, not one per product.
  for (const {
    popularity: _,
    priceCents: _p,
    stock: _s,
    marginBps: _m,
    ...product
  } of world.products) {
    const shelf = featured.indexOf(product.slug);
    await insertProduct(
      ctx,
      storeId,
      SYSTEM,
      {
        ...product,
        ...(shelf >= 0 ? { featuredPosition: (shelf + 1) * 1_000 } : {}),
        ...(product.slug === onSale?.slug ? { saleEndsAt: world.now + 3.5 * DAY_MS } : {}),
      },
      { now: world.now, audit: false },
    );
  }
  for (const coupon of world.coupons) await ctx.db.insert("coupons", { storeId, ...coupon });
  for (const integration of buildIntegrations(world)) {
    assertCredentials(integration.credentials);
    await ctx.db.insert("integrations", { storeId, ...integration });
  }
  await recordAudit(ctx, {
    storeId,
    actor: SYSTEM,
    action: "store.seed",
    targetTable: "stores",
    targetId: storeId,
    changes: [{ field: "seed", from: null, to: world.seed }],
    at: world.now,
  });
  return storeId;
}

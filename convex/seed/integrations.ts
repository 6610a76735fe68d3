// The demo store's connected channels and what it lists on them.
import { DAY_MS } from "../model/dates";
import type { IntegrationPlatform, SyncStatus } from "../model/validators";
import { bestSellers } from "./products";
import { Rng } from "./random";
import type { World } from "./world";

export type SeedIntegration = {
  platform: IntegrationPlatform;
  displayName: string;
  storeUrl: string;
  credentials: {
    apiKey?: string;
    apiSecret?: string;
    accessToken?: string;
    webhookSecret?: string;
  };
  active: boolean;
  syncStatus: SyncStatus;
  lastSyncAt?: number;
  lastError?: string;
};

// Placeholder ciphertext in the real format; it decrypts to nothing because no demo key exists.
function fakeCiphertext(rng: Rng): string {
  return `enc:v1:${rng.token(22)}:${rng.token(44)}`;
}

export function buildIntegrations(world: World): SeedIntegration[] {
  const rng = new Rng(world.seed, "integrations");
  return [
    {
      platform: "shopify",
      displayName: "Northwind on Shopify",
      storeUrl: "https://northwind-goods.myshopify.com",
      credentials: { accessToken: fakeCiphertext(rng), webhookSecret: fakeCiphertext(rng) },
      active: true,
      syncStatus: "synced",
      lastSyncAt: world.now - 12 * 60_000,
    },
    {
      platform: "tiktok_shop",
      displayName: "Northwind TikTok Shop",
      storeUrl: "https://shop.tiktok.com/@northwindgoods",
      credentials: { accessToken: fakeCiphertext(rng), apiSecret: fakeCiphertext(rng) },
      active: true,
      syncStatus: "synced",
      lastSyncAt: world.now - 47 * 60_000,
    },
    {
      platform: "woocommerce",
      displayName: "Old WooCommerce shop",
      storeUrl: "https://shop.northwind.example",
      credentials: { apiKey: fakeCiphertext(rng), apiSecret: fakeCiphertext(rng) },
      active: false,
      syncStatus: "error",
      lastSyncAt: world.now - 9 * DAY_MS,
      lastError: "401 Unauthorized: the consumer key was revoked in WooCommerce.",
    },
  ];
}

export type SeedListing = {
  productSlug: string;
  platform: IntegrationPlatform;
  externalProductId: string;
  externalUrl: string;
  channelPriceCents?: number;
  published: boolean;
  lastSyncedAt: number;
  syncError?: string;
};

export function buildListings(world: World): SeedListing[] {
  const rng = new Rng(world.seed, "listings");
  const active = bestSellers(world);
  const shopify = active.map((p) => {
    const id = rng.digits(13);
    return {
      productSlug: p.slug,
      platform: "shopify" as const,
      externalProductId: id,
      externalUrl: `https://northwind-goods.myshopify.com/products/${p.slug}`,
      published: true,
      lastSyncedAt: world.now - 12 * 60_000,
    };
  });
  // TikTok Shop carries the best sellers at a higher price to absorb its 6% fee.
  const tiktok = active.slice(0, 12).map((p, index) => {
    const id = rng.digits(19);
    return {
      productSlug: p.slug,
      platform: "tiktok_shop" as const,
      externalProductId: id,
      externalUrl: `https://shop.tiktok.com/view/product/${id}`,
      channelPriceCents: p.priceCents + 200,
      published: index !== 11,
      lastSyncedAt: world.now - 47 * 60_000,
      syncError: index === 11 ? "Image rejected: main image must be at least 600×600." : undefined,
    };
  });
  return [...shopify, ...tiktok];
}

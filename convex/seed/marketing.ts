// The demo store's marketing: AI drafts, the social calendar, price tests and email campaigns.
import { DAY_MS } from "../model/dates";
import type {
  AiDraftKind,
  AiDraftStatus,
  SocialPlatform,
  SocialPostStatus,
} from "../model/validators";
import { bestSellers } from "./products";
import { Rng } from "./random";
import type { World } from "./world";

export type SeedDraft = {
  kind: AiDraftKind;
  status: AiDraftStatus;
  productSlug?: string;
  tone?: "casual" | "professional" | "urgent";
  prompt: string;
  outputs: string[];
};

export function buildDrafts(world: World): SeedDraft[] {
  const [hit, second] = bestSellers(world);
  const draft = world.products.find((p) => p.status === "draft");
  return [
    {
      kind: "product_description",
      status: "ready",
      productSlug: draft?.slug,
      tone: "casual",
      prompt: `Write a product description for "${draft?.title}".`,
      outputs: [`Offline draft: ${draft?.title} — ${draft?.description}`],
    },
    {
      kind: "ad_copy",
      status: "ready",
      productSlug: hit.slug,
      tone: "urgent",
      prompt: `Facebook ad copy for "${hit.title}", three variations.`,
      outputs: [
        `Offline draft: Everyone's talking about the ${hit.title}. Get yours before it sells out.`,
        `Offline draft: The ${hit.title} you keep seeing on your feed — now ships free over $50.`,
        `Offline draft: Upgrade your routine with the ${hit.title}. 30-day free returns.`,
      ],
    },
    {
      kind: "seo",
      status: "accepted",
      productSlug: second.slug,
      tone: "professional",
      prompt: `SEO title and meta description for "${second.title}".`,
      outputs: [`Offline draft: ${second.title} | Free Returns | Northwind Goods`],
    },
  ];
}

export type SeedSocialPost = {
  platform: SocialPlatform;
  status: SocialPostStatus;
  productSlug: string;
  caption: string;
  hashtags: string[];
  scheduledFor?: number;
  publishedAt?: number;
};

export function buildSocialPosts(world: World): SeedSocialPost[] {
  const rng = new Rng(world.seed, "social");
  const products = bestSellers(world).slice(0, 8);
  const platforms: SocialPlatform[] = ["instagram", "tiktok", "facebook"];
  return products.map((product, index) => {
    const offsetDays = index - 4;
    const at = world.now + offsetDays * DAY_MS + rng.int(17, 20) * 3_600_000 - (world.now % DAY_MS);
    const published = at <= world.now;
    const unscheduled = index >= 6;
    return {
      platform: platforms[index % platforms.length],
      status: unscheduled ? "draft" : published ? "published" : "scheduled",
      productSlug: product.slug,
      caption: `${product.title}: ${product.seo.description}`,
      hashtags: [
        "#northwindgoods",
        `#${product.category.toLowerCase().replace(/[^a-z]+/g, "")}`,
        "#tiktokmademebuyit",
      ],
      scheduledFor: unscheduled ? undefined : at,
      publishedAt: !unscheduled && published ? at : undefined,
    };
  });
}

export type SeedPriceTest = {
  productSlug: string;
  status: "running" | "completed";
  arms: {
    label: string;
    priceCents: number;
    views: number;
    carts: number;
    orders: number;
    revenueCents: number;
  }[];
  startedAt: number;
  endedAt?: number;
  winnerArm?: number;
};

export function buildPriceTests(world: World): SeedPriceTest[] {
  const [first, , third] = bestSellers(world);
  const arm = (label: string, priceCents: number, views: number, orders: number) => ({
    label,
    priceCents,
    views,
    // About two carts in five end in a purchase in this demo world.
    carts: Math.round(orders * 2.5),
    orders,
    revenueCents: priceCents * orders,
  });
  return [
    {
      productSlug: first.slug,
      status: "running",
      arms: [
        arm("Control", first.priceCents, 812, 27),
        arm("+$3", first.priceCents + 300, 798, 24),
      ],
      startedAt: world.now - 6 * DAY_MS,
    },
    {
      productSlug: third.slug,
      status: "completed",
      // The winner (significant at ~99%) was applied: today's price is the −$2 arm's.
      arms: [
        arm("Control", third.priceCents + 200, 1_540, 41),
        arm("−$2", third.priceCents, 1_512, 66),
      ],
      startedAt: world.now - 40 * DAY_MS,
      endedAt: world.now - 26 * DAY_MS,
      winnerArm: 1,
    },
  ];
}

export type SeedCampaign = {
  kind: "abandoned_cart" | "review_request" | "promotional";
  status: "draft" | "scheduled" | "sending" | "sent";
  name: string;
  subject: string;
  body: string;
  scheduledFor?: number;
  sentAt?: number;
  recipients: number;
  opened: number;
  clicked: number;
};

export function buildCampaigns(world: World): SeedCampaign[] {
  return [
    {
      kind: "abandoned_cart",
      status: "sending",
      name: "Abandoned cart (automatic)",
      subject: "You left something behind",
      body: "Your cart is waiting — complete your order and get free shipping over $50.",
      recipients: 214,
      opened: 96,
      clicked: 31,
    },
    {
      kind: "review_request",
      status: "sent",
      name: "Review request, 7 days after delivery",
      subject: "How are you liking it?",
      body: "Tell us how your order is working out — it helps other shoppers.",
      sentAt: world.now - 3 * DAY_MS,
      recipients: 388,
      opened: 171,
      clicked: 44,
    },
    {
      kind: "promotional",
      status: "scheduled",
      name: "Holiday gift guide",
      subject: "Gifts under $30 they'll actually use",
      body: "Our best sellers, hand-picked for the holidays.",
      scheduledFor: world.now + 3 * DAY_MS,
      recipients: 0,
      opened: 0,
      clicked: 0,
    },
  ];
}

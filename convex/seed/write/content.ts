// Writes the non-order content: trend feed, marketing, channel listings, carts, the email
// outbox, support threads and FAQs.
import type { Id } from "../../_generated/dataModel";
import type { MutationCtx } from "../../_generated/server";
import { insertSeedDraft } from "../../model/ai/drafts";
import { settingsFor } from "../../model/discover/ingest";
import { linkProductToTrend } from "../../model/products";
import { buildTrends } from "../discover";
import { buildListings } from "../integrations";
import { buildCampaigns, buildDrafts, buildPriceTests, buildSocialPosts } from "../marketing";
import { buildConversations, buildFaqs } from "../support";
import { writeSupplierDesk } from "../suppliers";
import type { World } from "../world";
import { integrationIdsByPlatform, productIdsBySlug } from "./ids";

async function insertTrends(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  world: World,
  products: Map<string, Id<"products">>,
) {
  for (const { snapshots, productSlug, ...trend } of buildTrends(world)) {
    const productId = productSlug ? products.get(productSlug) : undefined;
    const trendId = await ctx.db.insert("trends", {
      storeId,
      ...trend,
      importedProductId: productId,
    });
    if (productId) await linkProductToTrend(ctx, storeId, productId, trendId);
    for (const snapshot of snapshots) {
      await ctx.db.insert("trendSnapshots", { storeId, trendId, ...snapshot });
    }
  }
  // The feed refreshes on its own from the start (the demo simulator until a key is set).
  await settingsFor(ctx, storeId, world.now);
}

async function insertMarketing(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  world: World,
  products: Map<string, Id<"products">>,
) {
  for (const { productSlug, ...test } of buildPriceTests(world)) {
    await ctx.db.insert("priceTests", { storeId, productId: products.get(productSlug)!, ...test });
  }
  const draftIds = [];
  for (const { productSlug, ...draft } of buildDrafts(world)) {
    draftIds.push(
      await insertSeedDraft(ctx, {
        storeId,
        ...draft,
        provider: "offline",
        language: "en",
        productId: productSlug ? products.get(productSlug) : undefined,
        updatedAt: world.now,
      }),
    );
  }
  for (const { productSlug, ...post } of buildSocialPosts(world)) {
    await ctx.db.insert("socialPosts", {
      storeId,
      ...post,
      productId: products.get(productSlug),
      mediaUrls: [`/demo/products/${productSlug}.svg`],
    });
  }
  const campaignIds = new Map<string, Id<"emailCampaigns">>();
  for (const campaign of buildCampaigns(world)) {
    campaignIds.set(campaign.kind, await ctx.db.insert("emailCampaigns", { storeId, ...campaign }));
  }
  return { campaignIds };
}

export async function writeContent(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  world: World,
): Promise<void> {
  const now = world.now;
  const products = await productIdsBySlug(ctx, storeId);
  await insertTrends(ctx, storeId, world, products);
  const { campaignIds } = await insertMarketing(ctx, storeId, world, products);

  const integrationIds = await integrationIdsByPlatform(ctx, storeId);
  for (const { productSlug, platform, ...listing } of buildListings(world)) {
    await ctx.db.insert("channelListings", {
      storeId,
      ...listing,
      productId: products.get(productSlug)!,
      integrationId: integrationIds.get(platform)!,
    });
  }

  // Newest storefront-era orders anchor the carts, emails and support threads.
  const recent = await ctx.db
    .query("orders")
    .withIndex("by_store_placed", (q) => q.eq("storeId", storeId))
    .order("desc")
    .take(5);
  const [latest, second] = recent;
  const cartProducts = await ctx.db
    .query("products")
    .withIndex("by_store_status_position", (q) => q.eq("storeId", storeId).eq("status", "active"))
    .take(3);
  const cartItem = (i: number) => ({
    productId: cartProducts[i]._id,
    sku: cartProducts[i].variants[0].sku,
    quantity: 1,
    unitPriceCents: cartProducts[i].variants[0].priceCents,
  });
  await ctx.db.insert("carts", {
    storeId,
    sessionId: "demo-cart-active",
    status: "active",
    items: [cartItem(0)],
    updatedAt: now - 600_000,
  });
  await ctx.db.insert("carts", {
    storeId,
    sessionId: "demo-cart-abandoned",
    status: "abandoned",
    items: [cartItem(1), cartItem(2)],
    email: "maya.kim@example.com",
    updatedAt: now - 26 * 3_600_000,
  });
  if (latest) {
    await ctx.db.insert("carts", {
      storeId,
      sessionId: "demo-cart-converted",
      status: "converted",
      items: [cartItem(0)],
      email: latest.customer.email,
      orderId: latest._id,
      updatedAt: latest.placedAt,
    });
    await ctx.db.insert("outbox", {
      storeId,
      status: "sent",
      to: latest.customer.email,
      subject: `Order #${latest.number} confirmed`,
      body: "Thanks for your order! We'll email you when it ships.",
      orderId: latest._id,
      sendAfter: latest.placedAt,
      attempts: 1,
      sentAt: latest.placedAt + 5_000,
    });
  }
  await ctx.db.insert("outbox", {
    storeId,
    status: "queued",
    to: "maya.kim@example.com",
    subject: "You left something behind",
    body: "Your cart is waiting.",
    campaignId: campaignIds.get("abandoned_cart"),
    sendAfter: now + 3_600_000,
    attempts: 0,
  });
  if (second) {
    await ctx.db.insert("outbox", {
      storeId,
      status: "failed",
      to: second.customer.email,
      subject: "How are you liking it?",
      body: "Tell us how your order is working out.",
      campaignId: campaignIds.get("review_request"),
      orderId: second._id,
      sendAfter: now - 3_600_000,
      attempts: 3,
      lastError: "Offline mode: no email provider configured.",
    });
  }

  for (const [index, conversation] of buildConversations().entries()) {
    const order =
      conversation.recentOrder === undefined ? undefined : recent[conversation.recentOrder];
    const lastMinutes = Math.min(...conversation.messages.map((m) => m.minutesAgo));
    const conversationId = await ctx.db.insert("supportConversations", {
      storeId,
      status: conversation.status,
      channel: conversation.channel,
      sessionId: conversation.channel === "chat" ? `demo-chat-${index}` : undefined,
      customerEmail: order?.customer.email,
      customerName: order?.customer.name,
      orderId: order?._id,
      subject: conversation.subject,
      lastMessageAt: now - lastMinutes * 60_000,
    });
    for (const message of conversation.messages) {
      await ctx.db.insert("supportMessages", {
        storeId,
        conversationId,
        author: message.author,
        body: message.body,
        at: now - message.minutesAgo * 60_000,
      });
    }
  }
  let position = 1_000;
  for (const faq of buildFaqs()) {
    await ctx.db.insert("faqs", { storeId, ...faq, position });
    position += 1_000;
  }
  await writeSupplierDesk(ctx, storeId, now);
}

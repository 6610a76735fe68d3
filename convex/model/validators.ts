// Every status union and shared shape is defined once here, as a validator. The schema, the
// function args and the client types all derive from these, so a new status is one edit.
import { literals } from "convex-helpers/validators";
import { type Infer, v, type VLiteral, type VUnion } from "convex/values";

/** The values of a `literals(...)` union, in declaration order: status tabs, role pickers… */
export function membersOf<T extends string>(
  union: VUnion<T, VLiteral<T, "required">[], "required", never>,
): readonly T[] {
  return union.members.map((member) => member.value);
}

// ── Stores & people ─────────────────────────────────────────────────────────
export const role = literals("owner", "admin", "staff");
export type Role = Infer<typeof role>;
export const ROLES = membersOf(role);

export const inviteStatus = literals("pending", "accepted", "revoked");
export type InviteStatus = Infer<typeof inviteStatus>;

// ── Catalog ─────────────────────────────────────────────────────────────────
export const productStatus = literals("draft", "active", "archived");
export type ProductStatus = Infer<typeof productStatus>;
export const PRODUCT_STATUSES = membersOf(productStatus);

export const aiRecommendation = literals("import", "skip", "watch");
export type AiRecommendation = Infer<typeof aiRecommendation>;

export const importSource = literals("tiktok", "aliexpress", "cj", "manual");
export type ImportSource = Infer<typeof importSource>;

// `storageId` is set for images uploaded to file storage (so deleting the product can delete
// the file); bundled demo images and supplier URLs have a url only.
export const productImage = v.object({
  url: v.string(),
  alt: v.string(),
  storageId: v.optional(v.id("_storage")),
});
export type ProductImage = Infer<typeof productImage>;

export const productVariant = v.object({
  sku: v.string(),
  title: v.string(),
  // e.g. { color: "Sage", size: "M" }; keys are the option names shown to shoppers.
  options: v.record(v.string(), v.string()),
  priceCents: v.number(),
  compareAtCents: v.optional(v.number()),
  stock: v.number(),
  // The picture of this variant (one of the product's image urls); the page swaps to it.
  imageUrl: v.optional(v.string()),
});
export type ProductVariant = Infer<typeof productVariant>;

export const priceTestStatus = literals("draft", "running", "completed", "stopped");
export type PriceTestStatus = Infer<typeof priceTestStatus>;

// A coupon's effect is one of three shapes, so no coupon carries unused nullable fields.
export const couponDiscount = v.union(
  v.object({ kind: v.literal("percent"), percentBps: v.number() }),
  v.object({ kind: v.literal("fixed"), amountCents: v.number() }),
  v.object({ kind: v.literal("free_shipping") }),
);
export type CouponDiscount = Infer<typeof couponDiscount>;

// ── Orders & fulfilment ─────────────────────────────────────────────────────
export const orderStatus = literals(
  "new",
  "processing",
  "shipped",
  "delivered",
  "cancelled",
  "refunded",
);
export type OrderStatus = Infer<typeof orderStatus>;
export const ORDER_STATUSES = membersOf(orderStatus);

export const fulfillmentStatus = literals("pending", "ordered", "shipped", "delivered");
export type FulfillmentStatus = Infer<typeof fulfillmentStatus>;

export const returnStatus = literals("requested", "approved", "refunded", "denied");
export type ReturnStatus = Infer<typeof returnStatus>;

export const cartStatus = literals("active", "converted", "abandoned");
export type CartStatus = Infer<typeof cartStatus>;

// Where fulfilment is sourced; "manual" means the merchant ships it themselves.
export const supplier = literals("aliexpress", "cj", "manual");
export type Supplier = Infer<typeof supplier>;

// The sales channel an order came in through; "storefront" is our own shop.
export const salesChannel = literals(
  "storefront",
  "shopify",
  "woocommerce",
  "tiktok_shop",
  "amazon",
  "ebay",
  "etsy",
);
export type SalesChannel = Infer<typeof salesChannel>;
export const SALES_CHANNELS = membersOf(salesChannel);

export const address = v.object({
  name: v.string(),
  line1: v.string(),
  line2: v.optional(v.string()),
  city: v.string(),
  region: v.optional(v.string()),
  postalCode: v.string(),
  // ISO 3166-1 alpha-2
  country: v.string(),
  phone: v.optional(v.string()),
});
export type Address = Infer<typeof address>;

export const customer = v.object({ email: v.string(), name: v.string() });
export type Customer = Infer<typeof customer>;

export const cartItem = v.object({
  productId: v.id("products"),
  sku: v.string(),
  quantity: v.number(),
  unitPriceCents: v.number(),
});
export type CartItem = Infer<typeof cartItem>;

export const checkoutStatus = literals("open", "paid", "failed", "expired");
export type CheckoutStatus = Infer<typeof checkoutStatus>;

// "offline" is the clearly labelled test-payment mode used when no Stripe key is configured.
export const checkoutMode = literals("stripe", "offline");
export type CheckoutMode = Infer<typeof checkoutMode>;

// A priced line of a checkout: the price the server decided, and the price-test arm it came
// from (so the purchase is counted for that arm).
export const checkoutLine = v.object({
  productId: v.id("products"),
  sku: v.string(),
  title: v.string(),
  variantTitle: v.string(),
  quantity: v.number(),
  unitPriceCents: v.number(),
  priceTestId: v.optional(v.id("priceTests")),
  arm: v.optional(v.number()),
});
export type CheckoutLine = Infer<typeof checkoutLine>;

// ── Discover ────────────────────────────────────────────────────────────────
export const trendSource = literals("tiktok", "aliexpress", "cj", "google");
export type TrendSource = Infer<typeof trendSource>;

export const trendVelocity = literals("rising", "established", "declining");
export type TrendVelocity = Infer<typeof trendVelocity>;

export const trendStatus = literals("new", "watching", "imported", "dismissed");
export type TrendStatus = Infer<typeof trendStatus>;

// ── Analytics ───────────────────────────────────────────────────────────────
export const analyticsEventType = literals(
  "page_view",
  "product_view",
  "add_to_cart",
  "checkout_start",
  "purchase",
);
export type AnalyticsEventType = Infer<typeof analyticsEventType>;

export const trafficSource = literals(
  "direct",
  "google",
  "tiktok",
  "facebook",
  "instagram",
  "email",
  "referral",
);
export type TrafficSource = Infer<typeof trafficSource>;

export const device = literals("desktop", "mobile", "tablet");
export type Device = Infer<typeof device>;

// ── Marketing ───────────────────────────────────────────────────────────────
export const aiDraftKind = literals(
  "product_description",
  "seo",
  "ad_copy",
  "social_post",
  "email",
  "improve_copy",
);
export type AiDraftKind = Infer<typeof aiDraftKind>;

// "writing" while the text streams in; "undone" after an accepted change was reverted.
export const aiDraftStatus = literals(
  "pending",
  "ready",
  "accepted",
  "discarded",
  "failed",
  "writing",
  "undone",
);
export type AiDraftStatus = Infer<typeof aiDraftStatus>;

export const copyTone = literals("casual", "professional", "urgent");
export type CopyTone = Infer<typeof copyTone>;

// Which engine wrote a draft: the real model, or the clearly labelled offline default.
export const aiProvider = literals("claude", "offline");
export type AiProvider = Infer<typeof aiProvider>;

export const socialPlatform = literals("instagram", "tiktok", "facebook");
export type SocialPlatform = Infer<typeof socialPlatform>;

export const socialPostStatus = literals("draft", "scheduled", "published", "failed");
export type SocialPostStatus = Infer<typeof socialPostStatus>;

export const emailCampaignKind = literals(
  "abandoned_cart",
  "order_confirmation",
  "review_request",
  "promotional",
);
export type EmailCampaignKind = Infer<typeof emailCampaignKind>;

export const emailCampaignStatus = literals("draft", "scheduled", "sending", "sent");
export type EmailCampaignStatus = Infer<typeof emailCampaignStatus>;

export const outboxStatus = literals("queued", "sent", "failed");
export type OutboxStatus = Infer<typeof outboxStatus>;

// ── Integrations ────────────────────────────────────────────────────────────
export const integrationPlatform = literals(
  "shopify",
  "woocommerce",
  "tiktok_shop",
  "amazon",
  "ebay",
  "etsy",
  "bigcommerce",
  "magento",
);
export type IntegrationPlatform = Infer<typeof integrationPlatform>;

export const syncStatus = literals("idle", "syncing", "synced", "error");
export type SyncStatus = Infer<typeof syncStatus>;

// Anyone who sends us webhooks: payments, channels and suppliers.
export const webhookProvider = literals(
  "stripe",
  "shopify",
  "woocommerce",
  "tiktok_shop",
  "aliexpress",
  "cj",
);
export type WebhookProvider = Infer<typeof webhookProvider>;

export const webhookEventStatus = literals("received", "processed", "ignored", "failed");
export type WebhookEventStatus = Infer<typeof webhookEventStatus>;

// ── Support ─────────────────────────────────────────────────────────────────
export const conversationStatus = literals("bot", "escalated", "closed");
export type ConversationStatus = Infer<typeof conversationStatus>;

export const conversationChannel = literals("chat", "email", "contact_form");
export type ConversationChannel = Infer<typeof conversationChannel>;

export const messageAuthor = literals("customer", "bot", "agent");
export type MessageAuthor = Infer<typeof messageAuthor>;

// ── Audit ───────────────────────────────────────────────────────────────────
export const actorKind = literals("user", "system", "webhook");
export type ActorKind = Infer<typeof actorKind>;

// Audit rows record before/after of scalar fields only; structured changes get their own rows.
export const auditValue = v.union(v.string(), v.number(), v.boolean(), v.null());
export type AuditValue = Infer<typeof auditValue>;

export const auditChange = v.object({ field: v.string(), from: auditValue, to: auditValue });
export type AuditChange = Infer<typeof auditChange>;

// Marks an audit row as written by (or about) an AI draft: which one, which engine, which
// prompt version, and what the call cost (integer micro-USD; 0 offline).
export const auditAi = v.object({
  draftId: v.id("aiDrafts"),
  provider: aiProvider,
  promptVersion: v.string(),
  costMicroUsd: v.number(),
});
export type AuditAi = Infer<typeof auditAi>;

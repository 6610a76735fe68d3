// Tenancy and people. Users are global identities (one person can work in several stores);
// everything else in the app hangs off a store and carries its storeId.
import { defineTable } from "convex/server";
import { v } from "convex/values";
import { actorKind, auditAi, auditChange, inviteStatus, role } from "../model/validators";

export const storeFields = {
  name: v.string(),
  // Set when the owner deletes the store: it is hidden at once, its rows go in batches.
  deletingSince: v.optional(v.number()),
  slug: v.string(),
  tagline: v.optional(v.string()),
  // ISO 4217; all money in the store is integer minor units of this currency.
  currency: v.string(),
  logoUrl: v.optional(v.string()),
  faviconUrl: v.optional(v.string()),
  // Set when the logo/favicon was uploaded to file storage, so replacing it deletes the file.
  logoStorageId: v.optional(v.id("_storage")),
  faviconStorageId: v.optional(v.id("_storage")),
  theme: v.object({ primaryColor: v.string(), accentColor: v.string() }),
  policies: v.object({
    shipping: v.string(),
    returns: v.string(),
    privacy: v.string(),
    terms: v.string(),
  }),
  social: v.object({
    instagram: v.optional(v.string()),
    tiktok: v.optional(v.string()),
    facebook: v.optional(v.string()),
    x: v.optional(v.string()),
    youtube: v.optional(v.string()),
  }),
  contact: v.object({
    email: v.string(),
    phone: v.optional(v.string()),
    address: v.optional(v.string()),
  }),
  // Operational knobs the team edits in settings; never shown on the storefront.
  settings: v.object({
    // IANA zone the team thinks in; daily metrics are keyed by UTC date for now.
    timezone: v.string(),
    lowStockThreshold: v.number(),
    targetMarginBps: v.number(),
    freeShippingThresholdCents: v.optional(v.number()),
    flatShippingCents: v.number(),
    // What the store pays to ship one unit (pricing's floor); the flat rate stands in if unset.
    shippingCostCents: v.optional(v.number()),
  }),
};

// One row per store holding running totals, so dashboards read one document instead of
// counting every order, and so order numbers are allocated without a scan.
export const storeStatsFields = {
  storeId: v.id("stores"),
  nextOrderNumber: v.number(),
  lifetimeRevenueCents: v.number(),
  lifetimeOrders: v.number(),
  // One counter per orderStatus member (a model test keeps the two lists in step).
  ordersByStatus: v.object({
    new: v.number(),
    processing: v.number(),
    shipped: v.number(),
    delivered: v.number(),
    cancelled: v.number(),
    refunded: v.number(),
  }),
};

export const userFields = {
  // Issuer-qualified subject from the JWT; the only stable key for a signed-in person.
  tokenIdentifier: v.string(),
  // Lower-cased, used to claim invites.
  email: v.optional(v.string()),
  name: v.optional(v.string()),
  pictureUrl: v.optional(v.string()),
};

export const memberFields = {
  storeId: v.id("stores"),
  userId: v.id("users"),
  role,
  // From presence heartbeats, written at most once a minute per member.
  lastSeenAt: v.optional(v.number()),
};

export const inviteFields = {
  storeId: v.id("stores"),
  // Lower-cased.
  email: v.string(),
  role,
  status: inviteStatus,
  invitedBy: v.optional(v.id("users")),
  acceptedBy: v.optional(v.id("users")),
  acceptedAt: v.optional(v.number()),
  // SHA-256 (hex) of the single-use link's secret; the secret itself is never stored.
  tokenHash: v.optional(v.string()),
  expiresAt: v.optional(v.number()),
};

// Who is online and where. One row per member while they have the workspace open; a
// scheduled job deletes it when heartbeats stop, which is what tells everyone else.
export const presenceFields = {
  storeId: v.id("stores"),
  userId: v.id("users"),
  // The workspace path ("/dashboard/orders/…") and the record open there, if any.
  path: v.string(),
  recordId: v.optional(v.string()),
  editing: v.boolean(),
  lastSeenAt: v.number(),
  // Bumped by every heartbeat; an expiry job for an older beat finds it moved on and quits.
  beat: v.number(),
};

export const auditLogFields = {
  storeId: v.id("stores"),
  actorKind,
  actorId: v.optional(v.id("users")),
  // Dotted verb, e.g. "product.update", "order.status".
  action: v.string(),
  targetTable: v.string(),
  targetId: v.string(),
  changes: v.array(auditChange),
  at: v.number(),
  // Present when the change came from an AI draft (accept, undo, generate, reject).
  ai: v.optional(auditAi),
};

// Progress of the demo seed, written in the same transaction as each step, so a first start
// interrupted mid-seed resumes on the next start from the same parameters (same world).
export const demoSeedFields = {
  storeId: v.id("stores"),
  seed: v.number(),
  now: v.number(),
  days: v.number(),
  eventDays: v.number(),
  // Days [0, nextDay) are written; content comes last.
  nextDay: v.number(),
  contentDone: v.boolean(),
};

export const storesTables = {
  demoSeeds: defineTable(demoSeedFields).index("by_store", ["storeId"]),
  stores: defineTable(storeFields).index("by_slug", ["slug"]),
  storeStats: defineTable(storeStatsFields).index("by_store", ["storeId"]),
  // Not store-scoped: a user exists before belonging to any store.
  users: defineTable(userFields)
    .index("by_token", ["tokenIdentifier"])
    .index("by_email", ["email"]),
  members: defineTable(memberFields)
    .index("by_store_user", ["storeId", "userId"])
    .index("by_store_role", ["storeId", "role"])
    // "Which stores am I in" is asked per user, across stores.
    .index("by_user", ["userId"]),
  invites: defineTable(inviteFields)
    .index("by_store_email", ["storeId", "email"])
    .index("by_store_status", ["storeId", "status"])
    // Claiming on sign-in looks across stores by the signed-in email.
    .index("by_email_status", ["email", "status"])
    .index("by_token_hash", ["tokenHash"]),
  presence: defineTable(presenceFields).index("by_store_user", ["storeId", "userId"]),
  auditLog: defineTable(auditLogFields)
    .index("by_store_at", ["storeId", "at"])
    .index("by_store_target_at", ["storeId", "targetTable", "targetId", "at"])
    // The activity feed filtered by person or by kind of record.
    .index("by_store_actor_at", ["storeId", "actorId", "at"])
    .index("by_store_table_at", ["storeId", "targetTable", "at"]),
};

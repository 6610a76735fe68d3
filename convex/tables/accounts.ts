// Offline accounts: email + password sign-in when Clerk is not configured. Not store-scoped:
// a person has an account before belonging to any store. Only hashes of secrets are kept.
import { defineTable } from "convex/server";
import { v } from "convex/values";

export const accountFields = {
  // Lower-cased.
  email: v.string(),
  name: v.optional(v.string()),
  // "scrypt$N$r$p$salt$hash" (model/passwords.ts).
  passwordHash: v.string(),
  emailVerifiedAt: v.optional(v.number()),
  createdAt: v.number(),
};

// A signed-in browser: a refresh secret (hashed) that is rotated on every use.
export const authSessionFields = {
  accountId: v.id("accounts"),
  refreshHash: v.string(),
  // The secret this one replaced, still accepted for a few seconds after the rotation: a refresh
  // whose answer never arrived (the page was left mid-request) must not end the session.
  previousHash: v.optional(v.string()),
  rotatedAt: v.optional(v.number()),
  expiresAt: v.number(),
  revokedAt: v.optional(v.number()),
};

// Single-use links sent by email: verify an address, reset a password.
export const authLinkFields = {
  accountId: v.id("accounts"),
  purpose: v.union(v.literal("verify"), v.literal("reset")),
  tokenHash: v.string(),
  expiresAt: v.number(),
  usedAt: v.optional(v.number()),
};

export const authThrottleFields = {
  email: v.string(),
  failures: v.number(),
  windowStartsAt: v.number(),
  lockedUntil: v.optional(v.number()),
};

export const accountsTables = {
  accounts: defineTable(accountFields).index("by_email", ["email"]),
  authSessions: defineTable(authSessionFields)
    .index("by_refresh_hash", ["refreshHash"])
    .index("by_previous_hash", ["previousHash"])
    .index("by_account", ["accountId"]),
  authLinks: defineTable(authLinkFields).index("by_token_hash", ["tokenHash"]),
  authThrottle: defineTable(authThrottleFields).index("by_email", ["email"]),
};

// Offline accounts (no Clerk): sign-up, sign-in, rotating sessions, email verification and
// password reset. Internal only: the app server (scripts/offline-auth.ts) calls these with the
// admin key and turns a session into a short-lived signed token, so the browser talks to one
// sign-in door and `ctx.auth` sees the same identity shape as with Clerk.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import {
  type ActionCtx,
  internalAction,
  internalMutation,
  internalQuery,
  type QueryCtx,
} from "./_generated/server";
import { appError, conflict, invalid } from "./model/errors";
import { assertPasswordRules, DECOY_HASH, hashPassword, verifyPassword } from "./model/passwords";
import { parseEmail } from "./model/team";
import { afterFailure, lockedFor, lockMessage } from "./model/throttle";
import { hashSecret, isLinkSecret, newLinkSecret } from "./model/tokens";

const SESSION_TTL_MS = 30 * 24 * 3_600_000;
const LINK_TTL_MS = { verify: 3 * 24 * 3_600_000, reset: 60 * 60_000 } as const;
const LINK_PATH = { verify: "/dashboard/verify", reset: "/dashboard/reset" } as const;

const session = v.object({
  accountId: v.id("accounts"),
  email: v.string(),
  name: v.optional(v.string()),
  emailVerified: v.boolean(),
  refreshToken: v.string(),
  refreshExpiresAt: v.number(),
});
type Session = typeof session.type;

const wrongPassword = () => appError("UNAUTHENTICATED", "Wrong email or password.");

// ── actions: secrets are made and hashed here ───────────────────────────────

export const signUp = internalAction({
  args: { email: v.string(), password: v.string(), name: v.optional(v.string()) },
  returns: v.object({ session, verifyPath: v.string() }),
  handler: async (ctx, args): Promise<{ session: Session; verifyPath: string }> => {
    const email = parseEmail(args.email);
    assertPasswordRules(args.password);
    const name = args.name?.trim().slice(0, 120) || undefined;
    const accountId: Id<"accounts"> = await ctx.runMutation(internal.accounts.insertAccount, {
      email,
      name,
      passwordHash: await hashPassword(args.password),
    });
    const verifyPath = await sendLink(ctx, accountId, "verify");
    return { session: await openSession(ctx, accountId), verifyPath };
  },
});

export const signIn = internalAction({
  args: { email: v.string(), password: v.string() },
  returns: session,
  handler: async (ctx, args): Promise<Session> => {
    const email = parseEmail(args.email);
    const found = await ctx.runQuery(internal.accounts.forSignIn, { email });
    if (found.lockedForMs > 0) throw appError("RATE_LIMITED", lockMessage(found.lockedForMs));
    // Unknown addresses cost the same time as known ones: timing says nothing either.
    const ok = await verifyPassword(args.password, found.account?.passwordHash ?? DECOY_HASH);
    await ctx.runMutation(internal.accounts.recordAttempt, { email, ok: ok && !!found.account });
    if (!ok || !found.account) throw wrongPassword();
    return await openSession(ctx, found.account._id);
  },
});

/** Trades a refresh secret for a new one (the old one stops working) and fresh claims. */
export const refresh = internalAction({
  args: { refreshToken: v.string() },
  returns: session,
  handler: async (ctx, { refreshToken }): Promise<Session> => {
    if (!isLinkSecret(refreshToken)) throw appError("UNAUTHENTICATED", "Sign in again.");
    const next = newLinkSecret();
    const refreshExpiresAt = Date.now() + SESSION_TTL_MS;
    const account = await ctx.runMutation(internal.accounts.rotateSession, {
      oldHash: await hashSecret(refreshToken),
      newHash: await hashSecret(next),
      expiresAt: refreshExpiresAt,
    });
    return { ...account, refreshToken: next, refreshExpiresAt };
  },
});

export const signOut = internalAction({
  args: { refreshToken: v.string() },
  returns: v.null(),
  handler: async (ctx, { refreshToken }) => {
    if (!isLinkSecret(refreshToken)) return null;
    await ctx.runMutation(internal.accounts.revokeSession, {
      refreshHash: await hashSecret(refreshToken),
    });
    return null;
  },
});

/** The reset link's path for a known address, else null (the caller answers alike). */
export const requestReset = internalAction({
  args: { email: v.string() },
  returns: v.union(v.string(), v.null()),
  handler: async (ctx, args): Promise<string | null> => {
    const email = parseEmail(args.email);
    const found = await ctx.runQuery(internal.accounts.forSignIn, { email });
    if (!found.account) return null;
    return await sendLink(ctx, found.account._id, "reset");
  },
});

export const resetPassword = internalAction({
  args: { token: v.string(), password: v.string() },
  returns: v.object({ email: v.string() }),
  handler: async (ctx, { token, password }): Promise<{ email: string }> => {
    assertPasswordRules(password);
    if (!isLinkSecret(token)) throw invalid("This reset link is not valid. Ask for a new one.");
    return await ctx.runMutation(internal.accounts.useLink, {
      purpose: "reset",
      tokenHash: await hashSecret(token),
      passwordHash: await hashPassword(password),
    });
  },
});

export const verifyEmail = internalAction({
  args: { token: v.string() },
  returns: v.object({ email: v.string() }),
  handler: async (ctx, { token }): Promise<{ email: string }> => {
    if (!isLinkSecret(token)) throw invalid("This link is not valid. Ask for a new one.");
    return await ctx.runMutation(internal.accounts.useLink, {
      purpose: "verify",
      tokenHash: await hashSecret(token),
    });
  },
});

/** The demo owner's account with its documented password (README), verified. Idempotent. */
export const ensureDemoAccount = internalAction({
  args: { email: v.string(), password: v.string(), name: v.string() },
  returns: v.null(),
  handler: async (ctx, args) => {
    const email = parseEmail(args.email);
    const found = await ctx.runQuery(internal.accounts.forSignIn, { email });
    if (found.account) return null;
    await ctx.runMutation(internal.accounts.insertAccount, {
      email,
      name: args.name,
      passwordHash: await hashPassword(args.password),
      verified: true,
    });
    return null;
  },
});

async function openSession(ctx: ActionCtx, accountId: Id<"accounts">): Promise<Session> {
  const refreshToken = newLinkSecret();
  const refreshExpiresAt = Date.now() + SESSION_TTL_MS;
  const account = await ctx.runMutation(internal.accounts.insertSession, {
    accountId,
    refreshHash: await hashSecret(refreshToken),
    expiresAt: refreshExpiresAt,
  });
  return { ...account, refreshToken, refreshExpiresAt };
}

/** Makes a single-use link and writes its email to the outbox; returns the link's path. */
async function sendLink(
  ctx: ActionCtx,
  accountId: Id<"accounts">,
  purpose: "verify" | "reset",
): Promise<string> {
  const secret = newLinkSecret();
  const path = `${LINK_PATH[purpose]}?token=${secret}`;
  await ctx.runMutation(internal.accounts.insertLink, {
    accountId,
    purpose,
    tokenHash: await hashSecret(secret),
    path,
  });
  return path;
}

// ── the transactions ────────────────────────────────────────────────────────

const claims = v.object({
  accountId: v.id("accounts"),
  email: v.string(),
  name: v.optional(v.string()),
  emailVerified: v.boolean(),
});

export const forSignIn = internalQuery({
  args: { email: v.string() },
  returns: v.object({
    account: v.union(v.null(), v.object({ _id: v.id("accounts"), passwordHash: v.string() })),
    lockedForMs: v.number(),
  }),
  handler: async (ctx, { email }) => {
    const account = await ctx.db
      .query("accounts")
      .withIndex("by_email", (q) => q.eq("email", email))
      .unique();
    const throttle = await ctx.db
      .query("authThrottle")
      .withIndex("by_email", (q) => q.eq("email", email))
      .unique();
    return {
      account: account && { _id: account._id, passwordHash: account.passwordHash },
      lockedForMs: lockedFor(throttle, Date.now()),
    };
  },
});

export const insertAccount = internalMutation({
  args: {
    email: v.string(),
    name: v.optional(v.string()),
    passwordHash: v.string(),
    verified: v.optional(v.boolean()),
  },
  returns: v.id("accounts"),
  handler: async (ctx, { email, name, passwordHash, verified }) => {
    const taken = await ctx.db
      .query("accounts")
      .withIndex("by_email", (q) => q.eq("email", email))
      .unique();
    if (taken) throw conflict("An account with this email exists. Sign in, or reset its password.");
    const now = Date.now();
    return await ctx.db.insert("accounts", {
      email,
      name,
      passwordHash,
      createdAt: now,
      emailVerifiedAt: verified ? now : undefined,
    });
  },
});

export const recordAttempt = internalMutation({
  args: { email: v.string(), ok: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { email, ok }) => {
    const row = await ctx.db
      .query("authThrottle")
      .withIndex("by_email", (q) => q.eq("email", email))
      .unique();
    if (ok) {
      if (row) await ctx.db.delete(row._id);
      return null;
    }
    const next = afterFailure(row, Date.now());
    if (row) await ctx.db.replace(row._id, { email, ...next });
    else await ctx.db.insert("authThrottle", { email, ...next });
    return null;
  },
});

async function claimsOf(ctx: QueryCtx, accountId: Id<"accounts">) {
  const account = await ctx.db.get(accountId);
  if (account === null) throw appError("UNAUTHENTICATED", "This account no longer exists.");
  return {
    accountId,
    email: account.email,
    name: account.name,
    emailVerified: account.emailVerifiedAt !== undefined,
  };
}

export const insertSession = internalMutation({
  args: { accountId: v.id("accounts"), refreshHash: v.string(), expiresAt: v.number() },
  returns: claims,
  handler: async (ctx, { accountId, refreshHash, expiresAt }) => {
    await ctx.db.insert("authSessions", { accountId, refreshHash, expiresAt });
    return await claimsOf(ctx, accountId);
  },
});

/** How long a rotated-away refresh secret still works (a lost answer, two tabs at once). */
const REFRESH_REUSE_GRACE_MS = 30_000;

export const rotateSession = internalMutation({
  args: { oldHash: v.string(), newHash: v.string(), expiresAt: v.number() },
  returns: claims,
  handler: async (ctx, { oldHash, newHash, expiresAt }) => {
    const now = Date.now();
    const current =
      (await ctx.db
        .query("authSessions")
        .withIndex("by_refresh_hash", (q) => q.eq("refreshHash", oldHash))
        .unique()) ??
      // The secret just replaced, within the grace window (its rotation's answer was lost).
      (await ctx.db
        .query("authSessions")
        .withIndex("by_previous_hash", (q) => q.eq("previousHash", oldHash))
        .filter((q) => q.gt(q.field("rotatedAt"), now - REFRESH_REUSE_GRACE_MS))
        .first());
    if (current === null || current.revokedAt !== undefined || current.expiresAt <= now) {
      throw appError("UNAUTHENTICATED", "Your session has ended. Sign in again.");
    }
    const reused = current.refreshHash !== oldHash;
    await ctx.db.patch(current._id, {
      refreshHash: newHash,
      // A reuse keeps the original previous secret, so the grace never extends itself.
      ...(reused ? {} : { previousHash: oldHash, rotatedAt: now }),
      expiresAt,
    });
    return await claimsOf(ctx, current.accountId);
  },
});

export const revokeSession = internalMutation({
  args: { refreshHash: v.string() },
  returns: v.null(),
  handler: async (ctx, { refreshHash }) => {
    const current = await ctx.db
      .query("authSessions")
      .withIndex("by_refresh_hash", (q) => q.eq("refreshHash", refreshHash))
      .unique();
    if (current && current.revokedAt === undefined) {
      await ctx.db.patch(current._id, { revokedAt: Date.now() });
    }
    return null;
  },
});

export const insertLink = internalMutation({
  args: {
    accountId: v.id("accounts"),
    purpose: v.union(v.literal("verify"), v.literal("reset")),
    tokenHash: v.string(),
    path: v.string(),
  },
  returns: v.null(),
  handler: async (ctx, { accountId, purpose, tokenHash, path }) => {
    const account = await ctx.db.get(accountId);
    if (account === null) return null;
    const now = Date.now();
    await ctx.db.insert("authLinks", {
      accountId,
      purpose,
      tokenHash,
      expiresAt: now + LINK_TTL_MS[purpose],
    });
    await ctx.db.insert("outbox", {
      status: "queued",
      to: account.email,
      subject: purpose === "verify" ? "Confirm your email address" : "Reset your password",
      body:
        purpose === "verify"
          ? `Open ${path} on the workspace's address to confirm this is your email.`
          : `Open ${path} on the workspace's address within an hour to choose a new password. If you did not ask for this, ignore this email.`,
      sendAfter: now,
      attempts: 0,
    });
    return null;
  },
});

/** Spends a single-use link: verifies the address, or sets the new password (and signs
 *  every browser out, since whoever had the old password may hold a session). */
export const useLink = internalMutation({
  args: {
    purpose: v.union(v.literal("verify"), v.literal("reset")),
    tokenHash: v.string(),
    passwordHash: v.optional(v.string()),
  },
  returns: v.object({ email: v.string() }),
  handler: async (ctx, { purpose, tokenHash, passwordHash }) => {
    const link = await ctx.db
      .query("authLinks")
      .withIndex("by_token_hash", (q) => q.eq("tokenHash", tokenHash))
      .unique();
    const now = Date.now();
    const what = purpose === "verify" ? "confirmation" : "reset";
    if (link === null || link.purpose !== purpose) {
      throw invalid(`This ${what} link is not valid. Ask for a new one.`);
    }
    if (link.usedAt !== undefined) throw invalid(`This ${what} link was already used.`);
    if (link.expiresAt <= now) throw invalid(`This ${what} link has expired. Ask for a new one.`);
    const account = await ctx.db.get(link.accountId);
    if (account === null) throw invalid("The account no longer exists.");
    await ctx.db.patch(link._id, { usedAt: now });
    if (purpose === "verify") {
      await ctx.db.patch(account._id, { emailVerifiedAt: account.emailVerifiedAt ?? now });
    } else {
      // Whoever clicked the emailed link controls the address: it counts as verified.
      await ctx.db.patch(account._id, {
        passwordHash: passwordHash!,
        emailVerifiedAt: account.emailVerifiedAt ?? now,
      });
      const sessions = await ctx.db
        .query("authSessions")
        .withIndex("by_account", (q) => q.eq("accountId", account._id))
        .take(500);
      for (const s of sessions) {
        if (s.revokedAt === undefined) await ctx.db.patch(s._id, { revokedAt: now });
      }
      const throttle = await ctx.db
        .query("authThrottle")
        .withIndex("by_email", (q) => q.eq("email", account.email))
        .unique();
      if (throttle) await ctx.db.delete(throttle._id);
    }
    return { email: account.email };
  },
});

// Turning a verified sign-in into a user row and store memberships.
import type { UserIdentity } from "convex/server";
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { getMembership, getUserByToken } from "./access";
import { higherRole } from "./permissions";

export function normalizeEmail(email: string): string {
  return email.trim().toLowerCase();
}

/** The profile fields we keep, as the identity provider states them now. */
export function profileFromIdentity(identity: UserIdentity) {
  return {
    tokenIdentifier: identity.tokenIdentifier,
    email: identity.email ? normalizeEmail(identity.email) : undefined,
    name: identity.name ?? identity.nickname ?? identity.givenName,
    pictureUrl: identity.pictureUrl,
  };
}

/** Creates the user row for this identity, or refreshes it when the profile changed. */
export async function upsertUser(ctx: MutationCtx, identity: UserIdentity): Promise<Doc<"users">> {
  const profile = profileFromIdentity(identity);
  const existing = await getUserByToken(ctx, identity.tokenIdentifier);
  if (existing === null) {
    const id = await ctx.db.insert("users", profile);
    return (await ctx.db.get(id))!;
  }
  const changed =
    existing.email !== profile.email ||
    existing.name !== profile.name ||
    existing.pictureUrl !== profile.pictureUrl;
  if (changed) await ctx.db.patch(existing._id, profile);
  return { ...existing, ...profile };
}

/**
 * Turns pending, unexpired invites for the user's email into memberships. Only an address the
 * provider verified may claim (`emailVerified === true`): a typed one proves nothing. Invites
 * sent as a link (with a token) are joined through the link only (invites:accept), so the
 * person sees which store and role they accept; address-only invites (the seeded owner's) are
 * claimed here.
 */
export async function claimInvites(
  ctx: MutationCtx,
  user: Doc<"users">,
  identity: UserIdentity,
  now: number,
): Promise<Id<"stores">[]> {
  if (!user.email || identity.emailVerified !== true) return [];
  const email = user.email;
  const pending = await ctx.db
    .query("invites")
    .withIndex("by_email_status", (q) => q.eq("email", email).eq("status", "pending"))
    .take(50);
  const claimed: Id<"stores">[] = [];
  for (const invite of pending) {
    if (invite.tokenHash !== undefined) continue;
    if (invite.expiresAt !== undefined && invite.expiresAt <= now) continue;
    const member = await getMembership(ctx, invite.storeId, user._id);
    if (member === null) {
      await ctx.db.insert("members", {
        storeId: invite.storeId,
        userId: user._id,
        role: invite.role,
      });
    } else if (higherRole(member.role, invite.role) !== member.role) {
      await ctx.db.patch(member._id, { role: invite.role });
    }
    await ctx.db.patch(invite._id, { status: "accepted", acceptedBy: user._id, acceptedAt: now });
    claimed.push(invite.storeId);
  }
  return claimed;
}

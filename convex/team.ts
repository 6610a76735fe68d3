// The team of a store: who is in it, invites by single-use link, roles, removal, hand-over.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { internalMutation } from "./_generated/server";
import { storeAction, storeMutation, storeQuery } from "./functions";
import { requireStoreAccess } from "./model/access";
import { invalid } from "./model/errors";
import {
  changeRole as changeMemberRole,
  createInvite,
  removeMember,
  revokeInvite as revokePendingInvite,
  transferOwnership as transferStore,
} from "./model/members";
import { parseEmail } from "./model/team";
import { hashSecret, newLinkSecret } from "./model/tokens";
import { ROLES, role } from "./model/validators";

/** Members with their names and last-seen time; pending invites for those who manage. */
export const overview = storeQuery({
  args: {},
  returns: v.object({
    members: v.array(
      v.object({
        memberId: v.id("members"),
        userId: v.id("users"),
        name: v.optional(v.string()),
        email: v.optional(v.string()),
        role,
        lastSeenAt: v.optional(v.number()),
        isYou: v.boolean(),
      }),
    ),
    invites: v.array(
      v.object({
        inviteId: v.id("invites"),
        email: v.string(),
        role,
        expiresAt: v.optional(v.number()),
      }),
    ),
  }),
  handler: async (ctx, { storeId }) => {
    // Bounded: a small team. Owners first, then admins, then staff.
    const rows = await ctx.db
      .query("members")
      .withIndex("by_store_role", (q) => q.eq("storeId", storeId))
      .take(500);
    rows.sort((a, b) => ROLES.indexOf(a.role) - ROLES.indexOf(b.role));
    const members = [];
    for (const row of rows) {
      const user = await ctx.db.get(row.userId);
      members.push({
        memberId: row._id,
        userId: row.userId,
        name: user?.name,
        email: user?.email,
        role: row.role,
        lastSeenAt: row.lastSeenAt,
        isYou: row.userId === ctx.user._id,
      });
    }
    const manages = ctx.member.role !== "staff";
    const pending = manages
      ? await ctx.db
          .query("invites")
          .withIndex("by_store_status", (q) => q.eq("storeId", storeId).eq("status", "pending"))
          .take(200)
      : [];
    return {
      members,
      invites: pending.map((i) => ({
        inviteId: i._id,
        email: i.email,
        role: i.role,
        expiresAt: i.expiresAt,
      })),
    };
  },
});

/**
 * Invites an address with a role. Returns the link's path once (only its hash is kept); it is
 * also queued in the outbox as an email to the invitee.
 */
export const invite = storeAction({
  permission: "team.manage",
  args: { email: v.string(), role },
  returns: v.object({ inviteId: v.id("invites"), path: v.string() }),
  handler: async (
    ctx,
    { storeId, email, role },
  ): Promise<{ inviteId: Id<"invites">; path: string }> => {
    const address = parseEmail(email);
    const secret = newLinkSecret();
    const path = `/dashboard/invite/${secret}`;
    const inviteId: Id<"invites"> = await ctx.runMutation(internal.team.recordInvite, {
      storeId,
      email: address,
      role,
      tokenHash: await hashSecret(secret),
      path,
    });
    return { inviteId, path };
  },
});

/** The transaction half of `invite`; re-checks the caller's rights inside it. */
export const recordInvite = internalMutation({
  args: {
    storeId: v.id("stores"),
    email: v.string(),
    role,
    tokenHash: v.string(),
    path: v.string(),
  },
  returns: v.id("invites"),
  handler: async (ctx, { storeId, email, role, tokenHash, path }) => {
    const access = await requireStoreAccess(ctx, storeId, "team.manage");
    const now = Date.now();
    const inviteId = await createInvite(ctx, access, { email, role, tokenHash, now });
    const inviter = access.user.name ?? access.user.email ?? "A teammate";
    await ctx.db.insert("outbox", {
      storeId,
      status: "queued",
      to: email,
      subject: `${inviter} invited you to ${access.store.name}`,
      body: `You are invited to join ${access.store.name} as ${role}. Open ${path} on the workspace's address within 7 days; the link works once.`,
      sendAfter: now,
      attempts: 0,
    });
    return inviteId;
  },
});

export const revokeInvite = storeMutation({
  permission: "team.manage",
  args: { inviteId: v.id("invites") },
  returns: v.null(),
  handler: async (ctx, { inviteId }) => {
    await revokePendingInvite(ctx, ctx, inviteId, Date.now());
    return null;
  },
});

export const changeRole = storeMutation({
  permission: "team.manage",
  args: { memberId: v.id("members"), role },
  returns: v.null(),
  handler: async (ctx, { memberId, role }) => {
    await changeMemberRole(ctx, ctx, memberId, role, Date.now());
    return null;
  },
});

export const remove = storeMutation({
  permission: "team.manage",
  args: { memberId: v.id("members") },
  returns: v.null(),
  handler: async (ctx, { memberId }) => {
    if (memberId === ctx.member._id) throw invalid("To leave the store, use Leave.");
    await removeMember(ctx, ctx, memberId, Date.now());
    return null;
  },
});

/** Any member but the owner may leave. */
export const leave = storeMutation({
  args: {},
  returns: v.null(),
  handler: async (ctx) => {
    await removeMember(ctx, ctx, ctx.member._id, Date.now());
    return null;
  },
});

export const transferOwnership = storeMutation({
  permission: "store.transfer",
  args: { memberId: v.id("members") },
  returns: v.null(),
  handler: async (ctx, { memberId }) => {
    await transferStore(ctx, ctx, memberId, Date.now());
    return null;
  },
});

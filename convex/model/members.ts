// The writer of a store's team: memberships and invites, each change audited in the same
// transaction. The rules (who may do what to whom) are in team.ts.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { getInStoreX, type StoreAccess } from "./access";
import { recordAudit, userActor } from "./audit";
import { conflict, forbidden } from "./errors";
import {
  assertCanAssign,
  assertCanLeave,
  assertCanManage,
  INVITE_TTL_MS,
  inviteProblem,
} from "./team";
import type { Role } from "./validators";

export async function findMemberByEmail(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  email: string,
): Promise<Doc<"members"> | null> {
  const user = await ctx.db
    .query("users")
    .withIndex("by_email", (q) => q.eq("email", email))
    .first();
  if (user === null) return null;
  return await ctx.db
    .query("members")
    .withIndex("by_store_user", (q) => q.eq("storeId", storeId).eq("userId", user._id))
    .unique();
}

/** A new single-use invite; an older pending invite to the same address is withdrawn. */
export async function createInvite(
  ctx: MutationCtx,
  access: StoreAccess,
  input: { email: string; role: Role; tokenHash: string; now: number },
): Promise<Id<"invites">> {
  const storeId = access.store._id;
  assertCanAssign(access.member.role, input.role);
  if ((await findMemberByEmail(ctx, storeId, input.email)) !== null) {
    throw conflict(`${input.email} is already a member of ${access.store.name}.`);
  }
  const older = await ctx.db
    .query("invites")
    .withIndex("by_store_email", (q) => q.eq("storeId", storeId).eq("email", input.email))
    .take(20);
  for (const invite of older) {
    if (invite.status === "pending") await ctx.db.patch(invite._id, { status: "revoked" });
  }
  const inviteId = await ctx.db.insert("invites", {
    storeId,
    email: input.email,
    role: input.role,
    status: "pending",
    invitedBy: access.user._id,
    tokenHash: input.tokenHash,
    expiresAt: input.now + INVITE_TTL_MS,
  });
  await recordAudit(ctx, {
    storeId,
    actor: userActor(access.user._id),
    action: "member.invite",
    targetTable: "invites",
    targetId: inviteId,
    changes: [
      { field: "email", from: null, to: input.email },
      { field: "role", from: null, to: input.role },
    ],
    at: input.now,
  });
  return inviteId;
}

export async function revokeInvite(
  ctx: MutationCtx,
  access: StoreAccess,
  inviteId: Id<"invites">,
  now: number,
): Promise<void> {
  const invite = await getInStoreX(ctx, access.store._id, inviteId, "Invite");
  if (invite.status !== "pending") return; // already used or withdrawn: nothing to undo
  await ctx.db.patch(inviteId, { status: "revoked" });
  await recordAudit(ctx, {
    storeId: access.store._id,
    actor: userActor(access.user._id),
    action: "member.uninvite",
    targetTable: "invites",
    targetId: inviteId,
    changes: [{ field: "status", from: "pending", to: "revoked" }],
    at: now,
  });
}

/**
 * Turns a pending invite into a membership for a signed-in user whose provider verified the
 * invited address. Refusals change nothing.
 */
export async function claimInvite(
  ctx: MutationCtx,
  invite: Doc<"invites"> | null,
  user: Doc<"users">,
  verifiedEmail: string | null,
  now: number,
): Promise<Id<"stores">> {
  const problem = inviteProblem(invite, now);
  if (problem !== null || invite === null) throw forbidden(problem ?? "Invalid invite.");
  if (verifiedEmail === null) {
    throw forbidden("Verify your email address first: the invite can only go to a verified one.");
  }
  if (verifiedEmail !== invite.email) {
    throw forbidden(
      `This invite is for ${invite.email}; you are signed in as ${verifiedEmail}. Sign in with that address.`,
    );
  }
  const existing = await ctx.db
    .query("members")
    .withIndex("by_store_user", (q) => q.eq("storeId", invite.storeId).eq("userId", user._id))
    .unique();
  if (existing === null) {
    await ctx.db.insert("members", {
      storeId: invite.storeId,
      userId: user._id,
      role: invite.role,
    });
  }
  await ctx.db.patch(invite._id, { status: "accepted", acceptedBy: user._id, acceptedAt: now });
  await recordAudit(ctx, {
    storeId: invite.storeId,
    actor: userActor(user._id),
    action: "member.join",
    targetTable: "members",
    targetId: user._id,
    changes: [{ field: "role", from: existing?.role ?? null, to: existing?.role ?? invite.role }],
    at: now,
  });
  return invite.storeId;
}

export async function changeRole(
  ctx: MutationCtx,
  access: StoreAccess,
  memberId: Id<"members">,
  role: Role,
  now: number,
): Promise<void> {
  const target = await getInStoreX(ctx, access.store._id, memberId, "Member");
  if (target._id === access.member._id) {
    throw forbidden("You cannot change your own role. Ask the owner.");
  }
  assertCanManage(access.member.role, target.role);
  assertCanAssign(access.member.role, role);
  if (target.role === role) return;
  await ctx.db.patch(memberId, { role });
  await recordAudit(ctx, {
    storeId: access.store._id,
    actor: userActor(access.user._id),
    action: "member.role",
    targetTable: "members",
    targetId: target.userId,
    changes: [{ field: "role", from: target.role, to: role }],
    at: now,
  });
}

/** Removes a member (or, with `self`, leaves); their presence goes with them. */
export async function removeMember(
  ctx: MutationCtx,
  access: StoreAccess,
  memberId: Id<"members">,
  now: number,
): Promise<void> {
  const target = await getInStoreX(ctx, access.store._id, memberId, "Member");
  if (target._id === access.member._id) assertCanLeave(target.role);
  else assertCanManage(access.member.role, target.role);
  await ctx.db.delete(memberId);
  const presence = await ctx.db
    .query("presence")
    .withIndex("by_store_user", (q) =>
      q.eq("storeId", access.store._id).eq("userId", target.userId),
    )
    .unique();
  if (presence !== null) await ctx.db.delete(presence._id);
  await recordAudit(ctx, {
    storeId: access.store._id,
    actor: userActor(access.user._id),
    action: target._id === access.member._id ? "member.leave" : "member.remove",
    targetTable: "members",
    targetId: target.userId,
    changes: [{ field: "role", from: target.role, to: null }],
    at: now,
  });
}

/** The owner hands the store to another member and stays on as an admin. */
export async function transferOwnership(
  ctx: MutationCtx,
  access: StoreAccess,
  memberId: Id<"members">,
  now: number,
): Promise<void> {
  if (access.member.role !== "owner") {
    throw forbidden("Only the owner can transfer ownership.");
  }
  const target = await getInStoreX(ctx, access.store._id, memberId, "Member");
  if (target._id === access.member._id) return;
  await ctx.db.patch(target._id, { role: "owner" });
  await ctx.db.patch(access.member._id, { role: "admin" });
  await recordAudit(ctx, {
    storeId: access.store._id,
    actor: userActor(access.user._id),
    action: "store.transfer",
    targetTable: "members",
    targetId: target.userId,
    changes: [{ field: "role", from: target.role, to: "owner" }],
    at: now,
  });
}

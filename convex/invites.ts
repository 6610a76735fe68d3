// Accepting an invite link. The link's secret is hashed in the action (see model/tokens.ts);
// the claim itself is one transaction that checks the link and the verified email together.
import { v } from "convex/values";
import { internal } from "./_generated/api";
import type { Id } from "./_generated/dataModel";
import { action, internalMutation, internalQuery } from "./_generated/server";
import { requireIdentity } from "./model/access";
import { forbidden } from "./model/errors";
import { claimInvite } from "./model/members";
import { inviteProblem } from "./model/team";
import { hashSecret, isLinkSecret } from "./model/tokens";
import { normalizeEmail, upsertUser } from "./model/users";
import { role } from "./model/validators";

const BAD_LINK = "This invite link is not valid. Ask for a new one.";

/** What a link invites to, shown before accepting; says why when it no longer works. */
export const describe = action({
  args: { token: v.string() },
  returns: v.union(
    v.object({ ok: v.literal(true), storeName: v.string(), email: v.string(), role }),
    v.object({ ok: v.literal(false), problem: v.string() }),
  ),
  handler: async (
    ctx,
    { token },
  ): Promise<
    | { ok: true; storeName: string; email: string; role: "owner" | "admin" | "staff" }
    | { ok: false; problem: string }
  > => {
    if (!isLinkSecret(token)) return { ok: false, problem: BAD_LINK };
    return await ctx.runQuery(internal.invites.byHash, { tokenHash: await hashSecret(token) });
  },
});

export const byHash = internalQuery({
  args: { tokenHash: v.string() },
  returns: v.union(
    v.object({ ok: v.literal(true), storeName: v.string(), email: v.string(), role }),
    v.object({ ok: v.literal(false), problem: v.string() }),
  ),
  handler: async (ctx, { tokenHash }) => {
    const invite = await ctx.db
      .query("invites")
      .withIndex("by_token_hash", (q) => q.eq("tokenHash", tokenHash))
      .unique();
    const problem = inviteProblem(invite, Date.now());
    if (problem !== null || invite === null)
      return { ok: false as const, problem: problem ?? BAD_LINK };
    const store = await ctx.db.get(invite.storeId);
    if (store === null) return { ok: false as const, problem: BAD_LINK };
    return { ok: true as const, storeName: store.name, email: invite.email, role: invite.role };
  },
});

/** Joins the store the link invites to, as the signed-in (email-verified) user. */
export const accept = action({
  args: { token: v.string() },
  returns: v.object({ storeId: v.id("stores") }),
  handler: async (ctx, { token }): Promise<{ storeId: Id<"stores"> }> => {
    await requireIdentity(ctx);
    if (!isLinkSecret(token)) throw forbidden(BAD_LINK);
    const storeId: Id<"stores"> = await ctx.runMutation(internal.invites.claim, {
      tokenHash: await hashSecret(token),
    });
    return { storeId };
  },
});

export const claim = internalMutation({
  args: { tokenHash: v.string() },
  returns: v.id("stores"),
  handler: async (ctx, { tokenHash }) => {
    const identity = await requireIdentity(ctx);
    const user = await upsertUser(ctx, identity);
    const invite = await ctx.db
      .query("invites")
      .withIndex("by_token_hash", (q) => q.eq("tokenHash", tokenHash))
      .unique();
    // Only a provider-verified address counts: a typed one proves nothing.
    const verified =
      identity.emailVerified === true && identity.email ? normalizeEmail(identity.email) : null;
    return await claimInvite(ctx, invite, user, verified, Date.now());
  },
});

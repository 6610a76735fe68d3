// The signed-in person: created on first sign-in, and the list of stores they can open.
import { v } from "convex/values";
import { authedMutation, authedQuery } from "./functions";
import { getUserByToken } from "./model/access";
import { claimInvites, upsertUser } from "./model/users";
import { permission, permissionsFor } from "./model/permissions";
import { role } from "./model/validators";

/** Call once after every sign-in: records the user and accepts invites sent to their email. */
export const ensure = authedMutation({
  args: {},
  returns: v.object({ userId: v.id("users"), claimedStoreIds: v.array(v.id("stores")) }),
  handler: async (ctx) => {
    const user = await upsertUser(ctx, ctx.identity);
    const claimedStoreIds = await claimInvites(ctx, user, ctx.identity, Date.now());
    return { userId: user._id, claimedStoreIds };
  },
});

/** The caller and their stores; null until `users:ensure` has created the user row. */
export const me = authedQuery({
  args: {},
  returns: v.union(
    v.null(),
    v.object({
      user: v.object({
        _id: v.id("users"),
        email: v.optional(v.string()),
        name: v.optional(v.string()),
        pictureUrl: v.optional(v.string()),
      }),
      // Per store: what the workspace needs before any page loads — the currency every
      // amount is in, and what the caller's role may do (the same table the door checks).
      stores: v.array(
        v.object({
          storeId: v.id("stores"),
          name: v.string(),
          slug: v.string(),
          currency: v.string(),
          role,
          permissions: v.array(permission),
        }),
      ),
    }),
  ),
  handler: async (ctx) => {
    const user = await getUserByToken(ctx, ctx.identity.tokenIdentifier);
    if (user === null) return null;
    // Bounded: a person belongs to a handful of stores.
    const memberships = await ctx.db
      .query("members")
      .withIndex("by_user", (q) => q.eq("userId", user._id))
      .take(100);
    const stores = [];
    for (const m of memberships) {
      const store = await ctx.db.get(m.storeId);
      if (store === null) continue;
      stores.push({
        storeId: store._id,
        name: store.name,
        slug: store.slug,
        currency: store.currency,
        role: m.role,
        permissions: permissionsFor(m.role),
      });
    }
    return {
      user: { _id: user._id, email: user.email, name: user.name, pictureUrl: user.pictureUrl },
      stores,
    };
  },
});

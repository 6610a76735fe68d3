// INTEGRATIONS: connected channels as the dashboard sees them — never their credentials.
import { v } from "convex/values";
import { storeQuery } from "./functions";
import { credentialSummary } from "./model/integrations";
import { integrationPlatform, syncStatus } from "./model/validators";

export const list = storeQuery({
  permission: "integrations.manage",
  args: {},
  returns: v.array(
    v.object({
      _id: v.id("integrations"),
      platform: integrationPlatform,
      displayName: v.string(),
      storeUrl: v.optional(v.string()),
      active: v.boolean(),
      syncStatus,
      lastSyncAt: v.optional(v.number()),
      lastError: v.optional(v.string()),
      // Names of the stored credentials ("accessToken", …), so the UI can say what is set.
      credentialKeys: v.array(v.string()),
      listings: v.number(),
    }),
  ),
  handler: async (ctx, { storeId }) => {
    const rows = await ctx.db
      .query("integrations")
      .withIndex("by_store_platform", (q) => q.eq("storeId", storeId))
      .take(50);
    const out = [];
    for (const row of rows) {
      // Bounded by catalogue size per channel.
      const listings = await ctx.db
        .query("channelListings")
        .withIndex("by_store_integration", (q) =>
          q.eq("storeId", storeId).eq("integrationId", row._id),
        )
        .take(5_000);
      out.push({
        _id: row._id,
        platform: row.platform,
        displayName: row.displayName,
        storeUrl: row.storeUrl,
        active: row.active,
        syncStatus: row.syncStatus,
        lastSyncAt: row.lastSyncAt,
        lastError: row.lastError,
        credentialKeys: credentialSummary(row.credentials),
        listings: listings.length,
      });
    }
    return out;
  },
});

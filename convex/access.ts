// The database half of storeAction's door (actions cannot read tables themselves).
import { v } from "convex/values";
import { internalQuery } from "./_generated/server";
import { requireStoreAccess } from "./model/access";
import { permission } from "./model/permissions";
import schema from "./schema";

export const check = internalQuery({
  args: { storeId: v.id("stores"), permission: v.optional(permission) },
  returns: v.object({
    user: schema.doc("users"),
    member: schema.doc("members"),
    store: schema.doc("stores"),
  }),
  handler: async (ctx, { storeId, permission }) =>
    await requireStoreAccess(ctx, storeId, permission),
});

// The database half of storeAction's door (actions cannot read tables themselves).
import { v } from "convex/values";
import { internalQuery } from "./_generated/server";
import { requireStoreAccess } from "./model/access";
import { role } from "./model/validators";
import schema from "./schema";

export const check = internalQuery({
  args: { storeId: v.id("stores"), minRole: role },
  returns: v.object({
    user: schema.doc("users"),
    member: schema.doc("members"),
    store: schema.doc("stores"),
  }),
  handler: async (ctx, { storeId, minRole }) => await requireStoreAccess(ctx, storeId, minRole),
});

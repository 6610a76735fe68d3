// Stores a signed-in person opens themselves (the demo store comes from the seed).
import { v } from "convex/values";
import { authedMutation } from "./functions";
import { createStore } from "./model/stores";
import { upsertUser } from "./model/users";

/** Creates a store; the caller becomes its owner. */
export const create = authedMutation({
  args: { name: v.string(), currency: v.string(), timezone: v.string() },
  returns: v.object({ storeId: v.id("stores") }),
  handler: async (ctx, args) => {
    const user = await upsertUser(ctx, ctx.identity);
    const storeId = await createStore(
      ctx,
      { userId: user._id, email: user.email },
      args,
      Date.now(),
    );
    return { storeId };
  },
});

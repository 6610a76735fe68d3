import { internalMutation } from "./_generated/server";
import schema from "./schema";

/** Deletes every document of every table: the embedded-backend runner calls it before each scenario. */
export const reset = internalMutation({
  args: {},
  handler: async (ctx) => {
    let deleted = 0;
    for (const table of Object.keys(schema.tables)) {
      const docs = await ctx.db.query(table as "items").collect();
      for (const doc of docs) {
        await ctx.db.delete(doc._id);
        deleted += 1;
      }
    }
    return deleted;
  },
});

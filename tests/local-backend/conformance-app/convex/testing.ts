import { internalMutation } from "./_generated/server";
import schema from "./schema";

/**
 * Deletes every document of every table, deletes every stored file and cancels every job not
 * finished yet (so none fires into the next scenario): the embedded-backend runner calls it
 * before each scenario. `_scheduled_functions` rows cannot be deleted by functions, so finished
 * jobs stay: scenarios read their own jobs by id or by a tag in their arguments.
 */
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
    for (const file of await ctx.db.system.query("_storage").collect()) {
      await ctx.storage.delete(file._id);
      deleted += 1;
    }
    for (const job of await ctx.db.system.query("_scheduled_functions").collect()) {
      if (job.state.kind === "pending" || job.state.kind === "inProgress") {
        await ctx.scheduler.cancel(job._id);
      }
    }
    return deleted;
  },
});

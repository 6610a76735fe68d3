// Customer notices (shipped with tracking, return decisions): written to the outbox in the same
// transaction as the change, then sent by the email provider when one is configured
// (convex/notify.ts delivers). Without one they stay queued with a "not sent" note the team
// reads on the order page.
import { internal } from "../_generated/api";
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { emailFromEnv, NOT_CONFIGURED } from "../email";

export type Notice = {
  storeId: Id<"stores">;
  orderId: Id<"orders">;
  to: string;
  subject: string;
  body: string;
};

/** Queues a notice for an order's customer and, with a provider configured, sends it. */
export async function queueNotice(ctx: MutationCtx, notice: Notice, now: number) {
  const configured = emailFromEnv() !== null;
  const outboxId = await ctx.db.insert("outbox", {
    ...notice,
    status: "queued",
    sendAfter: now,
    attempts: 0,
    ...(configured ? {} : { lastError: NOT_CONFIGURED }),
  });
  if (configured) await ctx.scheduler.runAfter(0, internal.notify.deliver, { outboxId });
  return outboxId;
}

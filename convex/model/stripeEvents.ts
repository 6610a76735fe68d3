// Reading Stripe's Checkout Session events: which ones move a checkout, and how the webhook's
// record of each is closed. Pure parsing, so a new event type is one line here.
import type Stripe from "stripe";
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import type { WebhookEventStatus } from "./validators";

export type SessionEvent = {
  eventId: string;
  type: string;
  outcome: "paid" | "expired";
  storeId: string;
  checkoutRef: string;
  sessionId: string;
  amountTotal?: number;
};

/**
 * The checkout a session event settles, or null for events we do not act on (other types, a
 * completed session still awaiting an asynchronous payment, sessions we did not create).
 */
export function stripeSessionEvent(event: Stripe.Event): SessionEvent | null {
  let outcome: SessionEvent["outcome"];
  switch (event.type) {
    case "checkout.session.completed":
    case "checkout.session.async_payment_succeeded":
      if (event.data.object.payment_status !== "paid") return null;
      outcome = "paid";
      break;
    case "checkout.session.expired":
    case "checkout.session.async_payment_failed":
      outcome = "expired";
      break;
    default:
      return null;
  }
  const session = event.data.object;
  const storeId = session.metadata?.storeId;
  const checkoutRef = session.metadata?.checkoutId;
  if (!storeId || !checkoutRef) return null;
  return {
    eventId: event.id,
    type: event.type,
    outcome,
    storeId,
    checkoutRef,
    sessionId: session.id,
    ...(typeof session.amount_total === "number" ? { amountTotal: session.amount_total } : {}),
  };
}

/** Closes the record of a delivered webhook: processed, ignored or failed (with why). */
export async function markWebhookEvent(
  ctx: MutationCtx,
  eventId: Id<"webhookEvents">,
  status: WebhookEventStatus,
  now: number,
  error?: string,
): Promise<void> {
  await ctx.db.patch(eventId, { status, processedAt: now, ...(error ? { error } : {}) });
}

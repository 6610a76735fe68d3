// Integration rules: credentials are stored only as ciphertext, and never leave the backend.
import type { Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { invalid } from "./errors";
import type { WebhookProvider } from "./validators";

// "enc:v1:<iv>:<ciphertext>", both parts base64url. The encrypting code (an action holding the
// key from the environment) is the only producer; this shape check guards every write.
const CIPHERTEXT = /^enc:v1:[A-Za-z0-9_-]{16,}:[A-Za-z0-9_-]{16,}$/;

export function isCiphertext(value: string): boolean {
  return CIPHERTEXT.test(value);
}

export type CredentialSet = {
  apiKey?: string;
  apiSecret?: string;
  accessToken?: string;
  refreshToken?: string;
  webhookSecret?: string;
};

/** Which credentials are present, without their values: what the dashboard may see. */
export function credentialSummary(credentials: CredentialSet): (keyof CredentialSet)[] {
  return (Object.keys(credentials) as (keyof CredentialSet)[]).filter(
    (key) => credentials[key] !== undefined,
  );
}

/** Refuses anything that is not ciphertext, so plaintext keys cannot reach the database. */
export function assertCredentials(credentials: CredentialSet): CredentialSet {
  for (const key of credentialSummary(credentials)) {
    if (!isCiphertext(credentials[key]!)) {
      throw invalid(`Credential "${key}" must be encrypted before it is stored.`);
    }
  }
  return credentials;
}

/**
 * Stores an incoming webhook once. Providers retry deliveries, so the same event id can arrive
 * several times; the (store, provider, event id) index turns the repeats into no-ops.
 */
export async function recordWebhookEvent(
  ctx: MutationCtx,
  event: {
    storeId: Id<"stores">;
    provider: WebhookProvider;
    externalEventId: string;
    topic: string;
    payloadJson: string;
    receivedAt: number;
  },
): Promise<{ eventId: Id<"webhookEvents">; duplicate: boolean }> {
  const existing = await ctx.db
    .query("webhookEvents")
    .withIndex("by_store_provider_event", (q) =>
      q
        .eq("storeId", event.storeId)
        .eq("provider", event.provider)
        .eq("externalEventId", event.externalEventId),
    )
    .first();
  if (existing !== null) return { eventId: existing._id, duplicate: true };
  const eventId = await ctx.db.insert("webhookEvents", { ...event, status: "received" });
  return { eventId, duplicate: false };
}

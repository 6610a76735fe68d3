// Customer email through Postmark's REST API (POST /email, documented at
// postmarkapp.com/developer/api/email-api), configured by POSTMARK_SERVER_TOKEN and EMAIL_FROM.
// POSTMARK_API_BASE points it at another host (the tests' fake on 127.0.0.1). Without a token
// nothing is sent: notices stay in the outbox, labelled "not sent", for the team to read.

export type EmailConfig = { token: string; from: string; base: string };

/** The provider's settings, or null: offline, the outbox is the only copy. */
export function emailFromEnv(): EmailConfig | null {
  const token = process.env.POSTMARK_SERVER_TOKEN;
  if (!token) return null;
  return {
    token,
    from: process.env.EMAIL_FROM || "orders@example.com",
    base: (process.env.POSTMARK_API_BASE || "https://api.postmarkapp.com").replace(/\/$/, ""),
  };
}

export const NOT_CONFIGURED =
  "Not sent: no email provider is configured (set POSTMARK_SERVER_TOKEN). Kept here for the team.";

/** Sends one plain-text email; returns Postmark's MessageID or throws with its message. */
export async function sendEmail(
  config: EmailConfig,
  message: { to: string; subject: string; body: string; tag?: string },
): Promise<string> {
  const response = await fetch(`${config.base}/email`, {
    method: "POST",
    headers: {
      Accept: "application/json",
      "Content-Type": "application/json",
      "X-Postmark-Server-Token": config.token,
    },
    body: JSON.stringify({
      From: config.from,
      To: message.to,
      Subject: message.subject,
      TextBody: message.body,
      MessageStream: "outbound",
      ...(message.tag ? { Tag: message.tag } : {}),
    }),
  });
  const data = (await response.json().catch(() => ({}))) as {
    ErrorCode?: number;
    Message?: string;
    MessageID?: string;
  };
  if (!response.ok || (data.ErrorCode ?? 0) !== 0 || !data.MessageID) {
    throw new Error(`Postmark ${response.status}: ${data.Message ?? "no answer"}`);
  }
  return data.MessageID;
}

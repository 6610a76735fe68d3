// The shipped notice through the real Postmark client (convex/email.ts) against the local fake:
// sent once when configured, retried on an outage, and the client refuses what Postmark refuses.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { sendEmail } from "../../convex/email";
import { type FakeEmail, startFakeEmail } from "../fakes/email";
import { ship, shopWithOrder, type OrderShop } from "./returnsFixture";

let fake: FakeEmail;
beforeAll(async () => {
  fake = await startFakeEmail();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.sent.length = 0;
  fake.failNext(0);
  vi.stubEnv("POSTMARK_SERVER_TOKEN", fake.token);
  vi.stubEnv("POSTMARK_API_BASE", fake.url);
  vi.stubEnv("EMAIL_FROM", "orders@shop.example");
});
afterEach(() => vi.unstubAllEnvs());

async function outbox(s: OrderShop) {
  for (let i = 0; i < 50; i++) {
    await new Promise((resolve) => setTimeout(resolve, 20));
    await s.t.finishInProgressScheduledFunctions();
    const rows = await s.t.run(async (ctx) => ctx.db.query("outbox").collect());
    if (rows.every((r) => r.status !== "queued" || r.attempts > 0)) return rows;
  }
  return await s.t.run(async (ctx) => ctx.db.query("outbox").collect());
}

describe("customer notices through Postmark", () => {
  test("adding tracking emails the customer once, with the carrier link", async () => {
    const s = await shopWithOrder();
    const added = await ship(s);
    const rows = await outbox(s);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ status: "sent" });
    expect(rows[0].lastError).toBeUndefined();
    expect(fake.sent).toHaveLength(1);
    expect(fake.sent[0]).toMatchObject({
      From: "orders@shop.example",
      To: "Ada@Example.com",
      Subject: `Order #${s.number} has shipped`,
      MessageStream: "outbound",
    });
    expect(fake.sent[0].TextBody).toContain(added.trackingUrl);
  });

  test("an outage is kept with its error and retried later, not lost", async () => {
    const s = await shopWithOrder();
    fake.failNext(1);
    await ship(s);
    const rows = await outbox(s);
    expect(rows[0]).toMatchObject({ status: "queued", attempts: 1 });
    expect(rows[0].lastError).toMatch(/Postmark 500/);
    expect(rows[0].sendAfter).toBeGreaterThan(Date.now());
    expect(fake.sent).toHaveLength(0);
  });

  test("the client surfaces Postmark's errors", async () => {
    const config = { token: "wrong", from: "a@b.c", base: fake.url };
    await expect(sendEmail(config, { to: "x@y.z", subject: "s", body: "b" })).rejects.toThrow(
      /401: Request does not contain a valid Server token/,
    );
    await expect(
      sendEmail({ ...config, token: fake.token }, { to: "", subject: "s", body: "b" }),
    ).rejects.toThrow(/422: Invalid email request/);
  });
});

// The Claude path: the real @anthropic-ai/sdk against a local fake of the Messages API
// (tests/fakes/anthropic.ts). Streaming into a draft, retries on 429/5xx only (max 3), no retry
// on 400, invalid output refused, cost counted per store, and the monthly budget stop.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { MAX_RETRIES, streamClaude } from "../../convex/anthropic";
import { costMicroUsd, formatUsd, priceOf } from "../../convex/model/ai/pricing";
import { addUsage } from "../../convex/model/ai/usage";
import { type FakeAnthropic, startFakeAnthropic } from "../fakes/anthropic";
import { kindOf, makeTest, OWNER } from "./setup";

let fake: FakeAnthropic;
beforeAll(async () => {
  fake = await startFakeAnthropic();
});
afterAll(async () => {
  await fake.close();
});
beforeEach(() => {
  fake.reset();
  vi.stubEnv("ANTHROPIC_API_KEY", fake.apiKey);
  vi.stubEnv("ANTHROPIC_BASE_URL", fake.url);
  vi.stubEnv("ANTHROPIC_MODEL", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

const LONG_REPLY = `Title: Wireless Earbuds with Charging Case\nDescription:\n${"Small, light earbuds that stay put on a run. ".repeat(12)}\n- 30 hours with the case\n- Sweat resistant`;

const request = { system: "You write copy.", prompt: "Write it.", maxTokens: 300 };

function config() {
  return { apiKey: fake.apiKey, baseURL: fake.url, model: "claude-sonnet-4-5" };
}

describe("the client (real SDK, fake Messages API)", () => {
  test("streams: the request is the documented one, text arrives in throttled chunks, usage is read", async () => {
    fake.reply(LONG_REPLY);
    const chunks: string[] = [];
    const result = await streamClaude(config(), request, async (chunk) => {
      chunks.push(chunk);
      return true;
    });
    expect(result).toEqual({ ok: true, text: LONG_REPLY, inputTokens: 120, outputTokens: 80 });
    expect(chunks.join("")).toBe(LONG_REPLY);
    // Far fewer writes than the fake's 7-character deltas, but more than one.
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThan(LONG_REPLY.length / 7 / 4);
    const [sent] = fake.requests;
    expect(sent).toMatchObject({ path: "/v1/messages", apiKey: fake.apiKey });
    expect(sent.version).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(sent.body).toMatchObject({
      model: "claude-sonnet-4-5",
      max_tokens: 300,
      system: "You write copy.",
      stream: true,
      messages: [{ role: "user", content: "Write it." }],
    });
  });

  test("retries 429, 500 and 529 with backoff, then succeeds", async () => {
    fake.failNext(429, 500, 529);
    const waits: number[] = [];
    const result = await streamClaude(
      config(),
      request,
      async () => true,
      async (ms) => {
        waits.push(ms);
      },
    );
    expect(result.ok).toBe(true);
    expect(fake.requests).toHaveLength(4);
    expect(waits).toEqual([1_000, 2_000, 4_000]);
  });

  test(`gives up after ${MAX_RETRIES} retries with the last error`, async () => {
    fake.failNext(529, 529, 529, 529, 529);
    const result = await streamClaude(
      config(),
      request,
      async () => true,
      async () => {},
    );
    expect(result).toMatchObject({ ok: false, stopped: false });
    expect(!result.ok && result.error).toMatch(
      /529 overloaded_error: Overloaded \(after 4 attempts\)/,
    );
    expect(fake.requests).toHaveLength(MAX_RETRIES + 1);
  });

  test("does not retry a 400 or a 401", async () => {
    fake.failNext(400);
    const bad = await streamClaude(
      config(),
      request,
      async () => true,
      async () => {
        throw new Error("must not wait");
      },
    );
    expect(!bad.ok && bad.error).toBe(
      "Claude answered 400 invalid_request_error: max_tokens: Field required",
    );
    expect(fake.requests).toHaveLength(1);
    const denied = await streamClaude({ ...config(), apiKey: "wrong" }, request, async () => true);
    expect(!denied.ok && denied.error).toMatch(/401 authentication_error/);
    expect(fake.requests).toHaveLength(2);
  });

  test("stops reading when the draft no longer wants the text", async () => {
    fake.reply(LONG_REPLY);
    const result = await streamClaude(config(), request, async () => false);
    expect(result).toMatchObject({ ok: false, stopped: true });
  });

  test("prices are integer micro-USD; dated model ids use their family's price", () => {
    expect(costMicroUsd("claude-sonnet-4-5", 120, 80)).toBe(120 * 3 + 80 * 15);
    expect(priceOf("claude-haiku-4-5-20251001")).toEqual(priceOf("claude-haiku-4-5"));
    expect(priceOf("some-future-model").output).toBeGreaterThanOrEqual(75);
    expect(formatUsd(20_030_000)).toBe("$20.03");
  });
});

async function shop() {
  const t = makeTest();
  const owner = t.withIdentity(OWNER);
  const { storeId } = await owner.mutation(api.stores.create, {
    name: "Claude Shop",
    currency: "USD",
    timezone: "UTC",
  });
  const productId = await owner.mutation(api.catalog.create, {
    storeId,
    product: {
      title: "wireless earbuds",
      slug: "",
      description: "Bluetooth earbuds with a case.",
      status: "draft",
      category: "Audio",
      tags: [],
      images: [],
      variants: [{ sku: "EAR-1", title: "Default", options: {}, priceCents: 2_999, stock: 5 }],
    },
  });
  const ask = () =>
    owner.mutation(api.ai.draft, {
      storeId,
      template: "productCopy",
      table: "products",
      id: productId,
    });
  const drafts = () => owner.query(api.ai.draftsFor, { storeId, table: "products", id: productId });
  const settle = () => t.finishAllScheduledFunctions(() => {});
  return { t, owner, storeId, productId, ask, drafts, settle };
}

async function aiAudit(t: ReturnType<typeof makeTest>) {
  return await t.run(async (ctx) =>
    (await ctx.db.query("auditLog").collect()).filter((row) => row.ai !== undefined),
  );
}

describe("drafts written by Claude", () => {
  test("a draft streams in from Claude, is labelled Claude, and its cost is counted for the store", async () => {
    fake.reply(LONG_REPLY);
    const { t, owner, storeId, ask, drafts, settle } = await shop();
    const draftId: Id<"aiDrafts"> = await ask();
    expect((await drafts())[0]).toMatchObject({ status: "writing", provider: "claude" });
    await settle();
    const [ready] = await drafts();
    const cost = 120 * 3 + 80 * 15;
    expect(ready).toMatchObject({
      _id: draftId,
      status: "ready",
      provider: "claude",
      label: "Claude (claude-sonnet-4-5)",
      model: "claude-sonnet-4-5",
      promptVersion: "productCopy@1",
      text: LONG_REPLY,
      costMicroUsd: cost,
    });
    expect(ready.proposal?.[0]).toEqual({
      field: "title",
      value: "Wireless Earbuds with Charging Case",
    });
    // The prompt carried the product's own data.
    expect(JSON.stringify(fake.requests[0].body.messages)).toContain(
      "Bluetooth earbuds with a case.",
    );
    const usage = await owner.query(api.ai.usage, { storeId });
    expect(usage).toMatchObject({
      calls: 1,
      inputTokens: 120,
      outputTokens: 80,
      costMicroUsd: cost,
      budgetMicroUsd: 20_000_000,
      provider: "claude",
      providerLabel: "Claude (claude-sonnet-4-5)",
    });
    const [generated] = await aiAudit(t);
    expect(generated).toMatchObject({
      action: "ai.generate",
      ai: { draftId, provider: "claude", promptVersion: "productCopy@1", costMicroUsd: cost },
    });
  });

  test("ANTHROPIC_MODEL picks the model, and its price", async () => {
    vi.stubEnv("ANTHROPIC_MODEL", "claude-haiku-4-5");
    const { ask, drafts, settle } = await shop();
    await ask();
    await settle();
    expect((await drafts())[0]).toMatchObject({
      status: "ready",
      model: "claude-haiku-4-5",
      costMicroUsd: 120 * 1 + 80 * 5,
    });
    expect(fake.requests[0].body.model).toBe("claude-haiku-4-5");
  });

  test("an answer in the wrong shape fails the draft with a clear message (tokens still counted)", async () => {
    fake.reply("Here you go! Great earbuds, buy them.");
    const { owner, storeId, ask, drafts, settle } = await shop();
    await ask();
    await settle();
    const [failed] = await drafts();
    expect(failed.status).toBe("failed");
    expect(failed.error).toMatch(/not in the expected format/);
    expect(failed.proposal).toBeUndefined();
    expect((await owner.query(api.ai.usage, { storeId })).calls).toBe(1);
  });

  test("a 400 fails the draft at once, without a retry", async () => {
    fake.failNext(400);
    const { ask, drafts, settle } = await shop();
    await ask();
    await settle();
    const [failed] = await drafts();
    expect(failed).toMatchObject({
      status: "failed",
      error: "Claude answered 400 invalid_request_error: max_tokens: Field required",
    });
    expect(fake.requests).toHaveLength(1);
  });

  test("a Claude draft whose key was removed before it ran fails with why, never hangs", async () => {
    const { ask, drafts, settle } = await shop();
    await ask();
    vi.stubEnv("ANTHROPIC_API_KEY", "");
    await settle();
    expect((await drafts())[0]).toMatchObject({
      status: "failed",
      error: expect.stringContaining("ANTHROPIC_API_KEY was unset"),
    });
    expect(fake.requests).toHaveLength(0);
  });

  test("a 429 is retried and the draft still arrives", async () => {
    fake.failNext(429);
    const { ask, drafts, settle } = await shop();
    await ask();
    await settle();
    expect((await drafts())[0].status).toBe("ready");
    expect(fake.requests).toHaveLength(2);
  }, 15_000);

  test("the monthly budget stops a new call with a clear message and creates nothing", async () => {
    const { t, owner, storeId, ask } = await shop();
    await owner.mutation(api.ai.setMonthlyBudget, { storeId, monthlyCents: 2_000 });
    await t.run(async (ctx) => {
      await addUsage(
        ctx,
        storeId,
        { inputTokens: 1_000_000, outputTokens: 1_135_333, costMicroUsd: 20_030_000 },
        Date.now(),
      );
    });
    const month = new Date().toLocaleString("en-US", { month: "long", timeZone: "UTC" });
    const refused = ask();
    expect(await kindOf(refused)).toBe("BUDGET_EXCEEDED");
    await expect(ask()).rejects.toMatchObject({
      data: {
        message: `This store's AI budget of $20.00 for ${month} is used up ($20.03 spent). An admin can raise it in Settings → AI.`,
      },
    });
    const rows = await t.run(async (ctx) => await ctx.db.query("aiDrafts").collect());
    expect(rows).toHaveLength(0);
    expect(fake.requests).toHaveLength(0);
    // Raising it lets the next call through.
    await owner.mutation(api.ai.setMonthlyBudget, { storeId, monthlyCents: 5_000 });
    expect(await kindOf(ask())).toBe("no error");
    expect(
      await kindOf(owner.mutation(api.ai.setMonthlyBudget, { storeId, monthlyCents: -1 })),
    ).toBe("INVALID");
  });
});

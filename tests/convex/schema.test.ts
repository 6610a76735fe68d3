// The data model: every table is written by real code (the seed and users:ensure) and read back
// through the public functions, and the schema refuses documents of the wrong shape.
import { createJob } from "../../convex/model/import/jobs";
import { parseProductUrl } from "../../convex/model/import/urls";
import { permissionsFor } from "../../convex/model/permissions";
import { beforeAll, describe, expect, test } from "vitest";
import { addUsage } from "../../convex/model/ai/usage";
import { api, internal } from "../../convex/_generated/api";
import type { Id, TableNames } from "../../convex/_generated/dataModel";
import { isCiphertext, recordWebhookEvent } from "../../convex/model/integrations";
import schema from "../../convex/schema";
import { makeTest, OWNER, seedSmall, type T } from "./setup";

const page = { numItems: 200, cursor: null };

/** A shopper views the product in the seed's running price test and buys it (test card). */
async function shopperBuysTestedProduct(t: T, storeId: Id<"stores">) {
  const { slug, productId, sku } = await t.run(async (ctx) => {
    const test = (await ctx.db
      .query("priceTests")
      .withIndex("by_store_status", (q) => q.eq("storeId", storeId).eq("status", "running"))
      .first())!;
    const product = (await ctx.db.get(test.productId))!;
    const variant = product.variants.find((v) => v.stock > 0)!;
    return { slug: (await ctx.db.get(storeId))!.slug, productId: product._id, sku: variant.sku };
  });
  const visitorId = "schema-visitor";
  const items = [{ productId, sku, quantity: 1 }];
  await t.mutation(api.storefront.track, { slug, visitorId, type: "product_view", productId });
  const quote = await t.query(api.checkout.quote, { slug, visitorId, items });
  const { checkoutId } = await t.action(api.checkout.start, {
    slug,
    visitorId,
    items,
    email: "shopper@example.com",
    shippingAddress: {
      name: "Shopper",
      line1: "1 Main St",
      city: "A",
      postalCode: "1",
      country: "US",
    },
    expectedTotalCents: quote.totalCents,
  });
  await t.mutation(api.checkout.payOffline, { slug, checkoutId, cardNumber: "4242424242424242" });
}

describe("every table, written and read", () => {
  let t: T;
  let storeId: Id<"stores">;

  beforeAll(async () => {
    t = makeTest();
    ({ storeId } = await seedSmall(t));
    // What the launcher and the offline sign-in write: the demo owner's account, a session,
    // a wrong password (the throttle) and a reset link (account mail in the outbox).
    const demo = { email: OWNER.email, password: "correct horse battery", name: "Demo Owner" };
    await t.action(internal.accounts.ensureDemoAccount, demo);
    const { name: _, ...credentials } = demo;
    await t.action(internal.accounts.signIn, credentials);
    await t
      .action(internal.accounts.signIn, { ...credentials, password: "wrong password!" })
      .catch(() => {});
    await t.action(internal.accounts.requestReset, { email: demo.email });
    await t.withIdentity(OWNER).mutation(api.users.ensure, {});
    // Opening the workspace: the shell's first heartbeat.
    await t.withIdentity(OWNER).mutation(api.presence.heartbeat, { storeId, path: "/dashboard" });
    await shopperBuysTestedProduct(t, storeId);
    // Discover: the owner watches a trend whose views then triple (the watchlist, a spike alert
    // and the refresh settings).
    const trend = await t.run(async (ctx) =>
      ctx.db
        .query("trends")
        .withIndex("by_store_score", (q) => q.eq("storeId", storeId))
        .first(),
    );
    await t
      .withIdentity(OWNER)
      .mutation(api.discover.setWatch, { storeId, trendId: trend!._id, watched: true });
    await t.mutation(internal.discover.applyObserved, {
      storeId,
      takenAt: Date.now() + 60_000,
      observations: [
        {
          externalId: trend!.externalId,
          title: trend!.title,
          category: trend!.category,
          views: 5_000_000,
          likes: 400_000,
          shares: 30_000,
        },
      ],
    });
    // A wrong guess on /track (the look-up throttle).
    const slug = (await t.run(async (ctx) => (await ctx.db.get(storeId))!.slug)) as string;
    await t.mutation(api.tracking.lookup, { slug, number: "1", email: "nobody@example.com" });
    // The AI layer: an admin sets the monthly budget, and a Claude call's usage is counted
    // (tests/convex/aiClaude.test.ts makes the real call against the fake Messages API).
    await t.withIdentity(OWNER).mutation(api.ai.setMonthlyBudget, { storeId, monthlyCents: 2_000 });
    await t.run(async (ctx) => {
      await addUsage(
        ctx,
        storeId,
        { inputTokens: 10, outputTokens: 20, costMicroUsd: 330 },
        Date.now(),
      );
    });
    // One-click import: a job, through its writer (tests/convex/importer.test.ts runs real ones
    // against the fake supplier site).
    await t.run(async (ctx) => {
      const owner = (await ctx.db.query("users").first())!;
      const at = parseProductUrl("https://www.aliexpress.com/item/1005006123456789.html");
      await createJob(ctx, storeId, at, owner._id, Date.now(), 1);
    });
  });

  test("the seed, sign-in and an open workspace leave a row in every table of the schema", async () => {
    const tables = Object.keys(schema.tables) as TableNames[];
    expect(tables.length).toBeGreaterThanOrEqual(30);
    const empty = await t.run(async (ctx) => {
      const missing: string[] = [];
      for (const table of tables) {
        if ((await ctx.db.query(table).first()) === null) missing.push(table);
      }
      return missing;
    });
    expect(empty).toEqual([]);
  });

  test("every store-scoped row carries the store's id", async () => {
    const stray = await t.run(async (ctx) => {
      const out: string[] = [];
      // People and their sign-in exist before and across stores; so does their account mail.
      const global = new Set([
        "stores",
        "users",
        "accounts",
        "authSessions",
        "authLinks",
        "authThrottle",
      ]);
      for (const table of Object.keys(schema.tables) as TableNames[]) {
        if (global.has(table)) continue;
        const rows = await ctx.db.query(table).take(50);
        for (const row of rows) {
          const rowStore = (row as { storeId?: string }).storeId;
          if (rowStore === undefined && table === "outbox") continue;
          if (rowStore !== storeId) out.push(table);
        }
      }
      return out;
    });
    expect(stray).toEqual([]);
  });

  test("read functions return each domain's rows", async () => {
    const owner = t.withIdentity(OWNER);
    const me = await owner.query(api.users.me, {});
    expect(me?.stores).toEqual([
      {
        storeId,
        name: "Northwind Goods",
        slug: "demo",
        currency: "USD",
        role: "owner",
        permissions: permissionsFor("owner"),
      },
    ]);

    const products = await owner.query(api.catalog.list, { storeId, paginationOpts: page });
    expect(products.page.length).toBeGreaterThan(30);

    const orders = await owner.query(api.orders.list, { storeId, paginationOpts: page });
    const shipped = orders.page.find((o) => o.status === "delivered")!;
    const detail = await owner.query(api.orders.get, { storeId, orderId: shipped._id });
    expect(detail!.items.length).toBeGreaterThan(0);
    expect(detail!.fulfillments[0].status).toBe("delivered");

    // Modules not built yet have no functions; their seeded rows are read directly.
    const content = await t.run(async (ctx) => ({
      trends: await ctx.db.query("trends").collect(),
      snapshots: await ctx.db.query("trendSnapshots").collect(),
      drafts: await ctx.db.query("aiDrafts").collect(),
      posts: await ctx.db.query("socialPosts").collect(),
      campaigns: await ctx.db.query("emailCampaigns").collect(),
      coupons: await ctx.db.query("coupons").collect(),
      metrics: await ctx.db.query("dailyMetrics").collect(),
      conversations: await ctx.db.query("supportConversations").collect(),
      messages: await ctx.db.query("supportMessages").collect(),
      faqs: await ctx.db.query("faqs").collect(),
    }));
    const [trend] = content.trends;
    expect(content.snapshots.filter((s) => s.trendId === trend._id).length).toBeGreaterThanOrEqual(
      13,
    );
    expect(content.drafts.length).toBeGreaterThan(0);
    expect(content.posts.some((p) => p.status === "scheduled")).toBe(true);
    expect(content.posts.some((p) => p.status === "published")).toBe(true);
    expect(content.campaigns.length).toBe(3);
    expect(content.coupons.map((c) => c.code)).toContain("WELCOME10");
    const sum = (key: "visitors" | "purchases") =>
      content.metrics.reduce((total, day) => total + day[key], 0);
    expect(sum("visitors")).toBeGreaterThan(sum("purchases"));
    const [conversation] = content.conversations;
    expect(content.messages.some((m) => m.conversationId === conversation._id)).toBe(true);
    expect(content.faqs.filter((f) => f.published).length).toBe(8);
  });

  test("integrations show which credentials exist, never their values", async () => {
    const integrations = await t.withIdentity(OWNER).query(api.integrations.list, { storeId });
    expect(integrations.map((i) => i.platform).sort()).toEqual([
      "shopify",
      "tiktok_shop",
      "woocommerce",
    ]);
    expect(JSON.stringify(integrations)).not.toContain("enc:v1:");
    expect(integrations.find((i) => i.platform === "shopify")!.credentialKeys).toContain(
      "accessToken",
    );
    const stored = await t.run(async (ctx) => await ctx.db.query("integrations").collect());
    for (const row of stored) {
      for (const value of Object.values(row.credentials)) expect(isCiphertext(value!)).toBe(true);
    }
  });
});

describe("schema validation refuses wrong shapes", () => {
  async function storeAndProduct() {
    const t = makeTest();
    const { storeId } = await seedSmall(t);
    const product = await t.run(async (ctx) => await ctx.db.query("products").first());
    return { t, storeId, product: product! };
  }

  test("a price as a string, an unknown status, a missing storeId", async () => {
    const { t, storeId, product } = await storeAndProduct();
    const { _id, _creationTime, ...fields } = product;
    await expect(
      t.run(async (ctx) => {
        await ctx.db.insert("products", { ...fields, priceCents: "19.99" as unknown as number });
      }),
    ).rejects.toThrow(/Expected `number`/);
    await expect(
      t.run(async (ctx) => {
        await ctx.db.insert("products", { ...fields, status: "published" as "active" });
      }),
    ).rejects.toThrow(/Validator error/);
    const { storeId: _s, ...unscoped } = fields;
    await expect(
      t.run(async (ctx) => {
        await ctx.db.insert("products", unscoped as typeof fields);
      }),
    ).rejects.toThrow(/Validator error/);
    // The same document with the right types goes in.
    await t.run(async (ctx) => {
      await ctx.db.insert("products", { ...fields, slug: "copy", storeId });
    });
  });

  test("an order with a status outside the machine, and a coupon with a half-shaped discount", async () => {
    const { t } = await storeAndProduct();
    const order = await t.run(async (ctx) => await ctx.db.query("orders").first());
    const { _id, _creationTime, ...fields } = order!;
    await expect(
      t.run(async (ctx) => {
        await ctx.db.insert("orders", { ...fields, status: "lost" as "new" });
      }),
    ).rejects.toThrow(/Validator error/);
    const coupon = await t.run(async (ctx) => await ctx.db.query("coupons").first());
    const { _id: _c, _creationTime: _t, ...couponFields } = coupon!;
    await expect(
      t.run(async (ctx) => {
        await ctx.db.insert("coupons", {
          ...couponFields,
          discount: { kind: "fixed" } as unknown as typeof couponFields.discount,
        });
      }),
    ).rejects.toThrow(/Validator error/);
  });

  test("a function argument of the wrong type is refused before the handler runs", async () => {
    const { t, storeId, product } = await storeAndProduct();
    await t.withIdentity(OWNER).mutation(api.users.ensure, {});
    await expect(
      t.withIdentity(OWNER).mutation(api.catalog.update, {
        storeId,
        productId: product._id,
        patch: { priceCents: "12" as unknown as number },
      }),
    ).rejects.toThrow(/Validator error/);
    await expect(
      t.withIdentity(OWNER).query(api.catalog.get, {
        storeId,
        productId: storeId as unknown as Id<"products">,
      }),
    ).rejects.toThrow(/Validator error/);
  });
});

describe("webhook dedupe", () => {
  test("the same provider event id is stored once per store", async () => {
    const t = makeTest();
    const { storeId } = await seedSmall(t);
    const event = {
      storeId,
      provider: "stripe" as const,
      externalEventId: "evt_retry_me",
      topic: "payment_intent.succeeded",
      payloadJson: "{}",
      receivedAt: 1,
    };
    const results = await t.run(async (ctx) => [
      await recordWebhookEvent(ctx, event),
      await recordWebhookEvent(ctx, { ...event, receivedAt: 2 }),
      await recordWebhookEvent(ctx, { ...event, provider: "shopify" }),
    ]);
    expect(results.map((r) => r.duplicate)).toEqual([false, true, false]);
    expect(results[1].eventId).toBe(results[0].eventId);
    const stored = await t.run(async (ctx) =>
      (await ctx.db.query("webhookEvents").collect()).filter(
        (e) => e.externalEventId === "evt_retry_me",
      ),
    );
    expect(stored).toHaveLength(2);
  });
});

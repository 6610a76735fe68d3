// Discover: the score (each factor moves it the right way, 0–100), the demo simulator
// (deterministic per seed), ingestion (no duplicate trends, one snapshot per trend per run),
// the RapidAPI client against a local fake (errors write nothing), the watchlist's spike alert
// and the feed's bad-filter refusal.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { type ScoreInput, scoreTrend } from "../../convex/model/discover/score";
import { simulateStep } from "../../convex/model/discover/simulate";
import { fetchTrending, searchTrending } from "../../convex/rapidapi";
import { type FakeRapidApi, startFakeRapidApi } from "../fakes/rapidapi";
import { kindOf, makeTest, OWNER, type T } from "./setup";

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 25, 12);

function input(over: Partial<ScoreInput> = {}): ScoreInput {
  const views = [10_000, 10_000, 10_000, 10_000, 10_000, 10_000];
  return {
    snapshots: views.map((v, i) => ({
      takenAt: NOW - (5 - i) * DAY,
      views: v,
      likes: v * 0.08,
      shares: v * 0.005,
    })),
    weekly: [],
    competitorCount: 50,
    estimatedPriceCents: 2_999,
    supplierCostCents: 800,
    shippingCostCents: 400,
    firstSeenAt: NOW - 10 * DAY,
    now: NOW,
    ...over,
  };
}
const growing = (rate: number) =>
  [0, 1, 2, 3, 4, 5].map((i) => {
    const v = Math.round(10_000 * (1 + rate) ** i);
    return { takenAt: NOW - (5 - i) * DAY, views: v, likes: v * 0.08, shares: v * 0.005 };
  });

describe("score", () => {
  test("each factor moves the score the right way", () => {
    const base = scoreTrend(input()).score;
    expect(scoreTrend(input({ snapshots: growing(0.1) })).score).toBeGreaterThan(base);
    expect(scoreTrend(input({ snapshots: growing(-0.1) })).score).toBeLessThan(base);
    const engaged = input().snapshots.map((s) => ({ ...s, likes: s.views * 0.12 }));
    expect(scoreTrend(input({ snapshots: engaged })).score).toBeGreaterThan(base);
    expect(scoreTrend(input({ competitorCount: 180 })).score).toBeLessThan(base);
    expect(scoreTrend(input({ competitorCount: 2 })).score).toBeGreaterThan(base);
    expect(scoreTrend(input({ estimatedPriceCents: 4_999 })).score).toBeGreaterThan(base);
    expect(scoreTrend(input({ supplierCostCents: 1_800 })).score).toBeLessThan(base);
    const weeks = (last: number) => [
      { week: "2026-W45", views: 10_000 },
      { week: "2026-W46", views: 10_000 },
      { week: "2026-W47", views: last },
    ];
    const flatWeeks = scoreTrend(input({ weekly: weeks(10_000) })).score;
    expect(scoreTrend(input({ weekly: weeks(16_000) })).score).toBeGreaterThan(flatWeeks);
    expect(scoreTrend(input({ weekly: weeks(5_000) })).score).toBeLessThan(flatWeeks);
  });

  test("stays within 0–100 at the extremes", () => {
    const best = scoreTrend(
      input({
        snapshots: growing(1),
        competitorCount: 0,
        estimatedPriceCents: 99_999,
        supplierCostCents: 1,
      }),
    );
    const worst = scoreTrend(
      input({ snapshots: growing(-0.9), competitorCount: 10_000, estimatedPriceCents: 100 }),
    );
    expect(best.score).toBeLessThanOrEqual(100);
    expect(best.score).toBeGreaterThan(80);
    expect(worst.score).toBeGreaterThanOrEqual(0);
    expect(worst.score).toBeLessThan(25);
  });

  test("a rising trend outranks a flat one, with label and recommendation from the factors", () => {
    const rising = scoreTrend(input({ snapshots: growing(0.08) }));
    const flat = scoreTrend(input());
    expect(rising.score).toBeGreaterThan(flat.score);
    expect(rising.label).toBe("Rising fast");
    expect(flat.label).toBe("Established");
    expect(rising.recommendation).toBe("import");
    expect(rising.reasons.join(" ")).toMatch(/Rising fast: views \+\d+%/);
    const old = scoreTrend(input({ snapshots: growing(0.08), firstSeenAt: NOW - 90 * DAY }));
    expect(old.label).toBe("Established");
  });

  test("below break-even is a skip that says why; missing history says so", () => {
    const losing = scoreTrend(input({ estimatedPriceCents: 1_000 }));
    expect(losing.recommendation).toBe("skip");
    expect(losing.reasons.join(" ")).toMatch(/Loses money: .*below the break-even/);
    const season = losing.factors.find((f) => f.key === "seasonality");
    expect(season).toMatchObject({
      weight: 0,
      detail: expect.stringMatching(/not enough history/),
    });
    const weights = losing.factors.reduce((sum, f) => sum + f.weight, 0);
    expect(weights).toBeCloseTo(1, 1);
  });
});

describe("demo simulator", () => {
  const current = [
    { externalId: "a", views: 50_000, likes: 4_000, shares: 300 },
    { externalId: "b", views: 20_000, likes: 1_500, shares: 90 },
  ];
  test("is deterministic per seed and step", () => {
    expect(simulateStep(7, 3, current)).toEqual(simulateStep(7, 3, current));
    expect(simulateStep(7, 3, current)).not.toEqual(simulateStep(8, 3, current));
    expect(simulateStep(7, 3, current)).not.toEqual(simulateStep(7, 4, current));
  });
  test("over many steps some trends spike and some fade, and new ones appear", () => {
    let trends = Array.from({ length: 12 }, (_, i) => ({
      externalId: `t${i}`,
      views: 10_000,
      likes: 800,
      shares: 50,
    }));
    let added = 0;
    for (let step = 0; step < 24; step++) {
      const next = simulateStep(1, step, trends);
      trends = next.observations.map((o) => ({ ...o }));
      if (next.added) {
        added += 1;
        trends.push({ ...next.added });
      }
    }
    const start = trends.filter((t) => t.externalId.startsWith("t")).map((t) => t.views);
    expect(Math.max(...start)).toBeGreaterThan(15_000);
    expect(Math.min(...start)).toBeLessThan(9_000);
    expect(added).toBeGreaterThan(0);
  });
});

async function newStore(t: T) {
  const { storeId } = await t
    .withIdentity(OWNER)
    .mutation(api.stores.create, { name: "Trend Shop", currency: "USD", timezone: "UTC" });
  return storeId as Id<"stores">;
}

async function seedTrends(t: T, storeId: Id<"stores">, count: number) {
  await t.run(async (ctx) => {
    for (let i = 0; i < count; i++) {
      const trendId = await ctx.db.insert("trends", {
        storeId,
        source: "tiktok",
        externalId: `tt-${i}`,
        title: `Trend ${i}`,
        category: i % 2 ? "Beauty" : "Pet Supplies",
        score: 50,
        velocity: "established",
        status: "new",
        estimatedPriceCents: 2_499 + i * 500,
        supplierCostCents: 600,
        competitorCount: 10 * i,
        lastSeenAt: NOW - DAY,
      });
      await ctx.db.insert("trendSnapshots", {
        storeId,
        trendId,
        takenAt: NOW - DAY,
        score: 50,
        views: 20_000 + i * 1_000,
        likes: 1_600,
        shares: 100,
      });
    }
  });
}

const counts = (t: T, storeId: Id<"stores">) =>
  t.run(async (ctx) => {
    const trends = await ctx.db
      .query("trends")
      .withIndex("by_store_score", (q) => q.eq("storeId", storeId))
      .collect();
    const snapshots = await ctx.db
      .query("trendSnapshots")
      .filter((q) => q.eq(q.field("storeId"), storeId))
      .collect();
    return { trends, snapshots };
  });

describe("ingestion (demo data)", () => {
  test("two runs: no duplicate trends, one snapshot per trend per run, a rerun of a run adds nothing", async () => {
    const t = makeTest();
    const storeId = await newStore(t);
    await seedTrends(t, storeId, 6);
    const first = await t.action(internal.discover.runStore, { storeId, takenAt: NOW });
    expect(first).toMatchObject({ updated: 6 });
    const again = await t.mutation(internal.discover.applyDemo, { storeId, takenAt: NOW });
    expect(again).toMatchObject({ created: 0, updated: 0 });
    await t.action(internal.discover.runStore, { storeId, takenAt: NOW + 900_000 });
    const { trends, snapshots } = await counts(t, storeId);
    const ids = trends.map((tr) => tr.externalId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const runAt of [NOW, NOW + 900_000]) {
      const inRun = snapshots.filter((s) => s.runId === `${storeId}:${runAt}`);
      expect(new Set(inRun.map((s) => s.trendId)).size).toBe(inRun.length);
      expect(inRun.length).toBe(trends.filter((tr) => tr.firstSeenAt! <= runAt).length);
    }
    for (const trend of trends) {
      expect(trend.demo).toBe(true);
      expect(trend.factors?.length).toBe(5);
      expect(trend.score).toBeGreaterThanOrEqual(0);
      expect(trend.score).toBeLessThanOrEqual(100);
    }
    const settings = await t.run((ctx) => ctx.db.query("discoverSettings").first());
    expect(settings).toMatchObject({ runCount: 2, lastRunAt: NOW + 900_000 });
  });

  test("the cron tick runs only stores whose interval is due", async () => {
    const t = makeTest();
    const storeId = await newStore(t);
    await t.run(async (ctx) => {
      await ctx.db.insert("discoverSettings", {
        storeId,
        intervalMinutes: 15,
        nextRunAt: Date.now() + 3_600_000,
        seed: 1,
        runCount: 0,
      });
    });
    expect(await t.mutation(internal.discover.tick, {})).toBe(0);
    await t.run(async (ctx) => {
      const s = (await ctx.db.query("discoverSettings").first())!;
      await ctx.db.patch(s._id, { nextRunAt: Date.now() - 1 });
    });
    expect(await t.mutation(internal.discover.tick, {})).toBe(1);
    expect(await t.mutation(internal.discover.tick, {})).toBe(0);
  });

  test("the interval is one of the offered ones", async () => {
    const t = makeTest();
    const storeId = await newStore(t);
    const owner = t.withIdentity(OWNER);
    expect(
      await kindOf(owner.mutation(api.discover.saveSettings, { storeId, intervalMinutes: 7 })),
    ).toBe("INVALID");
    await owner.mutation(api.discover.saveSettings, { storeId, intervalMinutes: 15 });
    const s = await t.run((ctx) => ctx.db.query("discoverSettings").first());
    expect(s?.intervalMinutes).toBe(15);
  });
});

describe("feed", () => {
  test("filters, sorts and refuses a minimum above the maximum", async () => {
    const t = makeTest();
    const storeId = await newStore(t);
    await seedTrends(t, storeId, 6);
    await t.action(internal.discover.runStore, { storeId, takenAt: NOW });
    const owner = t.withIdentity(OWNER);
    expect(
      await kindOf(
        owner.query(api.discover.feed, {
          storeId,
          sort: "score",
          minPriceCents: 5_000,
          maxPriceCents: 1_000,
        }),
      ),
    ).toBe("INVALID");
    const beauty = await owner.query(api.discover.feed, {
      storeId,
      sort: "score",
      category: "Beauty",
    });
    expect(beauty.trends.length).toBe(3);
    expect(beauty.trends.every((c) => c.category === "Beauty")).toBe(true);
    const cheap = await owner.query(api.discover.feed, {
      storeId,
      sort: "margin",
      maxPriceCents: 3_500,
    });
    expect(cheap.trends.map((c) => c.estimatedPriceCents)).toEqual([3_499, 2_999, 2_499]);
    const byScore = await owner.query(api.discover.feed, { storeId, sort: "score" });
    const scores = byScore.trends.map((c) => c.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    expect(byScore.demo).toBe(true);
    // Staff see the score but no supplier cost, margin, or words that reveal them.
    const stan = { ...OWNER, subject: "stan", email: "stan@trend.test", name: "Stan" };
    await t.withIdentity(stan).mutation(api.users.ensure, {});
    await t.run(async (ctx) => {
      const user = (await ctx.db.query("users").collect()).find((u) => u.email === stan.email)!;
      await ctx.db.insert("members", { storeId, userId: user._id, role: "staff" });
    });
    const staffFeed = await t
      .withIdentity(stan)
      .query(api.discover.feed, { storeId, sort: "score" });
    expect(
      staffFeed.trends.every((c) => c.supplierCostCents === null && c.marginBps === null),
    ).toBe(true);
    const research = await t
      .withIdentity(stan)
      .query(api.discover.research, { storeId, trendId: staffFeed.trends[0]._id });
    expect(research.reasons.join(" ")).not.toMatch(/margin|break-even/);
    expect(research.factors.find((f) => f.key === "margin")?.detail).toMatch(
      /admins and the owner/,
    );
  });
});

describe("watchlist", () => {
  test("a watched trend whose views jump raises one alert and an audit entry; an unwatched one does not", async () => {
    const t = makeTest();
    const storeId = await newStore(t);
    const video = (id: string, views: number) => ({
      externalId: id,
      title: id,
      category: "Beauty",
      views,
      likes: views / 10,
      shares: views / 100,
    });
    await t.mutation(internal.discover.applyObserved, {
      storeId,
      takenAt: NOW,
      observations: [video("w", 10_000), video("u", 10_000)],
    });
    const { trends } = await counts(t, storeId);
    const watched = trends.find((tr) => tr.externalId === "w")!;
    await t
      .withIdentity(OWNER)
      .mutation(api.discover.setWatch, { storeId, trendId: watched._id, watched: true });
    await t.mutation(internal.discover.applyObserved, {
      storeId,
      takenAt: NOW + 1,
      observations: [video("w", 10_500), video("u", 10_500)],
    });
    expect((await t.run((ctx) => ctx.db.query("trendAlerts").collect())).length).toBe(0);
    await t.mutation(internal.discover.applyObserved, {
      storeId,
      takenAt: NOW + 2,
      observations: [video("w", 20_000), video("u", 20_000)],
    });
    const alerts = await t.run((ctx) => ctx.db.query("trendAlerts").collect());
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({ trendId: watched._id, title: "w" });
    expect(alerts[0].toPct - alerts[0].fromPct).toBeGreaterThanOrEqual(20);
    const audit = await t.run((ctx) => ctx.db.query("auditLog").collect());
    expect(audit.filter((a) => a.action === "trend.spike")).toHaveLength(1);
    const feed = await t.withIdentity(OWNER).query(api.discover.feed, { storeId, sort: "score" });
    expect(feed.alerts).toHaveLength(1);
    expect(feed.trends.find((c) => c._id === watched._id)?.watched).toBe(true);
  });
});

describe("RapidAPI client", () => {
  let fake: FakeRapidApi;
  beforeAll(async () => {
    fake = await startFakeRapidApi();
  });
  afterAll(async () => {
    await fake.close();
  });
  beforeEach(() => {
    fake.requests.length = 0;
    fake.failNext(200, 0);
    fake.videos = [
      {
        video_id: "7301",
        title: "Mini projector #tiktokmademebuyit",
        cover: "https://p16.tiktokcdn.com/a.jpg",
        play_count: 100_000,
        digg_count: 9_000,
        share_count: 700,
      },
      {
        video_id: "7302",
        title: "Ice roller",
        cover: "https://p16.tiktokcdn.com/b.jpg",
        play_count: 40_000,
        digg_count: 2_000,
        share_count: 100,
      },
    ];
    vi.stubEnv("RAPIDAPI_KEY", fake.key);
    vi.stubEnv("RAPIDAPI_BASE_URL", fake.url);
  });
  afterEach(() => {
    vi.unstubAllEnvs();
  });

  test("sends the documented request and maps videos to observations", async () => {
    const config = { key: fake.key, host: fake.host, base: fake.url };
    const found = await searchTrending(
      config,
      { keywords: "tiktok made me buy it", category: "Beauty" },
      10,
    );
    expect(fake.requests[0]).toMatchObject({
      path: "/feed/search",
      key: fake.key,
      host: "tiktok-scraper7.p.rapidapi.com",
      query: { keywords: "tiktok made me buy it", region: "us", count: "10", cursor: "0" },
    });
    expect(found[0]).toMatchObject({
      externalId: "7301",
      title: "Mini projector",
      category: "Beauty",
      views: 100_000,
      likes: 9_000,
      shares: 700,
    });
    await expect(fetchTrending({ ...config, key: "wrong" })).rejects.toThrow(
      /refused the key \(403\)/,
    );
  });

  test("a run ingests; the same videos in every search become one trend each; growth shows in velocity", async () => {
    const t = makeTest();
    const storeId = await newStore(t);
    expect(await t.action(internal.discover.runStore, { storeId, takenAt: NOW })).toMatchObject({
      created: 2,
    });
    fake.videos = fake.videos.map((v) => ({ ...v, play_count: v.play_count * 2 }));
    await t.action(internal.discover.runStore, { storeId, takenAt: NOW + 900_000 });
    const { trends, snapshots } = await counts(t, storeId);
    expect(trends).toHaveLength(2);
    expect(snapshots).toHaveLength(4);
    expect(trends.every((tr) => tr.velocityPct === 100 && tr.demo === false)).toBe(true);
    const feed = await t
      .withIdentity(OWNER)
      .query(api.discover.feed, { storeId, sort: "velocity" });
    expect(feed.demo).toBe(false);
  });

  test.each([429, 500])("a %i answer is a clear error and writes nothing", async (status) => {
    const t = makeTest();
    const storeId = await newStore(t);
    fake.failNext(status);
    const result = await t.action(internal.discover.runStore, { storeId, takenAt: NOW });
    expect(result).toMatchObject({
      error: expect.stringMatching(new RegExp(`${status}.*not changed`)),
    });
    const { trends, snapshots } = await counts(t, storeId);
    expect(trends).toHaveLength(0);
    expect(snapshots).toHaveLength(0);
    const settings = await t.run((ctx) => ctx.db.query("discoverSettings").first());
    expect(settings?.lastRunError).toMatch(String(status));
  });
});

// The offline feed: without RAPIDAPI_KEY, Discover shows the bundled demo trends moving over
// time. Each step walks every trend's views/likes/shares by a seeded random amount: most drift,
// a few spike, a few fade, and now and then a new product appears. Pure and deterministic per
// (seed, step, input), so a run can be replayed and tested.
import { Rng } from "../../seed/random";

export type Observation = {
  externalId: string;
  title: string;
  category: string;
  imageUrl?: string;
  views: number;
  likes: number;
  shares: number;
  estimatedPriceCents?: number;
  supplierCostCents?: number;
  competitorCount?: number;
};

export type Current = { externalId: string; views: number; likes: number; shares: number };

// Products that may appear later in the demo feed.
export const NEW_IDEAS: { title: string; category: string; costCents: number }[] = [
  { title: "Magnetic Phone Mount", category: "Tech Accessories", costCents: 240 },
  { title: "Heatless Curling Rod", category: "Beauty", costCents: 190 },
  { title: "Portable Blender Bottle", category: "Home & Kitchen", costCents: 870 },
  { title: "Lick Mat for Dogs", category: "Pet Supplies", costCents: 160 },
  { title: "Resistance Band Set", category: "Fitness", costCents: 540 },
  { title: "Sunset Lamp", category: "Home & Kitchen", costCents: 720 },
  { title: "Cooling Neck Fan", category: "Outdoor", costCents: 650 },
  { title: "Cat Window Perch", category: "Pet Supplies", costCents: 930 },
];
const NEW_TREND_CHANCE = 0.2;

type Mood = "spike" | "fade" | "drift";

/** A trend keeps its mood for 8 steps, so spikes and declines last long enough to see. */
function moodOf(seed: number, externalId: string, step: number): Mood {
  const rng = new Rng(seed, "mood", externalId, Math.floor(step / 8));
  return rng.weighted([
    ["spike", 2],
    ["fade", 2],
    ["drift", 8],
  ] as const);
}

export const demoExternalId = (title: string) =>
  `demo-${title.toLowerCase().replace(/[^a-z0-9]+/g, "-")}`;

/** The next observation of each current trend, plus maybe one new trend. */
export function simulateStep(
  seed: number,
  step: number,
  current: Current[],
): { observations: Omit<Observation, "title" | "category">[]; added: Observation | null } {
  const sorted = [...current].sort((a, b) => a.externalId.localeCompare(b.externalId));
  const observations = sorted.map((trend) => {
    const rng = new Rng(seed, "walk", trend.externalId, step);
    const mood = moodOf(seed, trend.externalId, step);
    const growth =
      mood === "spike"
        ? 0.1 + rng.float() * 0.2
        : mood === "fade"
          ? -(0.04 + rng.float() * 0.08)
          : -0.01 + rng.float() * 0.04;
    const views = Math.max(100, Math.round(trend.views * (1 + growth)));
    // Likes and shares follow the views with their own small noise.
    const likeRate = trend.views > 0 ? trend.likes / trend.views : 0.08;
    const shareRate = trend.views > 0 ? trend.shares / trend.views : 0.006;
    return {
      externalId: trend.externalId,
      views,
      likes: Math.round(views * Math.max(0.01, likeRate * (0.97 + rng.float() * 0.06))),
      shares: Math.round(views * Math.max(0.001, shareRate * (0.97 + rng.float() * 0.06))),
    };
  });

  const rng = new Rng(seed, "new", step);
  let added: Observation | null = null;
  const present = new Set(current.map((t) => t.externalId));
  const fresh = NEW_IDEAS.filter((idea) => !present.has(demoExternalId(idea.title)));
  if (fresh.length > 0 && rng.float() < NEW_TREND_CHANCE) {
    const idea = fresh[rng.int(0, fresh.length - 1)];
    const views = rng.int(20_000, 60_000);
    added = {
      externalId: demoExternalId(idea.title),
      title: idea.title,
      category: idea.category,
      views,
      likes: Math.round(views * (0.06 + rng.float() * 0.05)),
      shares: Math.round(views * (0.004 + rng.float() * 0.006)),
      supplierCostCents: idea.costCents,
      estimatedPriceCents: Math.ceil((idea.costCents * 2.6) / 100) * 100 - 1,
      competitorCount: rng.int(2, 60),
    };
  }
  return { observations, added };
}

// Demo trend feed: products rising, steady or fading on social, each with two weeks of
// daily snapshots. Products the store imported from TikTok appear as imported trends.
import { DAY_MS } from "../model/dates";
import type {
  AiRecommendation,
  TrendSource,
  TrendStatus,
  TrendVelocity,
} from "../model/validators";
import { Rng } from "./random";
import type { World } from "./world";

export type SeedTrend = {
  productSlug?: string;
  source: TrendSource;
  externalId: string;
  title: string;
  category: string;
  imageUrl: string;
  score: number;
  velocity: TrendVelocity;
  status: TrendStatus;
  estimatedPriceCents: number;
  supplierUrl: string;
  supplierCostCents: number;
  competitorCount: number;
  aiRecommendation: AiRecommendation;
  aiReason: string;
  lastSeenAt: number;
  snapshots: { takenAt: number; score: number; views: number; likes: number; shares: number }[];
};

const IDEAS: { title: string; category: string; costCents: number }[] = [
  { title: "Cloud Slides", category: "Outdoor", costCents: 560 },
  { title: "Mini Waffle Maker", category: "Home & Kitchen", costCents: 990 },
  { title: "Posture Corrector", category: "Fitness", costCents: 430 },
  { title: "Ice Face Roller", category: "Beauty", costCents: 310 },
  { title: "Electric Milk Frother", category: "Home & Kitchen", costCents: 380 },
  { title: "Car Seat Gap Filler", category: "Tech Accessories", costCents: 290 },
  { title: "Galaxy Star Projector", category: "Tech Accessories", costCents: 1240 },
  { title: "Dog Paw Cleaner Cup", category: "Pet Supplies", costCents: 350 },
  { title: "Shower Steamers", category: "Beauty", costCents: 410 },
  { title: "Weighted Hula Hoop", category: "Fitness", costCents: 870 },
];

export const SNAPSHOT_DAYS = 14;

export function buildTrends(world: World): SeedTrend[] {
  const rng = new Rng(world.seed, "trends");
  const imported = world.products
    .filter((p) => p.importSource === "tiktok")
    .map((p) => ({
      title: p.title,
      category: p.category,
      costCents: p.supplierCostCents,
      productSlug: p.slug,
    }));
  const ideas = [...imported, ...IDEAS.map((idea) => ({ ...idea, productSlug: undefined }))];

  return ideas.map((idea, index) => {
    const velocity: TrendVelocity = idea.productSlug
      ? "established"
      : rng.weighted([
          ["rising", 5],
          ["established", 3],
          ["declining", 2],
        ] as const);
    const slope =
      velocity === "rising" ? rng.int(3, 6) : velocity === "declining" ? -rng.int(2, 5) : 0;
    const base = velocity === "rising" ? rng.int(20, 40) : rng.int(55, 80);
    const snapshots = Array.from({ length: SNAPSHOT_DAYS }, (_, day) => {
      const score = Math.max(1, Math.min(100, base + slope * day + rng.int(-3, 3)));
      const views = score * rng.int(8_000, 14_000);
      return {
        takenAt: world.now - (SNAPSHOT_DAYS - 1 - day) * DAY_MS,
        score,
        views,
        likes: Math.round(views * (0.06 + rng.float() * 0.04)),
        shares: Math.round(views * (0.004 + rng.float() * 0.004)),
      };
    });
    const score = snapshots[snapshots.length - 1].score;
    const competitorCount = rng.int(3, 180);
    const recommendation: AiRecommendation =
      velocity === "declining" || competitorCount > 140
        ? "skip"
        : velocity === "rising"
          ? "import"
          : "watch";
    const status: TrendStatus = idea.productSlug
      ? "imported"
      : rng.weighted([
          ["new", 6],
          ["watching", 3],
          ["dismissed", 1],
        ] as const);
    const slug = idea.title.toLowerCase().replace(/[^a-z0-9]+/g, "-");
    return {
      productSlug: idea.productSlug,
      source: "tiktok",
      externalId: `tt-${rng.digits(19)}`,
      title: idea.title,
      category: idea.category,
      imageUrl: `/demo/trends/${slug}.svg`,
      score,
      velocity,
      status,
      estimatedPriceCents: Math.ceil((idea.costCents * 2.6) / 100) * 100 - 1,
      supplierUrl: `https://www.aliexpress.com/item/${rng.digits(16)}.html`,
      supplierCostCents: idea.costCents,
      competitorCount,
      aiRecommendation: recommendation,
      aiReason:
        recommendation === "import"
          ? `Views up ${slope * (SNAPSHOT_DAYS - 1)} points in two weeks with only ${competitorCount} stores selling it.`
          : recommendation === "skip"
            ? `Interest is ${velocity === "declining" ? "fading" : "high but crowded"}: ${competitorCount} stores already sell it.`
            : "Steady demand; watch for a price drop from suppliers before importing.",
      lastSeenAt: world.now - (index % 3) * 3_600_000,
      snapshots,
    };
  });
}

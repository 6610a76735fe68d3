// Builds the demo catalogue from the category specs: variants, prices from supplier cost and
// a target margin, stock, status, and each product's popularity for the order generator.
import {
  fromPriceCents,
  marginBps,
  slugify,
  suggestPriceCents,
  totalStock,
} from "../model/catalog";
import type {
  AiRecommendation,
  ImportSource,
  ProductStatus,
  ProductVariant,
} from "../model/validators";
import { CATEGORIES, demoImagePath, type ProductSpec } from "./catalogData";
import { Rng } from "./random";

export type SeedProduct = {
  slug: string;
  title: string;
  description: string;
  category: string;
  tags: string[];
  images: { url: string; alt: string }[];
  variants: ProductVariant[];
  priceCents: number;
  compareAtCents?: number;
  stock: number;
  status: ProductStatus;
  position: number;
  importSource: ImportSource;
  supplierUrl?: string;
  supplierCostCents: number;
  marginBps?: number;
  aiRecommendation: AiRecommendation;
  seo: { title: string; description: string };
  // Relative demand; not stored, drives which products orders contain.
  popularity: number;
};

const EXTRA_TAGS = ["bestseller", "gift idea", "eco", "trending", "new"];

function variantCombos(options: Record<string, string[]> | undefined): Record<string, string>[] {
  if (!options) return [{}];
  let combos: Record<string, string>[] = [{}];
  for (const [name, values] of Object.entries(options)) {
    combos = combos.flatMap((combo) => values.map((value) => ({ ...combo, [name]: value })));
  }
  return combos;
}

function buildVariants(
  rng: Rng,
  spec: ProductSpec,
  slug: string,
  priceCents: number,
  compareAtCents: number | undefined,
): ProductVariant[] {
  const combos = variantCombos(spec.options);
  return combos.map((options, index) => {
    const values = Object.values(options);
    // Later sizes cost more to make, so they sell for a little more.
    const premium = spec.options?.size ? spec.options.size.indexOf(options.size) * 500 : 0;
    return {
      sku: `${slug.slice(0, 12).toUpperCase()}-${String(index + 1).padStart(2, "0")}`,
      title: values.length > 0 ? values.join(" / ") : "Default",
      options,
      priceCents: priceCents + premium,
      compareAtCents: compareAtCents === undefined ? undefined : compareAtCents + premium,
      // Roughly one in twelve variants is sold out, which the storefront must handle.
      stock: rng.chance(0.08) ? 0 : rng.int(4, 140),
      imageUrl: variantImageUrl(spec, slug, options.color),
    };
  });
}

// A colour variant shows itself in that colour; the first colour is the main picture, and a
// variant without a colour (size, pack) shares the main picture.
function variantImageUrl(spec: ProductSpec, slug: string, colour: string | undefined): string {
  const first = spec.options?.color?.[0];
  return demoImagePath(slug, colour === undefined || colour === first ? undefined : colour);
}

// Main picture, its close-up, then one picture per further colour, so a gallery shows them all.
function productImages(spec: ProductSpec, slug: string): { url: string; alt: string }[] {
  const colours = spec.options?.color ?? [];
  const main = colours.length > 0 ? `${spec.title} in ${colours[0]}` : spec.title;
  return [
    { url: demoImagePath(slug), alt: main },
    { url: demoImagePath(slug, undefined, true), alt: `${main}, detail` },
    ...colours.slice(1).map((colour) => ({
      url: demoImagePath(slug, colour),
      alt: `${spec.title} in ${colour}`,
    })),
  ];
}

function supplierFor(rng: Rng, source: ImportSource, slug: string): string | undefined {
  if (source === "cj") return `https://cjdropshipping.com/product/${slug}-p-${rng.digits(10)}.html`;
  if (source === "manual") return undefined;
  return `https://www.aliexpress.com/item/${rng.digits(16)}.html`;
}

function describe(spec: ProductSpec, category: string): string {
  return `${spec.blurb} Designed for everyday use and checked by our team before it ships. Part of our ${category.toLowerCase()} collection — free returns within 30 days.`;
}

export function buildProducts(seed: number): SeedProduct[] {
  const rng = new Rng(seed, "products");
  const products: SeedProduct[] = [];
  for (const category of CATEGORIES) {
    for (const spec of category.products) {
      const slug = slugify(spec.title);
      const importSource = rng.weighted<ImportSource>([
        ["aliexpress", 45],
        ["cj", 30],
        ["tiktok", 15],
        ["manual", 10],
      ]);
      const priceCents = suggestPriceCents(spec.costCents, rng.int(5_500, 7_200));
      const compareAtCents = rng.chance(0.3)
        ? suggestPriceCents(Math.round(priceCents * 1.3), 0)
        : undefined;
      const variants = buildVariants(rng, spec, slug, priceCents, compareAtCents);
      const fromPrice = fromPriceCents(variants);
      const margin = marginBps(fromPrice, spec.costCents);
      products.push({
        slug,
        title: spec.title,
        description: describe(spec, category.name),
        category: category.name,
        tags: [...category.tags, ...rng.sample(EXTRA_TAGS, rng.int(0, 2))],
        images: productImages(spec, slug),
        variants,
        priceCents: fromPrice,
        compareAtCents,
        stock: totalStock(variants),
        status: "active",
        position: 0,
        importSource,
        supplierUrl: supplierFor(rng, importSource, slug),
        supplierCostCents: spec.costCents,
        marginBps: margin,
        aiRecommendation: margin !== undefined && margin >= 6_000 ? "import" : "watch",
        seo: {
          title: `${spec.title} | Northwind Goods`,
          description: spec.blurb,
        },
        // Heavy-tailed: a few hits, many steady sellers.
        popularity: Math.exp(rng.normal() * 0.8),
      });
    }
  }
  // A realistic catalogue is not all live: some drafts in progress, a couple retired.
  const shuffled = rng.sample(
    products.map((_, index) => index),
    products.length,
  );
  for (const index of shuffled.slice(0, 4)) products[index].status = "draft";
  for (const index of shuffled.slice(4, 6)) {
    products[index].status = "archived";
    products[index].aiRecommendation = "skip";
  }
  // Gaps of 1 000 leave room to drop a card between two others without renumbering.
  products.forEach((product, index) => {
    product.position = (index + 1) * 1_000;
  });
  return products;
}

/** Active products, best sellers first. */
export function bestSellers(world: { products: SeedProduct[] }): SeedProduct[] {
  return world.products
    .filter((p) => p.status === "active")
    .sort((a, b) => b.popularity - a.popularity);
}

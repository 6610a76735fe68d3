// A supplier page's product → the catalog editor's input for a DRAFT product, priced with the
// store's pricing rules. Pure: the writer (model/products.ts) still checks everything.
import { invalid } from "../errors";
import { slugify } from "../catalog";
import { shippingCostFor, type Suggestion, suggestPrice } from "../pricing";
import { LIMITS, MAX_STOCK, type ProductInput } from "../productRules";
import type { ParsedProduct } from "./page";
import type { Supplier } from "./urls";

export type StoreForImport = {
  currency: string;
  settings: { flatShippingCents: number; shippingCostCents?: number; targetMarginBps: number };
};

export type ImportPricing = {
  supplierCostCents: number;
  suggestedCents: number;
  floorCents: number;
  steps: Suggestion["steps"];
};

const clip = (text: string, max: number) =>
  text.length <= max ? text : `${text.slice(0, max - 1).trimEnd()}…`;

/** A SKU of ours that names the supplier's variant, unique within the product. */
function skuFor(supplier: Supplier, supplierSku: string, taken: Set<string>): string {
  const prefix = supplier === "aliexpress" ? "AE" : "CJ";
  const base = clip(`${prefix}-${supplierSku.replace(/[^A-Za-z0-9._-]+/g, "-")}`, LIMITS.sku - 4);
  let sku = base;
  for (let n = 2; taken.has(sku.toUpperCase()); n++) sku = `${base}-${n}`;
  taken.add(sku.toUpperCase());
  return sku;
}

/** A long title's slug, cut at a word boundary. */
function slugWithin(slug: string, max: number): string {
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max + 1);
  const lastDash = cut.lastIndexOf("-");
  return (lastDash > 0 ? cut.slice(0, lastDash) : slug.slice(0, max)).replace(/-+$/, "");
}

export function suggestionFor(store: StoreForImport, costCents: number): Suggestion {
  const shipping = shippingCostFor(store);
  return suggestPrice({
    costs: { supplierCostCents: costCents, shippingCostCents: shipping.cents },
    shippingSource: shipping.source,
    targetMarginBps: store.settings.targetMarginBps,
    competitor: null,
  });
}

export function buildDraft(
  parsed: ParsedProduct,
  source: { supplier: Supplier; url: string },
  store: StoreForImport,
): { input: ProductInput; pricing: ImportPricing; variantNote: string } {
  if (parsed.currency.toUpperCase() !== store.currency.toUpperCase()) {
    throw invalid(
      `The supplier page shows prices in ${parsed.currency.toUpperCase()} but your store sells in ${store.currency.toUpperCase()}. Switch the supplier site to ${store.currency.toUpperCase()} and copy the address again.`,
    );
  }
  const images = parsed.images.slice(0, LIMITS.images);
  // A variant's picture must be one of the product's images: add it while there is room.
  for (const variant of parsed.variants) {
    if (variant.imageUrl !== undefined && !images.includes(variant.imageUrl)) {
      if (images.length < LIMITS.images) images.push(variant.imageUrl);
    }
  }
  const title = clip(parsed.title, LIMITS.title);
  const prices = new Map<number, Suggestion>();
  const priceOf = (cost: number) => {
    if (!prices.has(cost)) prices.set(cost, suggestionFor(store, cost));
    return prices.get(cost)!;
  };
  const taken = new Set<string>();
  const variants = parsed.variants.slice(0, LIMITS.variants).map((variant) => {
    const options: Record<string, string> = {};
    for (const [name, value] of Object.entries(variant.options)) {
      options[clip(name, LIMITS.optionName)] = clip(value, LIMITS.optionValue);
    }
    return {
      sku: skuFor(source.supplier, variant.supplierSku, taken),
      title: clip(variant.name, LIMITS.title),
      options,
      priceCents: priceOf(variant.costCents).suggestedCents,
      stock: Math.min(Math.max(0, Math.floor(variant.stock ?? 0)), MAX_STOCK),
      imageUrl:
        variant.imageUrl !== undefined && images.includes(variant.imageUrl)
          ? variant.imageUrl
          : undefined,
    };
  });
  const cheapest = priceOf(parsed.supplierPriceCents);
  const costs = [...new Set(parsed.variants.map((variant) => variant.costCents))].sort(
    (a, b) => a - b,
  );
  const variantNote =
    costs.length > 1
      ? `That is the cheapest variant; each of the ${costs.length} cost levels is priced the same way.`
      : "";
  const dropped = parsed.variants.length - variants.length;
  return {
    input: {
      title,
      slug: slugWithin(slugify(title), LIMITS.slug),
      description: clip(parsed.description, LIMITS.description),
      status: "draft",
      category: clip(parsed.category?.trim() || "Imported", LIMITS.category),
      tags: [source.supplier === "aliexpress" ? "AliExpress" : "CJ", "imported"],
      images: images.map((url) => ({ url, alt: clip(title, LIMITS.alt) })),
      variants,
      supplierUrl: source.url,
      supplierCostCents: parsed.supplierPriceCents,
    },
    pricing: {
      supplierCostCents: parsed.supplierPriceCents,
      suggestedCents: cheapest.suggestedCents,
      floorCents: cheapest.floorCents,
      steps: cheapest.steps,
    },
    variantNote:
      dropped > 0
        ? `${variantNote} Only the first ${LIMITS.variants} of ${parsed.variants.length} variants were kept.`.trim()
        : variantNote,
  };
}

/** The slug, or the slug with -2, -3… when another product has it. */
export async function freeSlug(
  slug: string,
  isTaken: (candidate: string) => Promise<boolean>,
): Promise<string> {
  const base = slug === "" ? "imported-product" : slug.slice(0, LIMITS.slug - 4);
  if (!(await isTaken(base))) return base;
  for (let n = 2; n < 1000; n++) {
    const candidate = `${base}-${n}`;
    if (!(await isTaken(candidate))) return candidate;
  }
  throw invalid("Too many products share this title's address. Rename one and import again.");
}

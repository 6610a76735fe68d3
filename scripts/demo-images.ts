/**
 * Product pictures for the seeded demo store, drawn per product kind (scripts/demo-images/):
 * a spice rack looks like a spice rack, and a colour variant is drawn in its colour. The seed
 * writes the urls (convex/seed/catalogData.ts demoImagePath); the app server answers them here:
 *   /demo/products/<slug>.svg             the product (in its first colour, if it has colours)
 *   /demo/products/<slug>--<colour>.svg    the product in that colour
 *   …-detail.svg                           a close-up of either
 * Deterministic and small, so nothing is stored: the same url always draws the same picture.
 */
import {
  CATEGORIES,
  colourKey,
  type DemoKind,
  type ProductSpec,
} from "../convex/seed/catalogData.js";
import { slugify } from "../convex/model/catalog.js";
import { BEAUTY } from "./demo-images/beauty.js";
import type { Drawing } from "./demo-images/drawing.js";
import { FITNESS } from "./demo-images/fitness.js";
import { HOME } from "./demo-images/home.js";
import { COLOUR_HEX, paint } from "./demo-images/paint.js";
import { OUTDOOR } from "./demo-images/outdoor.js";
import { PETS } from "./demo-images/pets.js";
import { TECH } from "./demo-images/tech.js";

/** One drawing per product kind (tests/convex/seedImages.test.ts checks every kind has one). */
export const DRAWINGS: Record<DemoKind, Drawing> = {
  ...HOME,
  ...FITNESS,
  ...BEAUTY,
  ...PETS,
  ...TECH,
  ...OUTDOOR,
} as Record<DemoKind, Drawing>;

// A plain parcel for slugs that are not demo products (a product renamed after seeding).
const PARCEL: Drawing = {
  colour: "#c9a272",
  draw: (p) =>
    `<ellipse cx="200" cy="322" rx="120" ry="13" fill="#000" opacity=".1"/><path d="M110 160 200 120 290 160V280L200 320 110 280Z" fill="${p.base}"/><path d="M200 200V320L290 280V160Z" fill="${p.dark}"/><path d="M110 160 200 200 290 160" fill="none" stroke="${p.light}" stroke-width="4"/><path d="M155 140 245 180V212" fill="none" stroke="${p.light}" stroke-width="14"/>`,
};

// Each category has its own backdrop, so a shelf of products reads as one shop.
const BACKDROPS: Record<string, [string, string]> = {
  "Home & Kitchen": ["#f7f1e8", "#eadcc9"],
  Fitness: ["#eef4f8", "#d3e3ee"],
  Beauty: ["#fbf0f1", "#efd9de"],
  "Pet Supplies": ["#f1f6ea", "#dce9cf"],
  "Tech Accessories": ["#f0f2f5", "#d8dee6"],
  Outdoor: ["#edf5f0", "#d2e5d9"],
};

type DemoProduct = { spec: ProductSpec; category: string };

const BY_SLUG = new Map<string, DemoProduct>(
  CATEGORIES.flatMap((category) =>
    category.products.map((spec) => [slugify(spec.title), { spec, category: category.name }]),
  ),
);

/** The drawing a demo product slug gets, or undefined for a slug outside the catalogue. */
export function drawingFor(slug: string): Drawing | undefined {
  const product = BY_SLUG.get(slug);
  return product && DRAWINGS[product.spec.kind];
}

/** A colour option value → its hex, or undefined for a name the palette does not know. */
export function colourHex(colour: string): string | undefined {
  return COLOUR_HEX[colourKey(colour)];
}

/**
 * The SVG for a demo product, optionally in one of its colours; null when the colour is not
 * one of that product's colours (a wrong url is a 404, not a wrong picture).
 */
export function demoProductSvg(slug: string, detail: boolean, colour?: string): string | null {
  const product = BY_SLUG.get(slug);
  const drawing = product ? DRAWINGS[product.spec.kind] : PARCEL;
  const colours = product?.spec.options?.color ?? [];
  let hex = drawing.colour;
  if (colour !== undefined) {
    const name = colours.find((c) => colourKey(c) === colour);
    if (!name || !colourHex(name)) return null;
    hex = colourHex(name)!;
  } else if (colours.length > 0) {
    hex = colourHex(colours[0]) ?? hex;
  }
  const [bg1, bg2] = drawing.sky ?? BACKDROPS[product?.category ?? ""] ?? ["#f3f1ee", "#e2ddd6"];
  const [fx, fy] = drawing.focus ?? [200, 200];
  // The close-up brings the focus point to the middle of the frame; the main view fills it a little more.
  const zoom = detail
    ? ` transform="translate(${200 - fx * 1.6} ${200 - fy * 1.6}) scale(1.6)"`
    : ' transform="translate(-24 -30) scale(1.12)"';
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 400 400" width="800" height="800">` +
    `<defs><linearGradient id="bg" x1="0" y1="0" x2="1" y2="1"><stop offset="0" stop-color="${bg1}"/><stop offset="1" stop-color="${bg2}"/></linearGradient></defs>` +
    `<rect width="400" height="400" fill="url(#bg)"/><g${zoom}>${drawing.draw(paint(hex))}</g></svg>`
  );
}

/** A /demo/products/… url (see the top of this file) → its SVG, else null. */
export function demoImageFor(path: string): string | null {
  const m = path.match(/^\/demo\/products\/([a-z0-9-]{1,160})\.svg$/);
  if (!m) return null;
  const detail = m[1].endsWith("-detail");
  const name = detail ? m[1].slice(0, -7) : m[1];
  const [slug, colour, extra] = name.split("--");
  if (!slug || extra !== undefined || colour === "") return null;
  return demoProductSvg(slug, detail, colour);
}

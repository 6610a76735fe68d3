// Demo product pictures: each product is drawn as what it is, each colour variant in its
// colour, and the seed's image urls are exactly the ones the app server can draw.
import { describe, expect, test } from "vitest";
import { CATEGORIES, colourKey, demoImagePath } from "../../convex/seed/catalogData";
import { buildProducts } from "../../convex/seed/products";
import {
  colourHex,
  DRAWINGS,
  demoImageFor,
  demoProductSvg,
  drawingFor,
} from "../../scripts/demo-images";
import { paint } from "../../scripts/demo-images/paint";
import { makeTest, seedSmall } from "./setup";

const products = buildProducts(42);
const specs = CATEGORIES.flatMap((c) => c.products);
const kindOfSlug = new Map(products.map((p, i) => [p.slug, specs[i].kind]));

function svgAt(url: string): string {
  const svg = demoImageFor(url);
  if (svg === null) throw new Error(`the app server has no picture for ${url}`);
  return svg;
}

describe("drawings per product kind", () => {
  test("every demo product's kind has a drawing made for it (no fallback parcel)", () => {
    const fallback = demoProductSvg("not-a-demo-product", false);
    for (const [index, p] of products.entries()) {
      expect(specs[index].title).toBe(p.title);
      const drawing = drawingFor(p.slug);
      expect(drawing, p.title).toBeDefined();
      expect(drawing).toBe(DRAWINGS[specs[index].kind]);
      expect(svgAt(`/demo/products/${p.slug}.svg`)).not.toBe(fallback);
    }
    // No drawing left over for a kind the catalogue no longer has.
    expect(new Set(Object.keys(DRAWINGS))).toEqual(new Set(specs.map((s) => s.kind)));
  });

  test("no two kinds share a drawing, and products of different kinds never share an SVG", () => {
    const sameInk = paint("#7a8b9c");
    const bodies = Object.values(DRAWINGS).map((d) => d.draw(sameInk));
    expect(new Set(bodies).size).toBe(bodies.length);

    const kindsBySvg = new Map<string, Set<string>>();
    for (const p of products) {
      for (const image of p.images) {
        const svg = svgAt(image.url);
        const kinds = kindsBySvg.get(svg) ?? new Set();
        kinds.add(kindOfSlug.get(p.slug)!);
        kindsBySvg.set(svg, kinds);
      }
    }
    for (const kinds of kindsBySvg.values()) expect([...kinds]).toHaveLength(1);
  });

  test("pictures are deterministic, small, complete SVGs, and the close-up differs", () => {
    for (const p of products) {
      for (const image of p.images) {
        const svg = svgAt(image.url);
        expect(svgAt(image.url)).toBe(svg);
        expect(svg.startsWith("<svg xmlns=")).toBe(true);
        expect(svg.endsWith("</svg>")).toBe(true);
        expect(svg).not.toMatch(/undefined|NaN|null/);
        expect(svg.length).toBeLessThan(8_000);
        // Every element opened is closed (self-closing or paired).
        const opened = svg.match(/<[a-zA-Z][^>]*[^/]>/g)?.length ?? 0;
        const closed = svg.match(/<\/[a-zA-Z]+>/g)?.length ?? 0;
        expect(opened, image.url).toBe(closed);
      }
      expect(svgAt(`/demo/products/${p.slug}-detail.svg`)).not.toBe(
        svgAt(`/demo/products/${p.slug}.svg`),
      );
    }
  });
});

describe("variant pictures", () => {
  const withColour = products.flatMap((p) =>
    p.variants.filter((v) => v.options.color !== undefined).map((v) => ({ p, v })),
  );

  test("the catalogue has colour variants, and every colour name has a real colour", () => {
    expect(withColour.length).toBeGreaterThan(10);
    for (const { v } of withColour)
      expect(colourHex(v.options.color), v.options.color).toMatch(/^#[0-9a-f]{6}$/);
  });

  test("every colour variant's picture is drawn in that colour and no other of its colours", () => {
    for (const { p, v } of withColour) {
      expect(v.imageUrl, v.sku).toBeDefined();
      const svg = svgAt(v.imageUrl!);
      expect(svg, `${p.title} ${v.title}`).toContain(colourHex(v.options.color)!);
      for (const other of specs.find((s) => s.title === p.title)!.options!.color!) {
        if (other !== v.options.color) expect(svg).not.toContain(colourHex(other)!);
      }
    }
  });

  test("each colour of a product has its own picture; sizes of one colour share it", () => {
    for (const p of products) {
      const byColour = new Map<string, Set<string>>();
      for (const v of p.variants) {
        const urls = byColour.get(v.options.color ?? "") ?? new Set();
        urls.add(v.imageUrl!);
        byColour.set(v.options.color ?? "", urls);
      }
      for (const urls of byColour.values()) expect(urls.size).toBe(1);
      const pictures = [...byColour.values()].map((urls) => svgAt([...urls][0]));
      expect(new Set(pictures).size).toBe(byColour.size);
    }
  });

  test("every variant's picture is in its product's gallery, which has no duplicates", () => {
    for (const p of products) {
      const urls = p.images.map((i) => i.url);
      expect(new Set(urls).size).toBe(urls.length);
      expect(urls[0]).toBe(demoImagePath(p.slug));
      for (const v of p.variants) expect(urls).toContain(v.imageUrl);
      for (const i of p.images) expect(i.alt.length).toBeGreaterThan(0);
    }
  });

  test("a product without colours shows its main picture for every variant", () => {
    const sized = products.find((p) => p.slug === "calming-donut-bed")!;
    expect(sized.variants.length).toBe(3);
    for (const v of sized.variants) expect(v.imageUrl).toBe("/demo/products/calming-donut-bed.svg");
  });
});

describe("picture urls", () => {
  test("urls the seed never writes are 404s, not some other picture", () => {
    expect(demoImageFor("/demo/products/linen-apron--sage.svg")).not.toBeNull();
    expect(demoImageFor("/demo/products/linen-apron--sage-detail.svg")).not.toBeNull();
    for (const bad of [
      "/demo/products/linen-apron--navy.svg", // not one of the apron's colours
      "/demo/products/magnetic-spice-rack--sage.svg", // the rack has no colours
      "/demo/products/linen-apron--sage--sand.svg",
      "/demo/products/linen-apron--.svg",
      "/demo/products/Linen-Apron.svg",
      "/demo/products/linen-apron.png",
      "/demo/products/../secret.svg",
    ]) {
      expect(demoImageFor(bad), bad).toBeNull();
    }
  });

  test("colour keys in urls are the colour names, lower-cased", () => {
    expect(colourKey("Sage")).toBe("sage");
    expect(colourKey("Rose Gold")).toBe("rose-gold");
    expect(demoImagePath("linen-apron", "Sand")).toBe("/demo/products/linen-apron--sand.svg");
    expect(demoImagePath("linen-apron", undefined, true)).toBe(
      "/demo/products/linen-apron-detail.svg",
    );
  });
});

test("the seeded store's variants carry their pictures into the database", async () => {
  const t = makeTest();
  await seedSmall(t);
  const rows = await t.run((ctx) => ctx.db.query("products").collect());
  expect(rows.length).toBe(products.length);
  for (const row of rows) {
    const urls = row.images.map((i) => i.url);
    for (const v of row.variants) {
      expect(v.imageUrl, v.sku).toBeDefined();
      expect(urls).toContain(v.imageUrl);
      if (v.options.color) expect(svgAt(v.imageUrl!)).toContain(colourHex(v.options.color)!);
    }
  }
});

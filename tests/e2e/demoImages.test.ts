// The seeded store's pictures as a shopper's browser gets them: every variant picture url the
// database holds is answered by the app server as an SVG, drawn in the variant's colour, and
// Chromium decodes it as an 800×800 image.
import { ConvexHttpClient } from "convex/browser";
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { colourHex } from "../../scripts/demo-images";
import { productForFile } from "./harness";

const { product, browser } = productForFile();
// The seeded demo store's slug (its storefront is /s/demo/).
const DEMO_STORE = "demo";

async function seededProducts() {
  const client = new ConvexHttpClient(product.backendUrl);
  const result = await client.query(api.storefront.products, {
    slug: DEMO_STORE,
    paginationOpts: { numItems: 200, cursor: null },
  });
  expect(result.page.length).toBeGreaterThan(20);
  return result.page;
}

describe("demo product pictures", () => {
  it("serves every variant's picture as an SVG in the variant's colour", async () => {
    const products = await seededProducts();
    const coloured = products.flatMap((p) => p.variants.filter((v) => v.options.color));
    expect(coloured.length).toBeGreaterThan(5);
    for (const p of products) {
      const urls = new Set([...p.images.map((i) => i.url), ...p.variants.map((v) => v.imageUrl)]);
      for (const url of urls) {
        expect(url, `${p.title} has a variant without a picture`).toBeDefined();
        const res = await fetch(new URL(url!, product.origin));
        expect(res.status, url).toBe(200);
        expect(res.headers.get("content-type")).toBe("image/svg+xml");
        await res.arrayBuffer();
      }
      for (const v of p.variants.filter((v) => v.options.color)) {
        const svg = await (await fetch(new URL(v.imageUrl!, product.origin))).text();
        expect(svg, `${p.title} ${v.title}`).toContain(colourHex(v.options.color)!);
      }
    }
    const missing = await fetch(new URL("/demo/products/linen-apron--navy.svg", product.origin));
    expect(missing.status).toBe(404);
  });

  it("every picture decodes in Chromium at 800×800", async () => {
    const products = await seededProducts();
    const urls = [...new Set(products.flatMap((p) => p.images.map((i) => i.url)))];
    const page = await browser.newPage();
    await page.goto(new URL("/demo/products/linen-apron.svg", product.origin).href);
    const sizes = await page.evaluate(async (list) => {
      return await Promise.all(
        list.map(
          (src) =>
            new Promise<string>((done) => {
              const img = new Image();
              img.onload = () => done(`${img.naturalWidth}x${img.naturalHeight}`);
              img.onerror = () => done(`error ${src}`);
              img.src = src;
            }),
        ),
      );
    }, urls);
    expect(sizes).toEqual(urls.map(() => "800x800"));
    await page.close();
  });
});

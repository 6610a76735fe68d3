/**
 * Renders every demo product picture (main, close-up, each colour) on one page and screenshots
 * it, to look at the drawings together: `npx tsx scripts/demo-images/contact-sheet.ts out.png`.
 */
import { chromium } from "playwright-core";
import { findChrome } from "../../tests/e2e/findChrome.js";
import { slugify } from "../../convex/model/catalog.js";
import { CATEGORIES, demoImagePath } from "../../convex/seed/catalogData.js";
import { demoImageFor } from "../demo-images.js";

function img(path: string, label: string): string {
  const svg = demoImageFor(path);
  if (!svg) throw new Error(`no picture for ${path}`);
  const src = `data:image/svg+xml;base64,${Buffer.from(svg).toString("base64")}`;
  const kb = (svg.length / 1024).toFixed(1);
  return `<figure><img src="${src}" width="150" height="150"><figcaption>${label} · ${kb} kB</figcaption></figure>`;
}

export function contactSheetHtml(): string {
  const rows = CATEGORIES.flatMap((category) =>
    category.products.map((spec) => {
      const slug = slugify(spec.title);
      const colours = spec.options?.color ?? [];
      const cells = [
        img(demoImagePath(slug), colours[0] ?? "main"),
        img(demoImagePath(slug, undefined, true), "detail"),
        ...colours.slice(1).map((c) => img(demoImagePath(slug, c), c)),
      ];
      return `<section><h2>${spec.title}</h2><div>${cells.join("")}</div></section>`;
    }),
  );
  return `<!doctype html><meta charset="utf-8"><style>
body{font:12px system-ui,sans-serif;margin:16px;background:#fff;display:grid;grid-template-columns:repeat(4,1fr);gap:12px}
section{border:1px solid #e5e5e5;border-radius:8px;padding:8px}h2{font-size:13px;margin:0 0 6px}
section div{display:flex;gap:6px;flex-wrap:wrap}figure{margin:0}img{display:block;border-radius:6px}figcaption{color:#666}
</style>${rows.join("")}`;
}

async function main(out: string): Promise<void> {
  const browser = await chromium.launch({ executablePath: findChrome() });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.setContent(contactSheetHtml());
    await page.screenshot({ path: out, fullPage: true });
  } finally {
    await browser.close();
  }
}

const out = process.argv[2];
if (out) await main(out);

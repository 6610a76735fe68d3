import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { launchBrowser, parseMoney, type RunningProduct, startProduct } from "./harness";

let product: RunningProduct;
let browser: Browser;

beforeAll(async () => {
  product = await startProduct();
  browser = await launchBrowser();
});

afterAll(async () => {
  await browser?.close();
  await product?.stop();
});

describe("storefront", () => {
  it("lists the seeded products on the home page and opens a product page", async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await page.goto(product.storefrontUrl);
    const cards = page.getByTestId("product-card");
    await cards.first().waitFor({ timeout: 30_000 });
    expect(await cards.count()).toBeGreaterThanOrEqual(4);

    const storeName = (await page.locator("h1").first().textContent())?.trim();
    expect(storeName).toBeTruthy();
    await expect.poll(() => page.title()).toBe(storeName);

    const first = cards.first();
    const title = (await first.locator("h3").textContent())?.trim() ?? "";
    expect(title.length).toBeGreaterThan(0);
    await first.locator("a").click();

    await page.waitForURL(/\/p\/[^/]+$/);
    await page.getByTestId("product-page").waitFor();
    expect((await page.locator("h1").textContent())?.trim()).toBe(title);
    expect(
      parseMoney((await page.getByTestId("product-price").textContent()) ?? ""),
    ).toBeGreaterThan(0);
    const add = page.getByRole("button", { name: "Add to cart" });
    expect(await add.isDisabled()).toBe(true);
    expect(await page.getByText("Checkout comes in a later release").isVisible()).toBe(true);
    await expect.poll(() => page.title()).toContain(title);
    expect(errors).toEqual([]);
    await page.close();
  });

  it("serves each product page with its own <title> and description for crawlers", async () => {
    const home = await fetch(product.storefrontUrl);
    expect(home.status).toBe(200);
    const page = await browser.newPage();
    await page.goto(product.storefrontUrl);
    const href = await page.getByTestId("product-card").first().locator("a").getAttribute("href");
    const title = (
      await page.getByTestId("product-card").first().locator("h3").textContent()
    )?.trim();
    await page.close();

    const res = await fetch(new URL(href!, product.origin));
    expect(res.status).toBe(200);
    const html = await res.text();
    const escaped = title!.replace(/&/g, "&#38;").replace(/'/g, "&#39;").replace(/"/g, "&#34;");
    expect(html).toMatch(new RegExp(`<title>${escapeRe(escaped)}\\b[^<]*</title>`));
    expect(html).not.toContain("<title>Store</title>");
    expect(html).toMatch(/<meta name="description" content="[^"]{10,}"/);
    expect(html).toContain('"@type":"Product"');

    const missing = await fetch(new URL("/p/no-such-product-anywhere", product.origin));
    expect(missing.status).toBe(404);
  });
});

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

import { describe, expect, it } from "vitest";
import { ConvexHttpClient } from "convex/browser";
import { api } from "../../convex/_generated/api";
import { offlineToken, parseMoney, productForFile } from "./harness";

const { product, browser } = productForFile();

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

  it("serves every store's storefront at /s/<slug>/, with its own products and titles", async () => {
    // A second store, made through the API by the demo owner: its storefront is empty.
    const client = new ConvexHttpClient(product.backendUrl);
    client.setAuth(await offlineToken(product.origin));
    await client.mutation(api.users.ensure, {});
    await client.mutation(api.stores.create, {
      name: "Second Shop",
      currency: "EUR",
      timezone: "Europe/Berlin",
    });

    const second = await fetch(new URL("/s/second-shop/", product.origin));
    expect(second.status).toBe(200);
    expect(await second.text()).toContain("<title>Second Shop</title>");
    const unknown = await fetch(new URL("/s/no-such-store/", product.origin));
    expect(unknown.status).toBe(404);

    // The demo store under its slug: links stay inside /s/demo/.
    const page = await browser.newPage();
    await page.goto(new URL("/s/demo/", product.origin).toString());
    const card = page.getByTestId("product-card").first();
    await card.waitFor({ timeout: 30_000 });
    expect(await card.locator("a").getAttribute("href")).toMatch(/^\/s\/demo\/p\//);
    await card.locator("a").click();
    await page.getByTestId("product-page").waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/s\/demo\/p\//);
    const html = await (await fetch(page.url())).text();
    expect(html).toContain('"@type":"Product"');
    await page.goto(new URL("/s/second-shop/", product.origin).toString());
    await expect
      .poll(async () => (await page.locator("h1").first().textContent())?.trim())
      .toBe("Second Shop");
    expect(await page.getByTestId("product-card").count()).toBe(0);
    await page.close();
  });
});

function escapeRe(s: string) {
  return s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}

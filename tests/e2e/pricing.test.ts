// The money tools and store settings in Chromium: an admin re-themes the store and an open
// storefront page follows live; suggested prices show their reasoning and apply through the
// catalog; a bad coupon is refused with the reason, a good one is listed; a price test's
// results show a verdict and a chart.
import { ConvexHttpClient } from "convex/browser";
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { parseMoney, productForFile, signInOffline } from "./harness";

const { product, browser } = productForFile();

// The storefront keeps the store's colours in these CSS variables on :root.
const themeVar = (page: import("playwright-core").Page) =>
  page.evaluate(() =>
    getComputedStyle(document.documentElement)
      .getPropertyValue("--sf-primary")
      .trim()
      .toUpperCase(),
  );

describe("pricing and settings", () => {
  it("an admin changes the primary colour and the open storefront re-themes", async () => {
    const shop = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    await shop.goto(product.storefrontUrl);
    await shop.waitForLoadState("networkidle");
    // The page carries the store's colour before the change (server-rendered).
    expect(await themeVar(shop)).toBe("#1F3A5F");

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInOffline(page, product.dashboardUrl);
    await page.goto(`${product.dashboardUrl}/settings`);
    const hex = page.getByLabel("Primary colour hex");
    await hex.waitFor();
    expect(await hex.inputValue()).toBe("#1F3A5F");

    // A colour that isn't one is refused with the reason, and nothing changes.
    await hex.fill("#12345G");
    expect(await page.getByTestId("theme-preview").textContent()).toContain(
      "Colours are written like",
    );
    await page.getByRole("button", { name: "Save branding" }).click();
    await expect
      .poll(() => page.getByTestId("branding-form").getByRole("alert").textContent())
      .toContain("The primary colour must be a colour like #1F3A5F");

    await hex.fill("#0a7d4f");
    // The preview follows the typing before anything is saved.
    expect(
      await page
        .getByTestId("theme-preview")
        .locator("div")
        .nth(1)
        .evaluate((el) => getComputedStyle(el).backgroundColor),
    ).toBe("rgb(10, 125, 79)");
    await page.getByRole("button", { name: "Save branding" }).click();
    await page.getByText("Branding saved").waitFor();

    const store = await new ConvexHttpClient(product.backendUrl).query(api.storefront.store, {
      slug: "demo",
    });
    expect(store?.theme.primaryColor).toBe("#0A7D4F");
    // Live: the page that was already open changes without a reload.
    await expect.poll(() => themeVar(shop), { timeout: 15_000 }).toBe("#0A7D4F");

    // A logo uploaded to file storage: a text file dressed as a PNG is refused by its bytes,
    // a real PNG becomes the logo.
    const logoInput = page.getByTestId("branding-form").locator('input[type="file"]').first();
    await logoInput.setInputFiles({
      name: "logo.png",
      mimeType: "image/png",
      buffer: Buffer.from("not a picture"),
    });
    await expect
      .poll(() => page.getByTestId("branding-form").getByRole("alert").last().textContent())
      .toContain("must be a PNG, JPEG, WebP, GIF, SVG or ICO image");
    const png = Buffer.from(
      "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
      "base64",
    );
    await logoInput.setInputFiles({ name: "logo.png", mimeType: "image/png", buffer: png });
    await page.getByText("Logo uploaded and saved.").waitFor();
    await expect
      .poll(
        async () =>
          (
            await new ConvexHttpClient(product.backendUrl).query(api.storefront.store, {
              slug: "demo",
            })
          )?.logoUrl,
      )
      .toMatch(/^https?:\/\/.+/);
    const logoUrl = (await new ConvexHttpClient(product.backendUrl).query(api.storefront.store, {
      slug: "demo",
    }))!.logoUrl!;
    const served = await fetch(logoUrl);
    expect(served.status).toBe(200);
    expect(Buffer.from(await served.arrayBuffer()).equals(png)).toBe(true);
    await shop.close();
    await page.close();
  });

  it("suggested prices show their reasoning and apply; coupons and test results", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInOffline(page, product.dashboardUrl);
    await page.goto(`${product.dashboardUrl}/pricing`);
    const rows = page.getByTestId("pricing-row");
    await rows.first().waitFor({ timeout: 30_000 });

    // The first product whose suggestion differs from today's price.
    let row = rows.first();
    for (let i = 0; i < (await rows.count()); i++) {
      const candidate = rows.nth(i);
      const cells = candidate.locator("td");
      const now = parseMoney((await cells.nth(1).textContent()) ?? "");
      const suggested = parseMoney(
        (await candidate.getByTestId("suggested-price").textContent()) ?? "",
      );
      if (now !== suggested) {
        row = candidate;
        break;
      }
    }
    const suggested = parseMoney((await row.getByTestId("suggested-price").textContent()) ?? "");
    const floor = parseMoney((await row.locator("td").nth(2).textContent()) ?? "");
    expect(suggested).toBeGreaterThanOrEqual(floor);
    await row.getByRole("button", { name: "Why?" }).click();
    const reasoning = page.getByTestId("pricing-reasoning");
    await reasoning.waitFor();
    const text = (await reasoning.textContent()) ?? "";
    for (const step of [
      "Supplier cost",
      "Shipping cost",
      "Payment fees",
      "Price floor (break-even)",
    ]) {
      expect(text).toContain(step);
    }
    await page.getByRole("button", { name: /^Apply \$/ }).click();
    await page.getByRole("button", { name: "Already at the suggested price" }).waitFor();
    await expect
      .poll(async () => parseMoney((await row.locator("td").nth(1).textContent()) ?? ""))
      .toBe(suggested);
    await page.getByRole("button", { name: "Close" }).click();

    // Coupons: a percent over 100 is refused with the reason; a good one is listed as active.
    await page.getByRole("link", { name: "Coupons" }).click();
    await page.getByTestId("coupon-row").first().waitFor();
    await page.getByRole("button", { name: "New coupon" }).click();
    const form = page.getByTestId("coupon-form");
    await form.getByLabel("Code").fill("e2e-spring");
    await form.getByLabel("Percent (1–100)").fill("150");
    await form.getByRole("button", { name: "Create coupon" }).click();
    await expect.poll(() => form.getByRole("alert").textContent()).toContain("between 1% and 100%");
    await form.getByLabel("Percent (1–100)").fill("20");
    await form.getByLabel("Usage limit").fill("50");
    await form.getByRole("button", { name: "Create coupon" }).click();
    const created = page.locator('[data-testid="coupon-row"][data-code="E2E-SPRING"]');
    await created.waitFor();
    expect(await created.textContent()).toContain("20% off");
    expect(await created.getByTestId("coupon-used").textContent()).toBe("0 / 50");
    expect(await created.textContent()).toContain("Active");

    // A/B tests: the seeded running test's results, verdict and chart.
    await page.getByRole("link", { name: "Price tests" }).click();
    await page.locator('[data-testid="price-test-row"][data-status="running"] a').click();
    await page.getByTestId("price-test-page").waitFor();
    const verdict = page.getByTestId("test-verdict");
    await verdict.waitFor();
    expect(await verdict.textContent()).toMatch(
      /^No winner yet: need ~[\d,]+ more views per arm\.$/,
    );
    expect(await page.getByTestId("test-arms").locator("tbody tr").count()).toBe(2);
    await page.locator(".recharts-bar-rectangle").first().waitFor();
    await page.close();
  });
});

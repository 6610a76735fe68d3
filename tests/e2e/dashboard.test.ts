import { ConvexHttpClient } from "convex/browser";
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import {
  launchBrowser,
  offlineToken,
  parseMoney,
  type RunningProduct,
  signInOffline,
  startProduct,
} from "./harness";

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

describe("team workspace", () => {
  it("signs in offline and shows non-zero revenue and a revenue chart", async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));

    await signInOffline(page, product.dashboardUrl);
    expect((await page.getByTestId("store-name").textContent())?.trim().length).toBeGreaterThan(0);

    const allTime = page.getByTestId("kpi-revenue-all-time");
    await allTime.waitFor({ timeout: 30_000 });
    expect(parseMoney((await allTime.textContent()) ?? "")).toBeGreaterThan(0);
    expect(
      parseMoney((await page.getByTestId("kpi-revenue-30d").textContent()) ?? ""),
    ).toBeGreaterThan(0);
    expect(
      Number((await page.getByTestId("kpi-orders").textContent())?.replace(/\D/g, "")),
    ).toBeGreaterThan(0);

    // Recharts draws the area as an SVG path with a real shape (not an empty "M0,0").
    const area = page.locator('[data-testid="revenue-chart"] .recharts-area-area');
    await area.first().waitFor({ timeout: 15_000 });
    const d = (await area.first().getAttribute("d")) ?? "";
    expect(d.split(/[LC]/).length).toBeGreaterThan(30);
    expect(errors).toEqual([]);

    // The token survives a reload (sessionStorage), no second sign-in.
    await page.reload();
    await page.getByTestId("kpi-revenue-all-time").waitFor({ timeout: 30_000 });
    await context.close();
  });

  it("pushes product changes to every open Products page without a reload", async () => {
    const contexts = await Promise.all([browser.newContext(), browser.newContext()]);
    const [editor, watcher] = await Promise.all(contexts.map((c) => c.newPage()));
    for (const page of [editor, watcher]) {
      await signInOffline(page, `${product.dashboardUrl}/products`);
      await page.getByTestId("product-row").first().waitFor({ timeout: 30_000 });
      // Survives only if the page is never reloaded.
      await page.evaluate(() => {
        (window as unknown as { __noReload: boolean }).__noReload = true;
      });
    }
    const row = (page: typeof editor, id: string) => page.locator(`[data-product-id="${id}"]`);
    const productId = (await watcher
      .getByTestId("product-row")
      .first()
      .getAttribute("data-product-id"))!;
    expect(productId).toBeTruthy();

    // 1. Through the UI: quick edit in one browser, the other one follows.
    const uiTitle = `Edited in the UI ${Date.now()}`;
    await row(editor, productId)
      .getByRole("button", { name: /Quick edit/ })
      .click();
    const form = editor.getByTestId("quick-edit");
    await form.getByLabel("Title").fill(uiTitle);
    await form.getByLabel(/Price/).fill("19.99");
    await form.getByRole("button", { name: "Save" }).click();
    await form.waitFor({ state: "detached" });
    for (const page of [editor, watcher]) {
      await row(page, productId)
        .getByTestId("product-title")
        .filter({ hasText: uiTitle })
        .waitFor({ timeout: 10_000 });
      expect(await row(page, productId).getByTestId("product-price").textContent()).toContain(
        "19.99",
      );
    }

    // 2. Through the API as the owner (offline token), with no browser involved.
    const apiTitle = `Edited over HTTP ${Date.now()}`;
    const client = new ConvexHttpClient(product.backendUrl);
    client.setAuth(await offlineToken(product.origin));
    const me = await client.query(api.users.me, {});
    await client.mutation(api.catalog.update, {
      storeId: me!.stores[0].storeId,
      productId: productId as Id<"products">,
      patch: { title: apiTitle },
    });
    for (const page of [editor, watcher]) {
      await row(page, productId)
        .getByTestId("product-title")
        .filter({ hasText: apiTitle })
        .waitFor({ timeout: 10_000 });
      expect(
        await page.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
      ).toBe(true);
    }
    await Promise.all(contexts.map((c) => c.close()));
  });

  it("explains a refused edit with what to do next", async () => {
    const page = await browser.newPage();
    await signInOffline(page, `${product.dashboardUrl}/products`);
    await page
      .getByTestId("product-row")
      .first()
      .getByRole("button", { name: /Quick edit/ })
      .click();
    const form = page.getByTestId("quick-edit");
    await form.getByLabel("Title").fill("   ");
    await form.getByLabel("Title").evaluate((el) => el.removeAttribute("required"));
    await form.getByRole("button", { name: "Save" }).click();
    const alert = form.getByRole("alert");
    await alert.waitFor({ timeout: 10_000 });
    expect(await alert.textContent()).toContain("A title needs 1 to 200 characters.");
    expect(await alert.textContent()).toContain("What to do");
    expect(await alert.textContent()).toContain("INVALID");
    await page.close();
  });
});

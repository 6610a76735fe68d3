import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { MODULES } from "../../src/app/registry";
import { openPage, ownerClient, parseMoney, productForFile, signInOffline } from "./harness";

const { product, browser } = productForFile();

describe("team workspace", () => {
  it("signs in offline and shows non-zero revenue and a revenue chart", async () => {
    const { context, page, errors } = await openPage(browser);

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
    // The editor is told it saved; the quick edit's address closes back to the list.
    await editor
      .getByTestId("toast")
      .filter({ hasText: `Saved “${uiTitle}”` })
      .waitFor();
    expect(new URL(editor.url()).pathname).toBe("/dashboard/products");
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
    const { c: client, storeId } = await ownerClient(product);
    await client.mutation(api.catalog.update, {
      storeId,
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
    // The title explains the kind in words; the raw code (INVALID) is not shown to a person.
    expect(await alert.textContent()).toContain("Something in the request is not valid");
    expect(await alert.textContent()).not.toContain("INVALID");
    await page.close();
  });
  it("lists only registered modules, says when an address has no page, titles each page", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // An address no module has (Discover, the old example here, is a module now).
    await signInOffline(page, `${product.dashboardUrl}/no-such-module`);
    await page.getByRole("heading", { level: 1, name: "Page not found" }).waitFor();
    // Exactly the registry, in its order (each branch that adds a module registers it there).
    expect(await page.locator('nav[aria-label="Modules"] ul a').allTextContents()).toEqual(
      MODULES.map((m) => m.label),
    );
    expect(MODULES.map((m) => m.label).slice(0, 3)).toEqual(["Overview", "Products", "Orders"]);
    expect(await page.getByText("Soon").count()).toBe(0);
    await expect.poll(() => page.title()).toMatch(/^Not found · .+ · Command Center$/);
    await page.getByRole("link", { name: "Back to the overview" }).click();
    await page.getByTestId("kpi-revenue-all-time").waitFor({ timeout: 30_000 });
    expect(new URL(page.url()).pathname).toBe("/dashboard");
    await expect.poll(() => page.title()).toMatch(/^Overview · /);
    await page.close();
  });

  it("selects product rows for bulk actions and counts them in words", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInOffline(page, `${product.dashboardUrl}/products`);
    const rows = page.getByTestId("product-row");
    await rows.first().waitFor({ timeout: 30_000 });
    expect(await page.getByTestId("list-count").textContent()).toMatch(/^Showing \d+ products/);
    expect(await page.getByTestId("bulk-bar").count()).toBe(0);
    await rows.nth(0).getByRole("checkbox").check();
    const bar = page.getByTestId("bulk-bar");
    expect(await bar.textContent()).toContain("1 product selected");
    await rows.nth(1).getByRole("checkbox").check();
    expect(await bar.textContent()).toContain("2 products selected");
    const all = page.getByRole("checkbox", { name: "Select all shown" });
    expect(await all.evaluate((el) => (el as HTMLInputElement).indeterminate)).toBe(true);
    await all.check();
    expect(await bar.textContent()).toContain(`${await rows.count()} products selected`);
    await bar.getByRole("button", { name: "Clear selection" }).click();
    expect(await page.getByTestId("bulk-bar").count()).toBe(0);
    await page.close();
  });

  it("opens an order's page from the list, and says when an order does not exist", async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInOffline(page, `${product.dashboardUrl}/orders`);
    // The orders page opens on the board; this test reads the list view.
    await page.getByRole("button", { name: "List", exact: true }).click();
    const rows = page.getByTestId("order-row");
    const first = rows.first();
    await first.waitFor({ timeout: 30_000 });

    // "Load more" grows the live list by a page; the rows shown stay while it loads.
    expect(await rows.count()).toBe(25);
    await page.getByRole("button", { name: "Load more" }).click();
    await expect.poll(() => rows.count(), { timeout: 10_000 }).toBe(50);
    expect(await page.getByTestId("list-count").textContent()).toBe("Showing 50 orders");

    // A status tab (from the server's list) shows only that status, from one page again.
    await page.getByRole("radio", { name: "Delivered" }).click();
    await expect
      // Columns: select, order, channel, status, total.
      .poll(async () => new Set(await rows.locator("td:nth-child(4)").allTextContents()))
      .toEqual(new Set(["Delivered"]));
    expect(await rows.count()).toBe(25);
    expect(await page.getByRole("radio", { name: "Delivered" }).getAttribute("aria-checked")).toBe(
      "true",
    );
    await page.getByRole("radio", { name: "All" }).click();
    await expect.poll(() => rows.count()).toBe(25);
    const link = first.getByRole("link");
    const number = ((await link.textContent()) ?? "").match(/#(\d+)/)![1];
    await link.click();
    await page.getByRole("heading", { level: 1, name: `Order #${number}` }).waitFor();
    expect(new URL(page.url()).pathname).toMatch(/^\/dashboard\/orders\/[^/]+$/);
    const detail = page.getByTestId("order-page");
    expect(
      await detail.getByText(/New|Processing|Shipped|Delivered|Cancelled|Refunded/).count(),
    ).toBeGreaterThan(0);
    expect(await page.getByTestId("order-items").getByRole("listitem").count()).toBeGreaterThan(0);
    const totals = (await page.getByTestId("order-totals").textContent()) ?? "";
    expect(totals).toMatch(/Subtotal.*\$[\d,]+\.\d\d/);
    expect(totals).toMatch(/Total.*\$[\d,]+\.\d\d/);
    expect(await detail.getByRole("heading", { name: "Shipping address" }).count()).toBe(1);
    await expect.poll(() => page.title()).toMatch(/^Order · /);

    // An id of the right shape from another table: the server answers null.
    const productId = await productIdOf(page);
    await page.goto(`${product.dashboardUrl}/orders/${productId}`);
    await page.getByTestId("order-not-found").waitFor({ timeout: 30_000 });
    // A mistyped id is "not found" too, without the server's validator message.
    await page.goto(`${product.dashboardUrl}/orders/nonsense`);
    const missing = page.getByTestId("order-not-found");
    await missing.waitFor({ timeout: 30_000 });
    expect(await missing.textContent()).not.toContain("ArgumentValidationError");
    await page.getByRole("link", { name: "← All orders" }).click();
    await page.getByTestId("order-row").first().waitFor({ timeout: 30_000 });
    await page.close();
  });
});

/** A product id of the demo store, read from the Products page. */
async function productIdOf(page: import("playwright-core").Page): Promise<string> {
  await page.goto(`${product.dashboardUrl}/products`);
  const row = page.getByTestId("product-row").first();
  await row.waitFor({ timeout: 30_000 });
  return (await row.getAttribute("data-product-id"))!;
}

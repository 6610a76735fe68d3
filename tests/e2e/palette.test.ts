import { ConvexHttpClient } from "convex/browser";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { offlineToken, productForFile, signInOffline } from "./harness";

const { product, browser } = productForFile();

const palette = (page: Page) => page.getByRole("dialog", { name: "Command palette" });
const searchInput = (page: Page) =>
  palette(page).getByRole("combobox", { name: "Search products, orders and pages" });

async function isSelected(option: Locator): Promise<boolean> {
  return (await option.getAttribute("aria-selected")) === "true";
}

async function openPage(width: number, height: number) {
  const context = await browser.newContext({ viewport: { width, height } });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await signInOffline(page, product.dashboardUrl);
  return { context, page, errors };
}

describe("command palette", () => {
  it("opens with Ctrl-K, moves with the arrows and opens a product found by a title prefix", async () => {
    const { context, page, errors } = await openPage(1440, 900);
    expect(await palette(page).count()).toBe(0);

    await page.keyboard.press("Control+K");
    await palette(page).waitFor({ timeout: 5_000 });
    expect(await palette(page).getAttribute("aria-modal")).toBe("true");
    const input = searchInput(page);
    expect(await input.evaluate((el) => el === document.activeElement)).toBe(true);

    // Nothing typed: the pages to go to, the first one highlighted; the arrows move it.
    const listbox = palette(page).getByRole("listbox");
    const overview = listbox.getByRole("option", { name: /^Overview/ });
    const products = listbox.getByRole("option", { name: /^Products/ });
    // The pages to go to are the sidebar's modules (both read the registry), nothing planned.
    const sidebar = await page.locator('nav[aria-label="Modules"] ul a').allTextContents();
    expect(sidebar.slice(0, 3)).toEqual(["Overview", "Products", "Orders"]);
    const options = await listbox.getByRole("option").allTextContents();
    expect(options).toHaveLength(sidebar.length);
    expect(options.map((text, i) => text.startsWith(sidebar[i]))).toEqual(sidebar.map(() => true));
    // Modules still to come (Marketing) are not offered.
    expect(await listbox.getByRole("option", { name: /^Market/ }).count()).toBe(0);
    expect(await listbox.getByRole("option", { name: /^Discover/ }).count()).toBe(1);
    expect(await isSelected(overview)).toBe(true);
    await page.keyboard.press("ArrowDown");
    expect(await isSelected(products)).toBe(true);
    expect(await isSelected(overview)).toBe(false);
    expect(await input.getAttribute("aria-activedescendant")).toBe(
      await products.getAttribute("id"),
    );
    await page.keyboard.press("ArrowUp");
    expect(await isSelected(overview)).toBe(true);
    await page.keyboard.press("ArrowUp"); // wraps to the last page
    expect(await isSelected(listbox.getByRole("option").last())).toBe(true);

    // A prefix of a seeded title finds the product, with its status and price.
    await page.keyboard.type("cerami");
    const found = palette(page)
      .getByRole("group", { name: "Products" })
      .getByRole("option", { name: /Ceramic Pour-Over Set/ });
    await found.waitFor({ timeout: 10_000 });
    const facts = (await found.textContent()) ?? "";
    expect(facts).toMatch(/\$\d+\.\d\d/);
    expect(facts).toMatch(/Active|Draft|Archived/);
    expect(await isSelected(found)).toBe(true);
    expect(await listbox.getByRole("option", { name: /^Overview/ }).count()).toBe(0);
    expect(await palette(page).getByTestId("palette-empty").count()).toBe(0);

    // Enter opens it: /dashboard/products/<id>, that product's editor.
    await page.keyboard.press("Enter");
    await palette(page).waitFor({ state: "detached", timeout: 5_000 });
    expect(new URL(page.url()).pathname).toMatch(/^\/dashboard\/products\/[^/]+$/);
    const form = page.getByTestId("product-editor");
    await form.waitFor({ timeout: 10_000 });
    expect(await form.getByLabel("Title", { exact: true }).inputValue()).toBe(
      "Ceramic Pour-Over Set",
    );
    await form.getByRole("button", { name: "Back to products" }).click();
    await form.waitFor({ state: "detached" });
    expect(new URL(page.url()).pathname).toBe("/dashboard/products");
    expect(new URL(page.url()).search).toBe("");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("finds orders by customer name and opens the order's page with a click", async () => {
    const client = new ConvexHttpClient(product.backendUrl);
    client.setAuth(await offlineToken(product.origin));
    const me = await client.query(api.users.me, {});
    const recent = await client.query(api.orders.list, {
      storeId: me!.stores[0].storeId,
      paginationOpts: { numItems: 50, cursor: null },
    });
    const order = recent.page.find((o) => /^[A-Za-z]+ [A-Za-z]+$/.test(o.customer.name));
    expect(order, "a seeded order with a plain ASCII customer name").toBeTruthy();
    const name = order!.customer.name;

    const { context, page, errors } = await openPage(1440, 900);
    await page.keyboard.press("Meta+K");
    await palette(page).waitFor({ timeout: 5_000 });
    await searchInput(page).fill(name);

    const orders = palette(page).getByRole("group", { name: "Orders" }).getByRole("option");
    await orders.first().waitFor({ timeout: 10_000 });
    const first = (await orders.first().textContent()) ?? "";
    expect(first).toContain(name);
    expect(first).toMatch(/#\d{4,}/);
    expect(first).toMatch(/\$[\d,]+\.\d\d/);
    expect(first).toMatch(/New|Processing|Shipped|Delivered|Cancelled|Refunded/);

    const number = first.match(/#(\d{4,})/)![1];
    await orders.first().click();
    await palette(page).waitFor({ state: "detached", timeout: 5_000 });
    await page
      .getByRole("heading", { level: 1, name: `Order #${number}` })
      .waitFor({ timeout: 10_000 });
    expect(new URL(page.url()).pathname).toMatch(/^\/dashboard\/orders\/[^/]+$/);
    expect(await page.getByTestId("order-page").textContent()).toContain(name);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("on a phone: opens from the top bar, says when nothing matches, closes with Escape or a click outside", async () => {
    const { context, page, errors } = await openPage(390, 844);
    const button = page.getByRole("button", { name: "Search products, orders and pages" });
    expect(await button.isVisible()).toBe(true);
    await button.click();
    await palette(page).waitFor({ timeout: 5_000 });

    // A page command matches by its label.
    await searchInput(page).fill("ord");
    await palette(page)
      .getByRole("group", { name: "Go to" })
      .getByRole("option", { name: /^Orders/ })
      .waitFor({ timeout: 5_000 });

    await searchInput(page).fill("zzqxjv");
    const empty = palette(page).getByTestId("palette-empty");
    await empty.waitFor({ timeout: 10_000 });
    expect(await empty.textContent()).toContain("No products or orders match “zzqxjv”");
    expect(await palette(page).getByRole("option").count()).toBe(0);

    await page.keyboard.press("Escape");
    await palette(page).waitFor({ state: "detached", timeout: 5_000 });

    await button.click();
    await palette(page).waitFor({ timeout: 5_000 });
    await page.mouse.click(195, 830); // below the panel, on the dimmed page
    await palette(page).waitFor({ state: "detached", timeout: 5_000 });
    expect(errors).toEqual([]);
    await context.close();
  });
});

// One-click import in Chromium: an owner pastes a product URL served by a local fake supplier
// site; the stepper shows each step; a second open dashboard sees the draft product appear in
// its catalog without a reload, opens it, finds the offline AI draft of its copy, accepts it
// (the description changes) and undoes it (the description is back). Screenshots at 1440/390.
import type { Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type FakeSupplierSite, PAGES, startFakeSupplierSite } from "../fakes/supplierSite";
import {
  launchBrowser,
  openPage,
  type RunningProduct,
  screenshots,
  signInOffline,
  startProduct,
} from "./harness";

const shoot = screenshots("import-shots");

let site: FakeSupplierSite;
let product: RunningProduct;
let browser: Browser;
beforeAll(async () => {
  site = await startFakeSupplierSite();
  // The importer fetches only AliExpress/CJ hosts, plus the ones SUPPLIER_FETCH_ALLOW names.
  product = await startProduct({ env: { SUPPLIER_FETCH_ALLOW: site.host } });
  browser = await launchBrowser();
}, 240_000);
afterAll(async () => {
  await browser?.close();
  await product?.stop();
  await site?.close();
});

const TITLE = "Portable Mini Blender USB Rechargeable Personal Juicer Cup 6 Blades Smoothie Maker";

describe("one-click import", () => {
  it("imports a supplier page; a second dashboard sees the draft live, accepts and undoes its AI copy", async () => {
    const importer = await openPage(browser);
    const watcher = await openPage(browser);
    await signInOffline(importer.page, `${product.dashboardUrl}/discover`);
    await signInOffline(watcher.page, `${product.dashboardUrl}/products`);

    // The watcher looks at the catalog's drafts: the product is not there yet.
    await watcher.page.getByRole("radio", { name: /^Draft/ }).click();
    await watcher.page
      .getByText("Loading")
      .first()
      .waitFor({ state: "hidden" })
      .catch(() => {});
    expect(await watcher.page.getByText(TITLE).count()).toBe(0);

    // A bad address is refused with its reason, and nothing starts.
    const box = importer.page;
    await box.getByTestId("import-url").fill("https://www.amazon.com/dp/B08N5WRWNW");
    await box.getByRole("button", { name: "Import" }).click();
    await expect
      .poll(() => box.getByTestId("import-error").textContent(), { timeout: 10_000 })
      .toMatch(/That is not an AliExpress or CJ product page/);
    expect(await box.getByTestId("import-job").count()).toBe(0);

    const url = site.url(PAGES.aliexpress);
    await box.getByTestId("import-url").fill(url);
    await box.getByRole("button", { name: "Import" }).click();
    const job = box.getByTestId("import-job").first();
    await job.waitFor({ timeout: 10_000 });
    await box.locator('[data-testid="import-job"][data-status="done"]').first().waitFor({
      timeout: 30_000,
    });
    const statuses = await job
      .getByTestId("import-step")
      .evaluateAll((steps) => steps.map((s) => `${s.dataset.step}:${s.dataset.status}`));
    expect(statuses).toEqual([
      "validate:done",
      "fetch:done",
      "read:done",
      "price:done",
      "draft:done",
      "ai:done",
    ]);
    expect(await job.textContent()).toContain("4 variants, 3 images, from runParams");
    await shoot(box, "import-stepper");

    // The second dashboard's catalog shows the new draft without a reload.
    const card = watcher.page.getByText(TITLE).first();
    await card.waitFor({ timeout: 15_000 });

    // Open it there: its AI draft of the title and description is labelled "Offline draft".
    await card.click();
    const w = watcher.page;
    const draft = w.getByTestId("ai-draft").first();
    await draft.waitFor({ timeout: 20_000 });
    expect(await draft.getByTestId("ai-draft-label").textContent()).toBe("Offline draft");
    const description = w.getByLabel("Description", { exact: true });
    const original = await description.inputValue();
    expect(original).toMatch(/^Portable Mini Blender: 6 stainless blades/);

    await draft.getByRole("button", { name: "Accept" }).click({ timeout: 20_000 });
    await expect.poll(() => description.inputValue(), { timeout: 15_000 }).not.toBe(original);
    await draft.getByRole("button", { name: "Undo" }).click({ timeout: 10_000 });
    await expect.poll(() => description.inputValue(), { timeout: 15_000 }).toBe(original);
    await shoot(w, "import-product-ai-draft");

    // The same URL again: "already imported as …" with a link; nothing new in the list.
    await box.getByTestId("import-url").fill(url);
    await box.getByRole("button", { name: "Import" }).click();
    const duplicate = box.getByTestId("import-duplicate");
    await duplicate.waitFor({ timeout: 10_000 });
    expect(await duplicate.textContent()).toContain(`Already imported as ${TITLE}`);
    expect(await box.getByTestId("import-job").count()).toBe(1);

    expect(importer.errors).toEqual([]);
    expect(watcher.errors).toEqual([]);
    await importer.context.close();
    await watcher.context.close();
  }, 180_000);

  it("a page that does not load fails its import with the reason and adds no product", async () => {
    const { context, page, errors } = await openPage(browser, 390);
    await signInOffline(page, `${product.dashboardUrl}/discover`);
    await page.getByTestId("import-url").fill(site.url(PAGES.missing));
    await page.getByRole("button", { name: "Import" }).click();
    const failed = page.locator('[data-testid="import-job"][data-status="failed"]').first();
    await failed.waitFor({ timeout: 30_000 });
    expect(await failed.textContent()).toMatch(/does not exist \(404\)/);
    expect(await failed.getByTestId("import-open-product").count()).toBe(0);
    await shoot(page, "import-failed");
    expect(errors).toEqual([]);
    await context.close();
  }, 120_000);
});

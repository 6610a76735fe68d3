// The catalog in Chromium: add a product with a variant and an uploaded picture and publish it;
// two editors on one product (the second save is refused, nothing overwritten); bulk price
// change previewed then applied; the featured shelf reordered live; screenshots at 1440/390.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import {
  mailedLink,
  openPage,
  ownerClient,
  productForFile,
  screenshots,
  signInOffline,
} from "./harness";

const { product, browser } = productForFile();
const shoot = screenshots("catalog-shots");
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

describe("catalog", () => {
  it("adds a product with a variant and an uploaded image, refusing bad input, and publishes it", async () => {
    const { context, page, errors } = await openPage(browser);
    await signInOffline(page, `${product.dashboardUrl}/products/new`);
    const form = page.getByTestId("product-editor");
    await form.waitFor({ timeout: 30_000 });
    const title = `Trail Lantern ${Date.now()}`;
    await form.getByLabel("Title", { exact: true }).fill(title);
    await form.getByLabel("Description", { exact: true }).fill("A lantern for the trail.");
    await form.getByLabel("Category").fill("Outdoor");
    await form.getByLabel("New option name").fill("Colour");
    await form.getByRole("button", { name: "Add option" }).click();
    const variant = form.getByTestId("variant-row").first();
    await variant.getByLabel("Colour").fill("Sage");
    await variant.getByLabel("SKU").fill("LANTERN-SAGE");
    await variant.getByLabel("Stock").fill("7");
    await form.getByLabel(/Supplier cost/).fill("8.00");

    // A typed "-5" is refused, never saved as 5.00.
    await variant.getByLabel(/^Price/).fill("-5");
    await form.getByRole("button", { name: "Save" }).click();
    await page.getByRole("alert").filter({ hasText: "negative" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/dashboard/products/new");

    // A price above the "was" price: refused by the server with its reason.
    await variant.getByLabel(/^Price/).fill("30.00");
    await variant.getByLabel("Was (optional)").fill("25.00");
    await form.getByRole("button", { name: "Save" }).click();
    await page
      .getByRole("alert")
      .filter({ hasText: "The sale price must be below the 'was' price" })
      .waitFor({ timeout: 10_000 });
    await variant.getByLabel(/^Price/).fill("24.00");
    await variant.getByLabel("Was (optional)").fill("");
    // Profit per unit as typed: 24.00 − 8.00 − (0.70 + 0.30) = 15.00.
    expect(await form.getByTestId("profit-per-unit").textContent()).toContain("15.00");

    // Not an image (HTML dressed as a PNG): refused by the server from its bytes.
    const upload = form.getByTestId("image-upload");
    await upload.setInputFiles({
      name: "evil.png",
      mimeType: "image/png",
      buffer: Buffer.from("<html><script>alert(1)</script></html>"),
    });
    await form
      .getByTestId("image-problem")
      .filter({ hasText: "is not an image" })
      .waitFor({ timeout: 15_000 });
    await upload.setInputFiles({ name: "lantern.png", mimeType: "image/png", buffer: PNG });
    const preview = form.getByTestId("image-preview").first();
    await preview.waitFor({ timeout: 15_000 });
    const src = (await preview.getAttribute("src"))!;
    // Served from the app's own origin (its /api proxy), and it loads.
    expect(src.startsWith(`${product.origin}/api/storage/`)).toBe(true);
    await page.waitForFunction(
      () =>
        (document.querySelector('[data-testid="image-preview"]') as HTMLImageElement)
          ?.naturalWidth > 0,
    );
    await variant.getByLabel("Picture").selectOption({ index: 1 });
    await form.getByLabel("Status").selectOption("active");
    await shoot(page, "editor-new");
    await form.getByRole("button", { name: "Save" }).click();
    await page.waitForURL(/\/dashboard\/products\/(?!new)[^/]+$/, { timeout: 15_000 });
    const productId = new URL(page.url()).pathname.split("/").pop() as Id<"products">;

    const { c, storeId } = await ownerClient(product);
    const saved = (await c.query(api.catalog.get, { storeId, productId }))!;
    expect(saved).toMatchObject({ title, status: "active", priceCents: 2_400, stock: 7 });
    expect(saved.images).toHaveLength(1);
    expect(saved.images[0].storageId).toBeTruthy();
    expect(saved.variants[0]).toMatchObject({
      sku: "LANTERN-SAGE",
      options: { Colour: "Sage" },
      imageUrl: saved.images[0].url,
    });
    // The storefront serves it now.
    const shown = await c.query(api.storefront.product, { slug: "demo", productSlug: saved.slug });
    expect(shown?.title).toBe(title);

    // Leaving with unsaved edits asks; dismissing stays on the page with the edits.
    await form.getByLabel("Title", { exact: true }).fill(`${title} (edited)`);
    page.once("dialog", (d) => void d.dismiss());
    await form.getByRole("button", { name: "Back to products" }).click();
    await page.waitForTimeout(300);
    expect(new URL(page.url()).pathname).toBe(`/dashboard/products/${productId}`);
    expect(await form.getByLabel("Title", { exact: true }).inputValue()).toBe(`${title} (edited)`);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("two editors on one product: the second save is refused and overwrites nothing", async () => {
    const { c, storeId } = await ownerClient(product);
    const list = await c.query(api.catalog.list, {
      storeId,
      status: "active",
      paginationOpts: { numItems: 5, cursor: null },
    });
    const target = list.page[2];
    const ana = await openPage(browser);
    const ben = await openPage(browser);
    for (const { page } of [ana, ben]) {
      await signInOffline(page, `${product.dashboardUrl}/products/${target._id}`);
      await page.getByTestId("product-editor").waitFor({ timeout: 30_000 });
    }
    const anaForm = ana.page.getByTestId("product-editor");
    const benForm = ben.page.getByTestId("product-editor");
    await anaForm.getByLabel("Title", { exact: true }).fill("Ana's title");
    await benForm.getByLabel("Title", { exact: true }).fill("Ben's title");
    await anaForm.getByRole("button", { name: "Save" }).click();
    await ana.page.getByTestId("toast").filter({ hasText: "Saved “Ana's title”" }).waitFor();

    // Ben's editor is told at once, and his save is refused.
    await benForm.getByTestId("conflict").waitFor({ timeout: 10_000 });
    await benForm.getByRole("button", { name: "Save" }).click();
    await benForm
      .getByTestId("conflict")
      .filter({ hasText: "Not saved: this product was changed by someone else" })
      .waitFor({ timeout: 10_000 });
    expect(await benForm.getByTestId("conflict").textContent()).toContain("Title");
    await shoot(ben.page, "editor-conflict");
    const after = (await c.query(api.catalog.get, { storeId, productId: target._id }))!;
    expect(after.title).toBe("Ana's title");
    expect(await benForm.getByLabel("Title", { exact: true }).inputValue()).toBe("Ben's title");

    // Re-applying is a deliberate choice, and then it lands.
    await benForm.getByRole("button", { name: /Re-apply my changes/ }).click();
    await ben.page.getByTestId("toast").filter({ hasText: "Saved “Ben's title”" }).waitFor();
    await benForm.getByTestId("conflict").waitFor({ state: "detached" });
    expect(ben.errors).toEqual([]);
    await Promise.all([ana.context.close(), ben.context.close()]);
  });

  it("bulk price change is previewed then applied; grid view is remembered; the featured order is live", async () => {
    const { c, storeId } = await ownerClient(product);
    const owner = await openPage(browser);
    const mate = await openPage(browser);
    const { page } = owner;
    await signInOffline(page, `${product.dashboardUrl}/products`);
    await signInOffline(mate.page, `${product.dashboardUrl}/products`);
    const rows = page.getByTestId("product-row");
    await rows.first().waitFor({ timeout: 30_000 });
    await shoot(page, "list-table");

    // Quick edit: a typed "-5" is refused with the reason, not saved as 5.00.
    const firstId = (await rows.first().getAttribute("data-product-id")) as Id<"products">;
    const priceBefore = (await c.query(api.catalog.get, { storeId, productId: firstId }))!
      .priceCents;
    await rows
      .first()
      .getByRole("button", { name: /Quick edit/ })
      .click();
    const quick = page.getByTestId("quick-edit");
    await quick.getByLabel(/Price/).fill("-5");
    await quick.getByRole("button", { name: "Save" }).click();
    await quick.getByRole("alert").filter({ hasText: "negative" }).waitFor();
    await quick.getByLabel(/Price/).fill("99999999999");
    await quick.getByRole("button", { name: "Save" }).click();
    await quick.getByRole("alert").filter({ hasText: "too large" }).waitFor();
    await quick.getByRole("button", { name: "Cancel" }).click();
    await quick.waitFor({ state: "detached" });
    expect((await c.query(api.catalog.get, { storeId, productId: firstId }))!.priceCents).toBe(
      priceBefore,
    );

    const shelf = (p: Page) => p.getByTestId("featured-item");
    const ids: Id<"products">[] = [];
    for (let i = 0; i < 3; i++) {
      const row = rows.nth(i);
      ids.push((await row.getAttribute("data-product-id")) as Id<"products">);
      await row.getByRole("checkbox").check();
    }
    const before = await Promise.all(
      ids.map(async (productId) => (await c.query(api.catalog.get, { storeId, productId }))!),
    );
    await page.getByTestId("bulk-bar").getByRole("button", { name: "Change price" }).click();
    const priceForm = page.getByTestId("price-change-form");
    await priceForm.getByLabel("Direction").selectOption("down");
    await priceForm.getByLabel("By").fill("10");
    await priceForm.getByRole("button", { name: "Preview" }).click();
    const preview = page.getByTestId("bulk-preview");
    await preview.getByTestId("bulk-preview-row").nth(2).waitFor({ timeout: 10_000 });
    await shoot(page, "bulk-preview");
    const previewText = (await preview.textContent()) ?? "";
    const expected = before.map((p) => Math.round(p.priceCents * 0.9));
    for (const cents of expected) expect(previewText).toContain((cents / 100).toFixed(2));
    await page.getByRole("button", { name: /^Apply to 3 products$/ }).click();
    await page.getByTestId("toast").filter({ hasText: "3 products changed" }).waitFor();
    const after = await Promise.all(
      ids.map(async (productId) => (await c.query(api.catalog.get, { storeId, productId }))!),
    );
    expect(after.map((p) => p.priceCents)).toEqual(expected);

    // The demo seeds a shelf of four best sellers; this test builds its own from empty.
    for (const item of await c.query(api.catalog.featured, { storeId })) {
      await c.mutation(api.catalog.setFeaturedProduct, {
        storeId,
        productId: item._id,
        featured: false,
      });
    }
    await shelf(page).first().waitFor({ state: "detached", timeout: 10_000 });

    // Feature the three, then move the last one first: the teammate's page follows live.
    for (let i = 0; i < 3; i++) await rows.nth(i).getByRole("checkbox").check();
    await page.getByTestId("bulk-bar").getByRole("button", { name: "Feature" }).click();
    await shelf(mate.page).nth(2).waitFor({ timeout: 10_000 });
    const third = (await shelf(page).nth(2).textContent()) ?? "";
    const thirdTitle = after[2].title;
    expect(third).toContain(thirdTitle);
    await page.getByRole("button", { name: `Move ${thirdTitle} earlier` }).click();
    await shelf(page).nth(1).filter({ hasText: thirdTitle }).waitFor({ timeout: 10_000 });
    await page.getByRole("button", { name: `Move ${thirdTitle} earlier` }).click();
    await mate.page.waitForFunction(
      (t) => document.querySelector('[data-testid="featured-item"]')?.textContent?.includes(t),
      thirdTitle,
      { timeout: 10_000 },
    );
    const featured = await c.query(api.catalog.featured, { storeId });
    expect(featured.map((p) => p.title)).toEqual([after[2].title, after[0].title, after[1].title]);

    // Keyboard drag with dnd-kit: Space lifts the first, ArrowDown moves, Space drops.
    const handle = page.getByRole("button", { name: `Drag ${thirdTitle}` });
    await handle.focus();
    // dnd-kit measures the drop targets after the lift; keys a beat apart, as a person presses.
    for (const key of ["Space", "ArrowDown", "ArrowDown", "Space"]) {
      await page.keyboard.press(key);
      await page.waitForTimeout(250);
    }
    await expect
      .poll(async () => (await c.query(api.catalog.featured, { storeId }))[0].title, {
        timeout: 10_000,
      })
      .not.toBe(thirdTitle);

    await page.getByRole("button", { name: "Grid", exact: true }).click();
    await page.getByTestId("product-card").first().waitFor();
    await shoot(page, "list-grid");
    await page.reload();
    await page.getByTestId("product-card").first().waitFor({ timeout: 30_000 });
    expect(owner.errors).toEqual([]);
    await Promise.all([owner.context.close(), mate.context.close()]);
  });

  it("two members in one product's editor see each other editing", async () => {
    const { c, storeId } = await ownerClient(product);
    const ADA = { email: "ada@example.com", name: "Ada Admin", password: "ada admin pass 123" };
    const { path } = await c.action(api.team.invite, { storeId, email: ADA.email, role: "admin" });
    const owner = await openPage(browser);
    const ada = await openPage(browser);
    await ada.page.goto(product.dashboardUrl);
    await ada.page.getByRole("button", { name: "Create an account" }).click();
    await ada.page.getByLabel("Email").fill(ADA.email);
    await ada.page.getByLabel("Name").fill(ADA.name);
    await ada.page.getByLabel("Password").fill(ADA.password);
    await ada.page.getByRole("button", { name: "Create account" }).click();
    await ada.page.getByText("You are not a member of any store yet").waitFor({ timeout: 30_000 });
    await ada.page.goto(`${product.origin}${await mailedLink(product, "verify", ADA.email)}`);
    await ada.page.getByText("Your email is confirmed").waitFor();
    await ada.page.goto(`${product.origin}${path}`);
    await ada.page.getByRole("button", { name: /^Join / }).click();
    await ada.page.getByTestId("store-name").waitFor({ timeout: 30_000 });

    const list = await c.query(api.catalog.list, {
      storeId,
      paginationOpts: { numItems: 8, cursor: null },
    });
    const target = list.page[6];
    await signInOffline(owner.page, `${product.dashboardUrl}/products/${target._id}`);
    await ada.page.goto(`${product.dashboardUrl}/products/${target._id}`);
    for (const { page } of [owner, ada]) {
      await page.getByTestId("product-editor").waitFor({ timeout: 30_000 });
    }
    await owner.page
      .getByTestId("record-presence")
      .filter({ hasText: `${ADA.name} is editing` })
      .waitFor({ timeout: 15_000 });
    await ada.page
      .getByTestId("record-presence")
      .filter({ hasText: "Demo Owner is editing" })
      .waitFor({ timeout: 15_000 });
    await shoot(owner.page, "editor-presence");
    expect([...owner.errors, ...ada.errors]).toEqual([]);
    await Promise.all([owner.context.close(), ada.context.close()]);
  });
});

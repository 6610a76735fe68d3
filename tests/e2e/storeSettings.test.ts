// The store itself in Settings: an admin renames it and every open screen follows; the owner
// deletes it with the name typed back, lands in their other store (not a "you were removed"
// notice), and the deleted store's storefront answers 404.
import { ConvexHttpClient } from "convex/browser";
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { offlineToken, productForFile, signInOffline } from "./harness";

const { product, browser } = productForFile();

describe("store settings", () => {
  it("renames a store live, then deletes it with its name typed back", async () => {
    const client = new ConvexHttpClient(product.backendUrl);
    client.setAuth(await offlineToken(product.origin));
    await client.mutation(api.users.ensure, {});
    const { storeId } = await client.mutation(api.stores.create, {
      name: "Pop-up Shop",
      currency: "USD",
      timezone: "UTC",
    });

    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await signInOffline(page, product.dashboardUrl);
    await page.getByTestId("store-name").selectOption(storeId);
    await page.goto(`${product.dashboardUrl}/settings`);
    const name = page.getByLabel("Store name").first();
    await name.waitFor();
    await name.fill("Pop-up Shop Winter");
    await page.getByRole("button", { name: "Save store details" }).click();
    await expect
      .poll(async () => page.getByTestId("store-name").locator("option:checked").textContent())
      .toBe("Pop-up Shop Winter");

    // A wrong name is refused inside the dialog; the right one deletes the store.
    await page.getByRole("button", { name: /Delete Pop-up Shop Winter/ }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByLabel("Store name").fill("Pop-up");
    await dialog.getByRole("button", { name: "Delete store" }).click();
    await expect
      .poll(async () => dialog.getByRole("alert").textContent())
      .toContain("Type the store's name");
    await dialog.getByLabel("Store name").fill("Pop-up Shop Winter");
    await dialog.getByRole("button", { name: "Delete store" }).click();
    await expect
      .poll(async () => page.getByTestId("store-name").locator("option:checked").textContent())
      .toBe("Northwind Goods");
    expect(await page.getByTestId("removed-notice").count()).toBe(0);
    expect((await fetch(new URL("/s/pop-up-shop/", product.origin))).status).toBe(404);
    await page.close();
  });
});

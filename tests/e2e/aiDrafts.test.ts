// AI drafts in Chromium (offline engine): one member asks for a product's title and description
// in the editor, a second open dashboard sees the draft arrive live, labelled "Offline draft";
// accepting it writes the product (the accepting editor adopts it), and Undo restores it.
// Settings → AI names the offline engine. Screenshots at 1440/390.
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { openPage, ownerClient, productForFile, screenshots, signInOffline } from "./harness";

const { product, browser } = productForFile();
const shoot = screenshots("ai-shots");

describe("AI drafts", () => {
  it("streams a draft to every open editor, accepts it into the product, and undoes it", async () => {
    const { c, storeId } = await ownerClient(product);
    const list = await c.query(api.catalog.list, {
      storeId,
      paginationOpts: { numItems: 5, cursor: null },
    });
    const target = list.page[2];
    const url = `${product.dashboardUrl}/products/${target._id}`;
    const a = await openPage(browser);
    const b = await openPage(browser);
    await signInOffline(a.page, url);
    await signInOffline(b.page, url);
    for (const { page } of [a, b]) await page.getByTestId("ai-drafts").waitFor({ timeout: 30_000 });

    await a.page.getByRole("button", { name: "Write title and description" }).click();
    // The second dashboard sees it without reloading, labelled as offline.
    const seen = b.page.getByTestId("ai-draft").first();
    await seen.and(b.page.locator('[data-status="ready"]')).waitFor({ timeout: 20_000 });
    expect(await seen.getByTestId("ai-draft-label").textContent()).toBe("Offline draft");
    await shoot(b.page, "draft-ready");

    await b.page.getByTestId("ai-draft").first().getByRole("button", { name: "Accept" }).click();
    await a.page
      .getByTestId("ai-draft")
      .first()
      .and(a.page.locator('[data-status="accepted"]'))
      .waitFor({ timeout: 10_000 });
    const accepted = await c.query(api.catalog.get, { storeId, productId: target._id });
    expect(accepted!.description).not.toBe(target.description);
    expect(accepted!.description).toContain("\n- ");
    // The accepting editor adopted the new values (it had no edits of its own).
    await expect
      .poll(() => b.page.getByLabel("Description", { exact: true }).inputValue())
      .toBe(accepted!.description);
    await shoot(b.page, "draft-accepted");

    await a.page.getByTestId("ai-draft").first().getByRole("button", { name: "Undo" }).click();
    await b.page
      .getByTestId("ai-draft")
      .first()
      .and(b.page.locator('[data-status="undone"]'))
      .waitFor({ timeout: 10_000 });
    const undone = await c.query(api.catalog.get, { storeId, productId: target._id });
    expect({ title: undone!.title, description: undone!.description }).toEqual({
      title: target.title,
      description: target.description,
    });

    await a.page.goto(`${product.dashboardUrl}/settings`);
    await a.page.getByTestId("ai-settings").waitFor({ timeout: 20_000 });
    expect(await a.page.getByTestId("ai-provider").textContent()).toBe(
      "Offline drafts — set ANTHROPIC_API_KEY",
    );
    await shoot(a.page, "settings-ai");
    expect([...a.errors, ...b.errors]).toEqual([]);
    await a.context.close();
    await b.context.close();
  }, 120_000);
});

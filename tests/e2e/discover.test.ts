// Discover as two members meet it, in two browsers: the demo owner presses "Refresh now" (an
// ingestion run of the demo simulator) and both feeds show the changed cards within a second.
// A min price above the max is refused in words; the research drawer's calculator refuses a
// negative cost. Screenshots at 1440 and 390 px.
import { mkdirSync } from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { inviteTeammate, productForFile } from "./harness";

const { product, browser } = productForFile();
const SHOTS = process.env.DISCOVER_SHOTS ?? "/tmp/discover-shots";

const MATE = { email: "dee@example.com", name: "Dee Mate", password: "teammate pass 123" };

const invite = (owner: Page, mate: Page) => inviteTeammate(product, owner, mate, MATE, "staff");

/** Every card's id, score and growth, in order: what "the feed changed" means. */
const signature = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll('[data-testid="trend-card"]')]
      .map(
        (c) =>
          `${c.getAttribute("data-trend-id")}:${c.querySelector('[data-testid="trend-score"]')?.textContent}:${c.querySelector('[data-testid="trend-velocity"]')?.textContent}`,
      )
      .join("|"),
  );

async function changedWithin(page: Page, before: string, since: number) {
  await page.waitForFunction(
    (prev) =>
      [...document.querySelectorAll('[data-testid="trend-card"]')]
        .map(
          (c) =>
            `${c.getAttribute("data-trend-id")}:${c.querySelector('[data-testid="trend-score"]')?.textContent}:${c.querySelector('[data-testid="trend-velocity"]')?.textContent}`,
        )
        .join("|") !== prev,
    before,
    { timeout: 10_000, polling: 20 },
  );
  return Date.now() - since;
}

describe("discover", () => {
  it("a refresh reaches both members' feeds within a second; bad filters and amounts are refused in words", async () => {
    const [ownerCtx, mateCtx] = await Promise.all([browser.newContext(), browser.newContext()]);
    const owner = await ownerCtx.newPage();
    const mate = await mateCtx.newPage();
    await invite(owner, mate);
    for (const page of [owner, mate]) {
      await page.setViewportSize({ width: 1440, height: 900 });
      await page.goto(`${product.dashboardUrl}/discover`);
      await page.getByTestId("trend-card").first().waitFor({ timeout: 30_000 });
    }
    await expect(owner.getByTestId("demo-label").textContent()).resolves.toBe("Demo data");
    // Staff see the feed but not the admin's Refresh button or supplier costs.
    expect(await mate.getByTestId("refresh-now").count()).toBe(0);

    const [ownerBefore, mateBefore] = [await signature(owner), await signature(mate)];
    // Timed from the click's dispatch (Playwright's own actionability wait is not the app's).
    await owner.getByTestId("refresh-now").click();
    const clicked = Date.now();
    const [ownerMs, mateMs] = await Promise.all([
      changedWithin(owner, ownerBefore, clicked),
      changedWithin(mate, mateBefore, clicked),
    ]);
    console.log(`refresh seen by owner in ${ownerMs} ms, by the teammate in ${mateMs} ms`);
    expect(ownerMs).toBeLessThan(1_000);
    expect(mateMs).toBeLessThan(1_000);
    await expect(owner.getByTestId("last-refresh").textContent()).resolves.toMatch(/just now/);

    // A minimum above the maximum: a message, and the cards stay as they were.
    const filters = owner.getByTestId("discover-filters");
    await filters.getByLabel(/Min price/).fill("50");
    await filters.getByLabel(/Max price/).fill("10");
    await expect(owner.getByTestId("filter-problem").textContent()).resolves.toMatch(
      /minimum price is above the maximum/,
    );
    await filters.getByLabel(/Min price/).fill("");
    await filters.getByLabel(/Max price/).fill("");

    // Watch from a card; research it; a negative cost in the calculator is named.
    const first = owner.getByTestId("trend-card").first();
    await first.getByRole("button", { name: "Watch" }).click();
    await first.getByText("Watching").waitFor();
    await first.getByRole("button", { name: "Research" }).click();
    const drawer = owner.getByTestId("research-drawer");
    await drawer.getByText("Score factors").waitFor({ timeout: 10_000 });
    await drawer.getByTestId("calc-cost").fill("-4");
    await expect(drawer.getByRole("alert").textContent()).resolves.toMatch(
      /Supplier cost: .*negative/,
    );
    await drawer.getByTestId("calc-cost").fill("4.00");
    await drawer.getByTestId("calc-profit").waitFor();

    mkdirSync(SHOTS, { recursive: true });
    await owner.screenshot({ path: `${SHOTS}/research-1440.png` });
    await owner.keyboard.press("Escape");
    for (const width of [1440, 390]) {
      await owner.setViewportSize({ width, height: 900 });
      await owner.waitForTimeout(300);
      await owner.screenshot({
        path: `${SHOTS}/discover-${width}.png`,
        fullPage: width !== 390,
      });
    }
    await ownerCtx.close();
    await mateCtx.close();
  });
});

// The order board as two members meet it, in two browsers: the demo owner and an invited
// teammate each drag a card, and each sees the other's move within one second; an illegal drop
// snaps back with its reason; Shipped asks for a tracking number. Screenshots at 1440 and 390.
import { mkdirSync } from "node:fs";
import type { Locator, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { inviteTeammate, productForFile } from "./harness";

const { product, browser } = productForFile();
const SHOTS = process.env.BOARD_SHOTS ?? "/tmp/board-shots";

const MATE = { email: "mo@example.com", name: "Mo Mate", password: "teammate pass 123" };

const invite = (owner: Page, mate: Page) => inviteTeammate(product, owner, mate, MATE, "admin");

const column = (page: Page, status: string) => page.getByTestId(`board-column-${status}`);
const card = (page: Page, number: string) =>
  page.locator(`[data-testid="board-card"][data-number="${number}"]`);

/** Drags with the mouse, in steps, so dnd-kit's pointer sensor sees a real drag. */
async function drag(page: Page, from: Locator, to: Locator) {
  const a = (await from.boundingBox())!;
  const b = (await to.boundingBox())!;
  await page.mouse.move(a.x + a.width / 2, a.y + 12);
  await page.mouse.down();
  await page.mouse.move(a.x + a.width / 2 + 10, a.y + 20, { steps: 4 });
  await page.mouse.move(b.x + b.width / 2, b.y + 60, { steps: 12 });
  await page.mouse.up();
}

/** Milliseconds until `locator` is attached on `page`, from `since`. */
async function arrivesWithin(locator: Locator, since: number): Promise<number> {
  await locator.waitFor({ state: "attached", timeout: 5_000 });
  return Date.now() - since;
}

describe("order board", () => {
  it("two members move cards on one board and each sees the other's move within a second", async () => {
    const [ownerCtx, mateCtx] = await Promise.all([browser.newContext(), browser.newContext()]);
    const owner = await ownerCtx.newPage();
    const mate = await mateCtx.newPage();
    await invite(owner, mate);

    await owner.setViewportSize({ width: 1440, height: 900 });
    await mate.setViewportSize({ width: 1440, height: 900 });
    await owner.goto(`${product.dashboardUrl}/orders`);
    await mate.goto(`${product.dashboardUrl}/orders`);
    await column(owner, "new").getByTestId("board-card").first().waitFor({ timeout: 30_000 });
    await column(mate, "new").getByTestId("board-card").first().waitFor({ timeout: 30_000 });

    // The owner moves the newest New order to Processing; the mate's board shows it there.
    const first = column(owner, "new").getByTestId("board-card").first();
    const n1 = (await first.getAttribute("data-number"))!;
    await drag(owner, first, column(owner, "processing"));
    const droppedAt = Date.now();
    await column(owner, "processing").locator(`[data-number="${n1}"]`).waitFor();
    const seenByMate = await arrivesWithin(
      column(mate, "processing").locator(`[data-number="${n1}"]`),
      droppedAt,
    );
    expect(seenByMate).toBeLessThan(1_000);
    expect(await column(mate, "new").locator(`[data-number="${n1}"]`).count()).toBe(0);

    // The mate moves another New order to Processing; the owner sees it.
    const second = column(mate, "new").getByTestId("board-card").first();
    const n2 = (await second.getAttribute("data-number"))!;
    expect(n2).not.toBe(n1);
    await drag(mate, second, column(mate, "processing"));
    const mateDroppedAt = Date.now();
    const seenByOwner = await arrivesWithin(
      column(owner, "processing").locator(`[data-number="${n2}"]`),
      mateDroppedAt,
    );
    expect(seenByOwner).toBeLessThan(1_000);

    // An illegal drop (New straight to Delivered) snaps back with the reason.
    const third = column(owner, "new").getByTestId("board-card").first();
    const n3 = (await third.getAttribute("data-number"))!;
    await drag(owner, third, column(owner, "delivered"));
    await owner.getByText(`#${n3} stays new`).waitFor();
    expect(await column(owner, "new").locator(`[data-number="${n3}"]`).count()).toBe(1);

    // Shipped asks for the tracking number; a bad one is refused in the dialog.
    await drag(owner, card(owner, n1), column(owner, "shipped"));
    const dialog = owner.getByTestId("ship-dialog");
    await dialog.getByLabel("Tracking number").fill("123");
    await dialog.getByRole("button", { name: "Mark shipped" }).click();
    await dialog.getByRole("alert").waitFor();
    await dialog.getByLabel("Tracking number").fill("1Z999AA10123456784");
    await dialog.getByLabel("Carrier").fill("UPS");
    await dialog.getByRole("button", { name: "Mark shipped" }).click();
    await column(mate, "shipped").locator(`[data-number="${n1}"]`).waitFor({ timeout: 5_000 });

    // Screenshots from a fresh load at each width (a drag may have scrolled the board).
    mkdirSync(SHOTS, { recursive: true });
    for (const [width, height] of [
      [1440, 900],
      [390, 844],
    ]) {
      await owner.setViewportSize({ width, height });
      await owner.goto(`${product.dashboardUrl}/orders?view=board`);
      await column(owner, "delivered").getByTestId("board-card").first().waitFor();
      await owner.screenshot({ path: `${SHOTS}/board-${width}.png` });
      await owner.getByRole("button", { name: "List" }).click();
      await owner.getByTestId("order-row").first().waitFor();
      await owner.screenshot({ path: `${SHOTS}/list-${width}.png` });
    }
    // Nothing on the page is wider than the phone's screen but the board's own scroller.
    expect(await owner.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(
      390,
    );
    await ownerCtx.close();
    await mateCtx.close();
  });
});

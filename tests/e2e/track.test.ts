/**
 * Aftercare in Chromium: the team ships an order with a tracking number, the shopper opens
 * /track (server-rendered), sees the timeline with the carrier link and requests a return; the
 * team approves it on the order page with a double click, and the refund happens once.
 * Screenshots of both at 1440 and 390 px go to $SHOTS_DIR (default /tmp/aftercare-shots).
 */
import { ConvexHttpClient } from "convex/browser";
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { offlineToken, productForFile, signInOffline } from "./harness";

const { product, browser } = productForFile();
const SHOTS = process.env.SHOTS_DIR || "/tmp/aftercare-shots";

async function teamClient() {
  const c = new ConvexHttpClient(product.backendUrl);
  c.setAuth(await offlineToken(product.origin));
  await c.mutation(api.users.ensure, {});
  const me = await c.query(api.users.me, {});
  return { c, storeId: me!.stores[0].storeId };
}

describe("/track and returns", () => {
  it("shopper tracks and asks for a return; the team approves; one refund", async () => {
    const { c, storeId } = await teamClient();
    const { page } = await c.query(api.orders.list, {
      storeId,
      status: "processing",
      paginationOpts: { numItems: 1, cursor: null },
    });
    const order = page[0];
    expect(order, "the seed has a processing order").toBeDefined();
    await c.mutation(api.tracking.add, {
      storeId,
      orderId: order._id,
      trackingNumber: "1Z5R89390357567127",
    });

    // The shopper, on a phone.
    const shopper = await (
      await browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    const errors: string[] = [];
    shopper.on("pageerror", (e) => errors.push(e.message));
    await shopper.goto(`${product.origin}/track`);
    // Both fields are needed: a wrong email tells nothing about the order.
    await shopper.getByLabel("Order number").fill(String(order.number));
    await shopper.getByLabel("Email").fill("someone-else@example.com");
    await shopper.getByRole("button", { name: "Track" }).click();
    await expect
      .poll(() => shopper.getByTestId("track-message").textContent())
      .toBe("No order matches that number and email.");
    expect(await shopper.getByTestId("track-result").count()).toBe(0);

    await shopper.getByLabel("Email").fill(order.customer.email.toUpperCase());
    await shopper.getByRole("button", { name: "Track" }).click();
    await shopper.getByTestId("track-timeline").waitFor();
    const link = shopper.getByTestId("track-carrier-link");
    expect(await link.getAttribute("href")).toBe(
      "https://www.ups.com/track?tracknum=1Z5R89390357567127",
    );
    await shopper.screenshot({ path: `${SHOTS}/track-390.png`, fullPage: true });
    await shopper.setViewportSize({ width: 1440, height: 900 });
    await shopper.screenshot({ path: `${SHOTS}/track-1440.png`, fullPage: true });

    await shopper.getByRole("button", { name: "Return this order" }).click();
    await shopper.getByLabel("Why is it coming back?").fill("The lid is cracked");
    await shopper.getByRole("button", { name: "Request return" }).click();
    await shopper.getByText("Return requested — the store will reply soon").waitFor();
    expect(errors).toEqual([]);

    // The team, on the order page.
    const team = await (
      await browser.newContext({ viewport: { width: 1440, height: 900 } })
    ).newPage();
    await signInOffline(team, `${product.dashboardUrl}/orders/${order._id}`);
    await team.getByTestId("return-decision").waitFor({ timeout: 30_000 });
    await team.getByTestId("order-outbox").waitFor();
    expect(await team.getByTestId("order-outbox").textContent()).toContain("not sent");
    await team.screenshot({ path: `${SHOTS}/return-1440.png`, fullPage: true });
    // A phone-sized page opened fresh (resizing would leave the shell's drawer open over it).
    const phone = await (
      await browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    await signInOffline(phone, `${product.dashboardUrl}/orders/${order._id}`);
    await phone.getByTestId("return-decision").waitFor({ timeout: 30_000 });
    await phone.screenshot({ path: `${SHOTS}/return-390.png`, fullPage: true });
    await team.getByLabel("Note for the supplier").fill("Claim the cracked lid");
    await team.getByRole("button", { name: /Approve and refund/ }).dblclick();
    await team.getByTestId("return-outcome").waitFor();
    expect(await team.getByTestId("return-outcome").count()).toBe(1);
    expect(await team.getByTestId("return-outcome").textContent()).toMatch(/^Refunded/);

    const detail = (await c.query(api.orders.get, { storeId, orderId: order._id }))!;
    expect(detail.returns).toHaveLength(1);
    expect(detail.returns[0]).toMatchObject({
      status: "refunded",
      supplierNote: "Claim the cracked lid",
    });
    expect(detail.order.status).toBe("refunded");

    // The shopper sees it too.
    await shopper.reload();
    await shopper.getByText("Refunded", { exact: true }).first().waitFor();
  }, 180_000);
});

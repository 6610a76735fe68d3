/**
 * A shopper buys from the server-rendered storefront with the offline test payment, while the
 * team watches the orders list; plus what a tampered cart and a bad code look like.
 */
import { ConvexHttpClient } from "convex/browser";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { api } from "../../convex/_generated/api";
import { productForFile, signInOffline } from "./harness";

const { product, browser } = productForFile();

/** A single-option product with plenty of stock, read the way the storefront reads it. */
async function pickProduct(minStock: number) {
  const client = new ConvexHttpClient(product.backendUrl);
  const { page } = await client.query(api.storefront.products, {
    slug: "demo",
    paginationOpts: { numItems: 100, cursor: null },
  });
  const found = page.find((p) => p.variants.length === 1 && p.variants[0].stock >= minStock);
  if (!found) throw new Error("the seed has no single-option product with enough stock");
  return { client, found };
}

async function stockOf(client: ConvexHttpClient, productSlug: string): Promise<number> {
  const p = await client.query(api.storefront.product, { slug: "demo", productSlug });
  return p!.variants[0].stock;
}

async function fillDetails(page: Page) {
  await page.getByLabel("Email").fill("shopper@example.com");
  await page.getByLabel("Full name").fill("Ada Shopper");
  await page.getByLabel("Address", { exact: true }).fill("1 Test Street");
  await page.getByLabel("City").fill("Springfield");
  await page.getByLabel("Postal code").fill("12345");
  await page.getByLabel("Country code").fill("US");
}

describe("checkout", () => {
  it("a shopper pays with the test card: the order appears live on the open dashboard, stock goes down, the confirmation shows it", async () => {
    const { client, found } = await pickProduct(5);
    const stockBefore = await stockOf(client, found.slug);

    // The team's orders list, open before the purchase, never reloaded.
    const team = await (await browser.newContext()).newPage();
    await signInOffline(team, `${product.dashboardUrl}/orders?view=list`);
    await team.getByTestId("order-row").first().waitFor({ timeout: 30_000 });
    await team.evaluate(() => {
      (window as unknown as { __noReload: boolean }).__noReload = true;
    });

    const shopper = await (
      await browser.newContext({ viewport: { width: 390, height: 844 } })
    ).newPage();
    const errors: string[] = [];
    shopper.on("pageerror", (e) => errors.push(e.message));
    await shopper.goto(`${product.origin}/p/${found.slug}`);
    await shopper.getByRole("combobox", { name: "Quantity" }).selectOption("2");
    await shopper.getByRole("button", { name: "Add to cart" }).click();
    await shopper.getByText("Added to your cart.").waitFor();
    expect(await shopper.getByTestId("cart-count").textContent()).toBe("2");

    // The cart survives a reload (localStorage) and is priced by the server.
    await shopper.goto(`${product.origin}/cart`);
    await shopper.reload();
    const line = shopper.getByTestId("cart-line");
    await line.waitFor({ timeout: 15_000 });
    expect(await line.textContent()).toContain(found.title);
    expect(await shopper.getByTestId("line-quantity").textContent()).toBe("2");
    await shopper.getByTestId("go-checkout").click();

    await shopper.waitForURL(/\/checkout$/);
    await shopper.getByTestId("test-payment-banner").waitFor({ timeout: 15_000 });
    expect(await shopper.getByTestId("test-payment-banner").textContent()).toContain(
      "Test payment — no real card is charged",
    );
    // An expired code says so; a good one lowers the total.
    const totalText = async () => (await shopper.getByTestId("total").textContent()) ?? "";
    const fullTotal = await totalText();
    await shopper.getByPlaceholder("Discount code").fill("SUMMER15");
    await shopper.getByRole("button", { name: "Apply" }).click();
    await expect.poll(() => shopper.getByTestId("coupon-problem").textContent()).toMatch(/expired/);
    await shopper.getByPlaceholder("Discount code").fill("WELCOME10");
    await shopper.getByRole("button", { name: "Apply" }).click();
    await expect.poll(totalText).not.toBe(fullTotal);

    // Bad details are refused with a reason before anything is held.
    await shopper.getByRole("button", { name: "Continue to payment" }).click();
    expect(await shopper.getByTestId("checkout-problem").textContent()).toContain("email");
    await fillDetails(shopper);
    await shopper.getByRole("button", { name: "Continue to payment" }).click();
    const card = shopper.getByLabel("Card number");
    await card.waitFor({ timeout: 15_000 });

    // The declining test card is declined and changes nothing; the good one pays.
    await card.fill("4000 0000 0000 0002");
    await shopper.getByRole("button", { name: /^Pay .*\(test\)$/ }).click();
    await expect
      .poll(() => shopper.getByTestId("checkout-problem").textContent())
      .toContain("declined");
    await card.fill("4242 4242 4242 4242");
    await shopper.getByRole("button", { name: /^Pay .*\(test\)$/ }).click();

    await shopper.waitForURL(/\/order\/[^/]+$/, { timeout: 20_000 });
    const confirmation = shopper.getByTestId("order-confirmation");
    await confirmation.waitFor();
    const orderNumber = (await shopper.getByTestId("order-number").textContent())!.trim();
    expect(orderNumber).toMatch(/^#\d+$/);
    expect(await confirmation.textContent()).toContain(found.title);
    // The confirmation is in the HTML itself (rendered on the server).
    const html = await (await fetch(shopper.url())).text();
    expect(html).toContain(orderNumber.slice(1));
    expect(await shopper.getByTestId("cart-count").textContent()).toBe("0");

    // The team sees it without reloading; the stock went down by what was bought.
    await team
      .getByTestId("order-row")
      .filter({ hasText: orderNumber })
      .waitFor({ timeout: 15_000 });
    expect(
      await team.evaluate(() => (window as unknown as { __noReload?: boolean }).__noReload),
    ).toBe(true);
    expect(await stockOf(client, found.slug)).toBe(stockBefore - 2);
    expect(errors).toEqual([]);
    await team.context().close();
    await shopper.context().close();
  });

  it("a tampered cart is repaired by the server's prices and the shopper is told what changed", async () => {
    const { found } = await pickProduct(1);
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${product.origin}/cart`);
    const sku = found.variants[0].sku;
    await page.evaluate(
      ([productId, sku]) => {
        localStorage.setItem(
          "sf_cart:demo",
          JSON.stringify([
            // Edited price: the shopper "saw" one cent.
            { productId, sku, quantity: 1, seenPriceCents: 1 },
            // Negative quantity and junk: dropped when read.
            { productId, sku: "other", quantity: -3 },
            "junk",
            // A product id that is not one: the server refuses it, the cart drops it.
            { productId: "notarealproductid0000000000000000", sku: "x", quantity: 1 },
          ]),
        );
      },
      [found._id, sku],
    );
    await page.reload();
    await page.getByTestId("cart-line").waitFor({ timeout: 20_000 });
    const changes = await page.getByTestId("price-changes").textContent();
    expect(changes).toContain("was $0.01");
    await expect
      .poll(() => page.getByTestId("cart-dropped").textContent(), { timeout: 15_000 })
      .toMatch(/3 items in your saved cart were not valid/);
    expect(await page.getByTestId("cart-line").count()).toBe(1);
    // What is left is one real line at the real price.
    const stored = await page.evaluate(() => JSON.parse(localStorage.getItem("sf_cart:demo")!));
    expect(stored).toHaveLength(1);
    expect((stored as Array<Record<string, unknown>>)[0]).toMatchObject({
      productId: found._id,
      sku,
      quantity: 1,
    });
    await context.close();
  });
});

// Offline accounts as a person meets them: a wrong password is refused with a reason, a new
// account signs up and lands in an empty workspace, a forgotten password is reset through the
// link the server "mails" (its log), and a page on another site cannot sign anyone in.
import { describe, expect, it } from "vitest";
import { DEMO_OWNER, mailedLink, productForFile, signInOffline } from "./harness";

const { product, browser } = productForFile();

describe("offline accounts", () => {
  it("refuses a wrong password with a reason and no session", async () => {
    const page = await browser.newPage();
    await page.goto(product.dashboardUrl);
    await page.getByLabel("Email").fill(DEMO_OWNER.email);
    await page.getByLabel("Password").fill("not the password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect
      .poll(async () => page.getByRole("alert").textContent())
      .toContain("Wrong email or password.");
    expect(await page.evaluate(() => sessionStorage.length)).toBe(0);
    await page.close();
  });

  it("signs up, lands in an empty workspace, and resets a forgotten password", async () => {
    const email = "newcomer@example.com";
    const page = await browser.newPage();
    await page.goto(product.dashboardUrl);
    await page.getByRole("button", { name: "Create an account" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name").fill("Nia Newcomer");
    await page.getByLabel("Password").fill("short");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect.poll(async () => page.getByRole("alert").textContent()).toContain("at least 10");
    await page.getByLabel("Password").fill("first password 123");
    await page.getByRole("button", { name: "Create account" }).click();
    await page.getByText("You are not a member of any store yet").waitFor({ timeout: 30_000 });
    expect(await mailedLink(product, "verify", email)).toMatch(/^\/dashboard\/verify\?token=/);
    await page.getByRole("button", { name: "Sign out" }).click();

    // Forgot the password: the reset link arrives in the offline outbox (the server log).
    await page.getByRole("heading", { name: "Sign in" }).waitFor();
    await page.getByRole("button", { name: "Forgot password?" }).click();
    await page.getByLabel("Email").fill(email);
    await page.getByRole("button", { name: "Send reset link" }).click();
    await page.getByText("a reset link is on its way").waitFor();
    const link = await mailedLink(product, "reset", email);
    await page.goto(`${product.origin}${link}`);
    await page.getByLabel("New password").fill("second password 456");
    await page.getByRole("button", { name: "Save password" }).click();
    await page.getByText("Your password is changed").waitFor();

    // The link worked once; the new password signs in, the old one does not.
    const again = await fetch(`${product.origin}/auth/offline/reset`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        token: new URL(link, "http://x").searchParams.get("token"),
        password: "third password 789",
      }),
    });
    expect(again.status).toBe(400);
    expect(((await again.json()) as { error: { message: string } }).error.message).toMatch(
      /already used/,
    );
    await page.goto(product.dashboardUrl);
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Password").fill("first password 123");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect
      .poll(async () => page.getByRole("alert").textContent())
      .toContain("Wrong email or password.");
    await page.getByLabel("Password").fill("second password 456");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await page.getByText("You are not a member of any store yet").waitFor({ timeout: 30_000 });
    await page.close();
  });

  it("refuses sign-in from another site's page", async () => {
    const res = await fetch(`${product.origin}/auth/offline/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: "http://evil.example" },
      body: JSON.stringify(DEMO_OWNER),
    });
    expect(res.status).toBe(403);
    const ok = await fetch(`${product.origin}/auth/offline/sign-in`, {
      method: "POST",
      headers: { "content-type": "application/json", origin: product.origin },
      body: JSON.stringify(DEMO_OWNER),
    });
    expect(ok.status).toBe(200);
  });

  it("keeps the session when a page is left while its token refresh is under way", async () => {
    const page = await browser.newPage();
    const refreshes: string[] = [];
    page.on("request", (r) => {
      if (r.url().includes("/auth/offline/refresh")) refreshes.push(r.url());
    });
    await signInOffline(page, product.dashboardUrl);
    // A reload reuses the stored token: no refresh (each one rotates the secret).
    await page.reload();
    await page.getByTestId("store-name").waitFor({ timeout: 30_000 });
    await page.waitForTimeout(1_500);
    expect(refreshes).toEqual([]);

    // Make the stored token due, so the next load refreshes; the server rotates the secret but
    // the page is left before the answer arrives.
    const due = () =>
      page.evaluate(() => {
        const key = "commandCenter.offlineSession";
        const s = JSON.parse(sessionStorage.getItem(key)!);
        sessionStorage.setItem(key, JSON.stringify({ ...s, expiresAt: Date.now() }));
      });
    const storedSecret = () =>
      page.evaluate(
        () => JSON.parse(sessionStorage.getItem("commandCenter.offlineSession")!).refreshToken,
      );
    const before = await storedSecret();
    await due();
    let rotated!: () => void;
    const serverRotated = new Promise<void>((r) => {
      rotated = r;
    });
    await page.route("**/auth/offline/refresh", async (route) => {
      await route.fetch(); // reaches the server, which rotates
      rotated();
      // …and the answer never reaches the page.
    });
    await page.reload({ waitUntil: "commit" });
    await serverRotated;
    await page.unroute("**/auth/offline/refresh");
    await page.reload();
    // Still signed in: the old secret still worked (within its grace) and was rotated again.
    await page.getByTestId("store-name").waitFor({ timeout: 30_000 });
    expect(await storedSecret()).not.toBe(before);
    await page.close();
  });
});

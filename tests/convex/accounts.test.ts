// Offline accounts: passwords are hashed, sessions rotate, links work once, and guessing is
// throttled. Every refusal says why and changes nothing it should not.
import { describe, expect, test, vi } from "vitest";
import { internal } from "../../convex/_generated/api";
import { errorKind } from "../../convex/model/errors";
import { MAX_FAILURES } from "../../convex/model/throttle";
import { makeTest, type T } from "./setup";

const ANA = { email: "Ana@Example.com", password: "a long enough secret", name: "Ana" };

async function failure(promise: Promise<unknown>): Promise<{ kind?: string; message: string }> {
  try {
    await promise;
  } catch (error) {
    const data = (error as { data?: { message?: string } }).data;
    return { kind: errorKind(error), message: data?.message ?? String(error) };
  }
  return { message: "no error" };
}

const tokenOf = (path: string) => new URL(path, "http://x").searchParams.get("token")!;
const signIn = (t: T, password = ANA.password) =>
  t.action(internal.accounts.signIn, { email: ANA.email, password });

describe("offline accounts", () => {
  test("sign-up stores a hash, not the password, and opens an unverified session", async () => {
    const t = makeTest();
    const { session, verifyPath } = await t.action(internal.accounts.signUp, ANA);
    expect(session).toMatchObject({ email: "ana@example.com", name: "Ana", emailVerified: false });
    const rows = await t.run(async (ctx) => ({
      accounts: await ctx.db.query("accounts").collect(),
      outbox: await ctx.db.query("outbox").collect(),
      sessions: await ctx.db.query("authSessions").collect(),
    }));
    expect(rows.accounts[0].passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(JSON.stringify(rows)).not.toContain(ANA.password);
    expect(JSON.stringify(rows.sessions)).not.toContain(session.refreshToken);
    expect(rows.outbox).toEqual([
      expect.objectContaining({ to: "ana@example.com", subject: "Confirm your email address" }),
    ]);

    const verified = await t.action(internal.accounts.verifyEmail, { token: tokenOf(verifyPath) });
    expect(verified.email).toBe("ana@example.com");
    expect((await signIn(t)).emailVerified).toBe(true);
    expect(
      (await failure(t.action(internal.accounts.verifyEmail, { token: tokenOf(verifyPath) })))
        .message,
    ).toMatch(/already used/);
  });

  test("bad sign-ups are refused: taken address, short password, not an email", async () => {
    const t = makeTest();
    await t.action(internal.accounts.signUp, ANA);
    const attempt = (args: typeof ANA) => failure(t.action(internal.accounts.signUp, args));
    expect(await attempt({ ...ANA, email: "ana@example.com" })).toMatchObject({ kind: "CONFLICT" });
    expect(await attempt({ ...ANA, email: "bo@example.com", password: "short" })).toMatchObject({
      kind: "INVALID",
      message: expect.stringMatching(/at least 10 characters/),
    });
    expect(await attempt({ ...ANA, email: "x".repeat(5_000) })).toMatchObject({ kind: "INVALID" });
    expect(await t.run(async (ctx) => (await ctx.db.query("accounts").collect()).length)).toBe(1);
  });

  test("a five-thousand-character address at sign-in is refused with its length, not tried", async () => {
    const t = makeTest();
    await t.action(internal.accounts.signUp, ANA);
    const email = `${"a".repeat(5_000)}@example.com`;
    expect(
      await failure(t.action(internal.accounts.signIn, { email, password: ANA.password })),
    ).toEqual({
      kind: "INVALID",
      message: "An email address has at most 254 characters; this one has 5012.",
    });
    expect(await failure(t.action(internal.accounts.requestReset, { email }))).toMatchObject({
      kind: "INVALID",
    });
    // Nothing was recorded: no throttle row, no reset mail (only the sign-up's verify mail).
    const rows = await t.run(async (ctx) => ({
      throttle: (await ctx.db.query("authThrottle").collect()).length,
      outbox: (await ctx.db.query("outbox").collect()).length,
    }));
    expect(rows).toEqual({ throttle: 0, outbox: 1 });
  });

  test("a wrong password and an unknown address read the same; guessing locks the address", async () => {
    const t = makeTest();
    await t.action(internal.accounts.signUp, ANA);
    const wrong = await failure(signIn(t, "not the password"));
    const unknown = await failure(
      t.action(internal.accounts.signIn, { email: "who@example.com", password: "whatever!!" }),
    );
    expect(wrong).toEqual({ kind: "UNAUTHENTICATED", message: "Wrong email or password." });
    expect(unknown).toEqual(wrong);
    for (let i = 1; i < MAX_FAILURES; i++) await failure(signIn(t, `guess number ${i}`));
    const locked = await failure(signIn(t));
    expect(locked.kind).toBe("RATE_LIMITED");
    expect(locked.message).toMatch(/Try again in 15 minutes, or reset your password/);
  });

  test("a refresh secret is rotated; the old one works 30 s more (a lost answer), then never; sign-out ends it", async () => {
    vi.useFakeTimers({ toFake: ["Date"] });
    try {
      const t = makeTest();
      const { session } = await t.action(internal.accounts.signUp, ANA);
      const refresh = (refreshToken: string) =>
        t.action(internal.accounts.refresh, { refreshToken });
      const next = await refresh(session.refreshToken);
      expect(next.refreshToken).not.toBe(session.refreshToken);
      // The page that sent that refresh was left before the answer came: its old secret still
      // works once the next page loads, and rotates again (so `next` is replaced).
      vi.advanceTimersByTime(10_000);
      const again = await refresh(session.refreshToken);
      expect(again.refreshToken).not.toBe(next.refreshToken);
      expect(await failure(refresh(next.refreshToken))).toMatchObject({ kind: "UNAUTHENTICATED" });
      // The grace counts from the first rotation and never extends itself.
      vi.advanceTimersByTime(21_000);
      expect(await failure(refresh(session.refreshToken))).toMatchObject({
        kind: "UNAUTHENTICATED",
      });
      const latest = await refresh(again.refreshToken);
      await t.action(internal.accounts.signOut, { refreshToken: latest.refreshToken });
      expect(await failure(refresh(latest.refreshToken))).toMatchObject({
        kind: "UNAUTHENTICATED",
        message: expect.stringMatching(/Sign in again/),
      });
      // Signed out: the secret it replaced a moment ago does not bring the session back.
      expect(await failure(refresh(again.refreshToken))).toMatchObject({ kind: "UNAUTHENTICATED" });
    } finally {
      vi.useRealTimers();
    }
  });

  test("a reset link sets a new password once, ends every session and lifts a lock", async () => {
    const t = makeTest();
    const { session } = await t.action(internal.accounts.signUp, ANA);
    for (let i = 0; i < MAX_FAILURES; i++) await failure(signIn(t, `guess number ${i}`));
    expect(await t.action(internal.accounts.requestReset, { email: "nobody@example.com" })).toBe(
      null,
    );
    const path = await t.action(internal.accounts.requestReset, { email: " ANA@example.com" });
    const token = tokenOf(path!);
    const reset = (password: string) =>
      t.action(internal.accounts.resetPassword, { token, password });
    expect(await failure(reset("short"))).toMatchObject({ kind: "INVALID" });
    await reset("a brand new secret");
    expect(await failure(reset("another new secret"))).toMatchObject({
      message: expect.stringMatching(/already used/),
    });
    expect(await failure(signIn(t))).toMatchObject({ kind: "UNAUTHENTICATED" });
    expect((await signIn(t, "a brand new secret")).emailVerified).toBe(true);
    expect(
      await failure(t.action(internal.accounts.refresh, { refreshToken: session.refreshToken })),
    ).toMatchObject({ kind: "UNAUTHENTICATED" });
  });

  test("the demo owner's account is created once, verified", async () => {
    const t = makeTest();
    const demo = { email: "owner@demo.store", password: "northwind-demo", name: "Demo Owner" };
    await t.action(internal.accounts.ensureDemoAccount, demo);
    await t.action(internal.accounts.ensureDemoAccount, { ...demo, password: "changed-later" });
    const session = await t.action(internal.accounts.signIn, {
      email: demo.email,
      password: demo.password,
    });
    expect(session.emailVerified).toBe(true);
    expect(await t.run(async (ctx) => (await ctx.db.query("accounts").collect()).length)).toBe(1);
  });
});

// A team working together: creating a store, inviting by single-use link, roles, removal,
// hand-over, presence and the activity feed. Every refusal changes nothing.
import { afterEach, describe, expect, test, vi } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { PRESENCE_TTL_MS } from "../../convex/model/presence";
import { INVITE_TTL_MS } from "../../convex/model/team";
import { makeTest, type T, kindOf } from "./setup";

const person = (name: string, verified = true) => ({
  subject: name,
  issuer: "https://auth.test",
  email: `${name}@team.test`,
  emailVerified: verified,
  name: name[0].toUpperCase() + name.slice(1),
});
const ANA = person("ana");
const BEN = person("ben");
const CY = person("cy");
const EVE = person("eve");

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    const data = (error as { data?: { message?: string } }).data;
    return data?.message ?? String(error);
  }
  return "no error";
}

/** Ana's store, with Ben as admin and Cy as staff (each joined through a link). */
async function team(t: T) {
  const { storeId } = await t.withIdentity(ANA).mutation(api.stores.create, {
    name: "Ana's Atelier",
    currency: "eur",
    timezone: "Europe/Lisbon",
  });
  for (const [who, role] of [
    [BEN, "admin"],
    [CY, "staff"],
  ] as const) {
    const { path } = await t
      .withIdentity(ANA)
      .action(api.team.invite, { storeId, email: who.email, role });
    await t.withIdentity(who).action(api.invites.accept, { token: path.split("/").at(-1)! });
  }
  const { members } = await t.withIdentity(ANA).query(api.team.overview, { storeId });
  const memberOf = (who: typeof ANA) => members.find((m) => m.email === who.email)!.memberId;
  return { storeId, memberOf };
}

const snapshot = (t: T) =>
  t.run(async (ctx) => ({
    members: await ctx.db.query("members").collect(),
    invites: await ctx.db.query("invites").collect(),
  }));

afterEach(() => {
  vi.useRealTimers();
});

describe("stores", () => {
  test("the founder owns a new store; names get free slugs; bad input is refused", async () => {
    const t = makeTest();
    const first = await t
      .withIdentity(ANA)
      .mutation(api.stores.create, { name: "Blue Shop", currency: "usd", timezone: "UTC" });
    await t
      .withIdentity(BEN)
      .mutation(api.stores.create, { name: "Blue Shop!", currency: "USD", timezone: "UTC" });
    const slugs = await t.run(async (ctx) =>
      (await ctx.db.query("stores").collect()).map((s) => s.slug),
    );
    expect(slugs).toEqual(["blue-shop", "blue-shop-2"]);
    const me = await t.withIdentity(ANA).query(api.users.me, {});
    expect(me?.stores).toEqual([
      expect.objectContaining({ storeId: first.storeId, role: "owner", currency: "USD" }),
    ]);
    const overview = await t.withIdentity(ANA).query(api.dashboard.overview, {
      storeId: first.storeId,
    });
    expect(overview.orders.allTime).toBe(0);

    const create = (args: { name: string; currency: string; timezone: string }) =>
      kindOf(t.withIdentity(ANA).mutation(api.stores.create, args));
    expect(await create({ name: "X", currency: "USD", timezone: "UTC" })).toBe("INVALID");
    expect(await create({ name: "Fine name", currency: "DOLLARS", timezone: "UTC" })).toBe(
      "INVALID",
    );
    expect(await create({ name: "Fine name", currency: "USD", timezone: "Mars/Base" })).toBe(
      "INVALID",
    );
    expect(await t.run(async (ctx) => (await ctx.db.query("stores").collect()).length)).toBe(2);
  });
});

describe("invites", () => {
  test("a link works once, for the invited verified address only", async () => {
    const t = makeTest();
    const { storeId } = await t
      .withIdentity(ANA)
      .mutation(api.stores.create, { name: "Ana's Atelier", currency: "EUR", timezone: "UTC" });
    const { path } = await t
      .withIdentity(ANA)
      .action(api.team.invite, { storeId, email: " Ben@Team.test ", role: "staff" });
    const token = path.split("/").at(-1)!;

    const stored = await snapshot(t);
    expect(JSON.stringify(stored.invites)).not.toContain(token); // only its hash is kept
    const outbox = await t.run(async (ctx) => ctx.db.query("outbox").collect());
    expect(outbox).toEqual([expect.objectContaining({ to: "ben@team.test", status: "queued" })]);

    expect(await t.action(api.invites.describe, { token })).toMatchObject({
      ok: true,
      storeName: "Ana's Atelier",
      role: "staff",
    });
    // Not signed in, another address, an unverified address: refused, nothing changes.
    expect(await kindOf(t.action(api.invites.accept, { token }))).toBe("UNAUTHENTICATED");
    expect(await messageOf(t.withIdentity(EVE).action(api.invites.accept, { token }))).toMatch(
      /This invite is for ben@team.test/,
    );
    const unverifiedBen = { ...BEN, emailVerified: false };
    expect(
      await messageOf(t.withIdentity(unverifiedBen).action(api.invites.accept, { token })),
    ).toMatch(/Verify your email/);
    expect((await snapshot(t)).members).toEqual(stored.members);

    // Signing in does not join by itself: a link invite is accepted through its link.
    expect((await t.withIdentity(BEN).mutation(api.users.ensure, {})).claimedStoreIds).toEqual([]);
    await t.withIdentity(BEN).action(api.invites.accept, { token });
    const ben = await t.withIdentity(BEN).query(api.users.me, {});
    expect(ben?.stores).toEqual([expect.objectContaining({ storeId, role: "staff" })]);
    expect(await messageOf(t.withIdentity(BEN).action(api.invites.accept, { token }))).toMatch(
      /already used/,
    );
    expect(await t.action(api.invites.describe, { token })).toMatchObject({ ok: false });
    expect(
      await messageOf(t.withIdentity(BEN).action(api.invites.accept, { token: "nope" })),
    ).toMatch(/not valid/);
  });

  test("an expired or withdrawn link is refused", async () => {
    vi.useFakeTimers();
    const t = makeTest();
    const { storeId } = await t
      .withIdentity(ANA)
      .mutation(api.stores.create, { name: "Ana's Atelier", currency: "EUR", timezone: "UTC" });
    const invite = (email: string) =>
      t.withIdentity(ANA).action(api.team.invite, { storeId, email, role: "staff" });
    const late = await invite(BEN.email);
    const withdrawn = await invite(CY.email);
    await t
      .withIdentity(ANA)
      .mutation(api.team.revokeInvite, { storeId, inviteId: withdrawn.inviteId });
    vi.advanceTimersByTime(INVITE_TTL_MS + 1_000);
    const accept = (who: typeof BEN, path: string) =>
      messageOf(t.withIdentity(who).action(api.invites.accept, { token: path.split("/").at(-1)! }));
    expect(await accept(BEN, late.path)).toMatch(/expired/);
    expect(await accept(CY, withdrawn.path)).toMatch(/withdrawn/);
    expect((await snapshot(t)).members).toHaveLength(1);
  });

  test("invites respect roles: staff cannot invite, nobody invites an owner, members are not re-invited", async () => {
    const t = makeTest();
    const { storeId } = await team(t);
    const invite = (who: typeof ANA, email: string, role: "owner" | "admin" | "staff") =>
      messageOf(t.withIdentity(who).action(api.team.invite, { storeId, email, role }));
    expect(await invite(CY, EVE.email, "staff")).toMatch(
      /needs the admin role \(or owner\); you are staff/,
    );
    expect(await invite(BEN, EVE.email, "owner")).toMatch(/Transfer ownership/);
    expect(await invite(ANA, CY.email, "admin")).toMatch(/already a member/);
    expect(await invite(ANA, "not an email", "staff")).toMatch(/not an email address/);
  });
});

describe("roles and membership", () => {
  test("owner manages admins and staff; admins manage staff only; refusals change nothing", async () => {
    const t = makeTest();
    const { storeId, memberOf } = await team(t);
    const before = await snapshot(t);
    const as = (who: typeof ANA) => t.withIdentity(who);
    expect(
      await messageOf(
        as(BEN).mutation(api.team.changeRole, { storeId, memberId: memberOf(ANA), role: "staff" }),
      ),
    ).toMatch(/owner's membership/);
    expect(
      await kindOf(
        as(CY).mutation(api.team.changeRole, { storeId, memberId: memberOf(BEN), role: "staff" }),
      ),
    ).toBe("FORBIDDEN");
    expect(
      await kindOf(
        as(BEN).mutation(api.team.changeRole, { storeId, memberId: memberOf(BEN), role: "staff" }),
      ),
    ).toBe("FORBIDDEN");
    expect(await kindOf(as(ANA).mutation(api.team.leave, { storeId }))).toBe("FORBIDDEN");
    expect(await snapshot(t)).toEqual(before);

    await as(BEN).mutation(api.team.changeRole, { storeId, memberId: memberOf(CY), role: "admin" });
    expect(
      await messageOf(as(BEN).mutation(api.team.remove, { storeId, memberId: memberOf(CY) })),
    ).toMatch(/Only the owner can change an admin/);
    await as(ANA).mutation(api.team.remove, { storeId, memberId: memberOf(CY) });
    // A removed member's next call is refused.
    expect(await kindOf(as(CY).query(api.team.overview, { storeId }))).toBe("FORBIDDEN");
  });

  test("the owner hands over the store and stays on as admin; others may leave", async () => {
    const t = makeTest();
    const { storeId, memberOf } = await team(t);
    expect(
      await kindOf(
        t
          .withIdentity(BEN)
          .mutation(api.team.transferOwnership, { storeId, memberId: memberOf(BEN) }),
      ),
    ).toBe("FORBIDDEN");
    await t
      .withIdentity(ANA)
      .mutation(api.team.transferOwnership, { storeId, memberId: memberOf(BEN) });
    const { members } = await t.withIdentity(BEN).query(api.team.overview, { storeId });
    expect(members.map((m) => [m.email, m.role])).toEqual([
      [BEN.email, "owner"],
      [ANA.email, "admin"],
      [CY.email, "staff"],
    ]);
    await t.withIdentity(CY).mutation(api.team.leave, { storeId });
    expect(await kindOf(t.withIdentity(CY).query(api.team.overview, { storeId }))).toBe(
      "FORBIDDEN",
    );
  });
});

describe("presence", () => {
  test("a heartbeat shows where a member is; silence removes them after the TTL", async () => {
    vi.useFakeTimers();
    const t = makeTest();
    const { storeId } = await team(t);
    await t.withIdentity(BEN).mutation(api.presence.heartbeat, {
      storeId,
      path: "/dashboard/orders/abc",
      recordId: "abc",
      editing: true,
    });
    const seen = await t.withIdentity(ANA).query(api.presence.list, { storeId });
    expect(seen).toEqual([
      expect.objectContaining({
        name: "Ben",
        path: "/dashboard/orders/abc",
        editing: true,
        isYou: false,
      }),
    ]);
    // A later beat keeps the row: the first beat's expiry finds it moved on.
    vi.advanceTimersByTime(PRESENCE_TTL_MS - 5_000);
    await t.withIdentity(BEN).mutation(api.presence.heartbeat, { storeId, path: "/dashboard" });
    vi.advanceTimersByTime(6_000);
    await t.finishInProgressScheduledFunctions();
    expect(await t.withIdentity(ANA).query(api.presence.list, { storeId })).toHaveLength(1);
    vi.advanceTimersByTime(PRESENCE_TTL_MS);
    await t.finishInProgressScheduledFunctions();
    expect(await t.withIdentity(ANA).query(api.presence.list, { storeId })).toEqual([]);
    expect(
      await kindOf(
        t.withIdentity(BEN).mutation(api.presence.heartbeat, { storeId, path: "https://evil" }),
      ),
    ).toBe("INVALID");
  });

  test("an old beat's expiry is a no-op", async () => {
    const t = makeTest();
    const { storeId } = await team(t);
    await t.withIdentity(BEN).mutation(api.presence.heartbeat, { storeId, path: "/dashboard" });
    await t.withIdentity(BEN).mutation(api.presence.heartbeat, { storeId, path: "/dashboard" });
    const row = await t.run(async (ctx) => (await ctx.db.query("presence").collect())[0]);
    await t.mutation(internal.presence.expire, { presenceId: row._id, beat: 1 });
    expect(await t.withIdentity(ANA).query(api.presence.list, { storeId })).toHaveLength(1);
  });
});

describe("activity", () => {
  test("the feed lists team changes newest first, by person and by kind", async () => {
    const t = makeTest();
    const { storeId } = await team(t);
    const page = { numItems: 50, cursor: null };
    const all = await t
      .withIdentity(CY)
      .query(api.activity.list, { storeId, paginationOpts: page });
    expect(all.page.map((e) => e.action)).toEqual([
      "member.join",
      "member.invite",
      "member.join",
      "member.invite",
      "store.create",
    ]);
    expect(all.page[0]).toMatchObject({ actorName: "Cy", actorKind: "user" });
    const users = await t.run(async (ctx) => ctx.db.query("users").collect());
    const ana = users.find((u) => u.email === ANA.email)!._id as Id<"users">;
    const byAna = await t
      .withIdentity(CY)
      .query(api.activity.list, { storeId, actorId: ana, paginationOpts: page });
    expect(byAna.page.every((e) => e.actorId === ana)).toBe(true);
    expect(byAna.page).toHaveLength(3);
    const invites = await t
      .withIdentity(CY)
      .query(api.activity.list, { storeId, targetTable: "invites", paginationOpts: page });
    expect(invites.page.map((e) => e.action)).toEqual(["member.invite", "member.invite"]);
  });
});

// The auth door (convex/functions.ts) and sign-in (users:ensure): who gets in, with which role,
// and what the unauthenticated storefront can see.
import { beforeAll, describe, expect, test } from "vitest";
import { api, internal } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { makeTest, OWNER, seedSmall, type T, kindOf } from "./setup";

const page = { numItems: 100, cursor: null };

const person = (name: string, email = `${name}@example.com`) => ({
  subject: name,
  issuer: "https://auth.test",
  email,
  emailVerified: true,
  name,
});

async function addMember(
  t: T,
  storeId: Id<"stores">,
  who: ReturnType<typeof person>,
  role: "admin" | "staff",
) {
  await t.run(async (ctx) => {
    await ctx.db.insert("invites", { storeId, email: who.email, role, status: "pending" });
  });
  await t.withIdentity(who).mutation(api.users.ensure, {});
}

describe("the store door", () => {
  let t: T;
  let storeId: Id<"stores">;
  let productId: Id<"products">;
  const admin = person("ada");
  const staff = person("sam");
  const stranger = person("eve");

  beforeAll(async () => {
    t = makeTest();
    ({ storeId } = await seedSmall(t));
    await t.withIdentity(OWNER).mutation(api.users.ensure, {});
    await addMember(t, storeId, admin, "admin");
    await addMember(t, storeId, staff, "staff");
    await t.withIdentity(stranger).mutation(api.users.ensure, {});
    productId = (await t.run(async (ctx) => await ctx.db.query("products").first()))!._id;
  });

  test("no token → UNAUTHENTICATED, on queries and mutations", async () => {
    expect(await kindOf(t.query(api.dashboard.overview, { storeId }))).toBe("UNAUTHENTICATED");
    expect(await kindOf(t.query(api.users.me, {}))).toBe("UNAUTHENTICATED");
    expect(
      await kindOf(t.mutation(api.catalog.update, { storeId, productId, patch: { title: "x" } })),
    ).toBe("UNAUTHENTICATED");
    expect(await kindOf(t.mutation(api.users.ensure, {}))).toBe("UNAUTHENTICATED");
  });

  test("signed in but not a member → FORBIDDEN; unknown to us → FORBIDDEN", async () => {
    const eve = t.withIdentity(stranger);
    expect(await kindOf(eve.query(api.dashboard.overview, { storeId }))).toBe("FORBIDDEN");
    expect(await kindOf(eve.query(api.orders.list, { storeId, paginationOpts: page }))).toBe(
      "FORBIDDEN",
    );
    const ghost = t.withIdentity(person("ghost"));
    expect(await kindOf(ghost.query(api.catalog.list, { storeId, paginationOpts: page }))).toBe(
      "FORBIDDEN",
    );
    expect(await ghost.query(api.users.me, {})).toBeNull();
  });

  test("a store that does not exist → NOT_FOUND", async () => {
    const goneId = await t.run(async (ctx) => {
      const { _id, _creationTime, ...fields } = (await ctx.db.get(storeId))!;
      const id = await ctx.db.insert("stores", fields);
      await ctx.db.delete(id);
      return id;
    });
    expect(
      await kindOf(t.withIdentity(OWNER).query(api.dashboard.overview, { storeId: goneId })),
    ).toBe("NOT_FOUND");
  });

  test("roles: staff may read and move orders, but not edit the catalogue or see integrations", async () => {
    const sam = t.withIdentity(staff);
    const overview = await sam.query(api.dashboard.overview, { storeId });
    expect(overview.currency).toBe("USD");
    expect(
      await kindOf(sam.mutation(api.catalog.update, { storeId, productId, patch: { title: "x" } })),
    ).toBe("FORBIDDEN");
    expect(await kindOf(sam.query(api.integrations.list, { storeId }))).toBe("FORBIDDEN");
    const open = await t.run(
      async (ctx) =>
        await ctx.db
          .query("orders")
          .withIndex("by_store_status_placed", (q) =>
            q.eq("storeId", storeId).eq("status", "processing"),
          )
          .first(),
    );
    expect(open).not.toBeNull();
    // Shipping brings its tracking number (the board's rule, #12).
    const moved = await sam.mutation(api.orders.move, {
      storeId,
      orderId: open!._id,
      from: "processing",
      to: "shipped",
      shipment: { trackingNumber: "1Z999AA10123456784", carrier: "UPS" },
    });
    expect(moved.status).toBe("shipped");
    // Giving money back is an admin's call.
    const refund = sam.mutation(api.orders.setStatus, {
      storeId,
      orderId: open!._id,
      status: "refunded",
    });
    expect(await kindOf(refund)).toBe("FORBIDDEN");
    const still = await t.run(async (ctx) => await ctx.db.get(open!._id));
    expect(still!.status).toBe("shipped");
    const refunded = await t
      .withIdentity(admin)
      .mutation(api.orders.setStatus, { storeId, orderId: open!._id, status: "refunded" });
    expect(refunded.status).toBe("refunded");
  });

  test("staff see what their work needs: no supplier cost or margin", async () => {
    const page = { numItems: 200, cursor: null };
    const forStaff = await t
      .withIdentity(staff)
      .query(api.catalog.list, { storeId, paginationOpts: page });
    const forAdmin = await t
      .withIdentity(admin)
      .query(api.catalog.list, { storeId, paginationOpts: page });
    expect(forAdmin.page.some((p) => p.supplierCostCents !== undefined)).toBe(true);
    expect(forStaff.page.length).toBe(forAdmin.page.length);
    expect(
      forStaff.page.every((p) => p.supplierCostCents === undefined && p.marginBps === undefined),
    ).toBe(true);
    const one = await t.withIdentity(staff).query(api.catalog.get, { storeId, productId });
    expect(one).not.toHaveProperty("supplierCostCents");
    const delivered = await t.run(async (ctx) =>
      ctx.db
        .query("orders")
        .withIndex("by_store_status_placed", (q) =>
          q.eq("storeId", storeId).eq("status", "delivered"),
        )
        .first(),
    );
    const detail = await t
      .withIdentity(staff)
      .query(api.orders.get, { storeId, orderId: delivered!._id });
    expect(detail!.items.some((i) => "unitCostCents" in i)).toBe(false);
    expect(detail!.fulfillments.some((f) => "costCents" in f)).toBe(false);
    const full = await t
      .withIdentity(admin)
      .query(api.orders.get, { storeId, orderId: delivered!._id });
    expect(full!.fulfillments.every((f) => "costCents" in f)).toBe(true);
    expect(full!.items.every((i) => "unitCostCents" in i)).toBe(true);
  });

  test("admins and owners pass the admin door", async () => {
    for (const who of [admin, OWNER]) {
      const updated = await t
        .withIdentity(who)
        .mutation(api.catalog.update, { storeId, productId, patch: { title: `By ${who.name}` } });
      expect(updated.title).toBe(`By ${who.name}`);
      expect((await t.withIdentity(who).query(api.integrations.list, { storeId })).length).toBe(3);
    }
  });

  test("the internal access check used by storeAction applies the same rules", async () => {
    const ada = await t.run(async (ctx) =>
      ctx.db
        .query("users")
        .withIndex("by_email", (q) => q.eq("email", admin.email))
        .unique(),
    );
    expect(ada).not.toBeNull();
    const granted = await t
      .withIdentity(admin)
      .query(internal.access.check, { storeId, permission: "catalog.edit" });
    expect(granted.member.role).toBe("admin");
    expect(
      await kindOf(
        t.withIdentity(admin).query(internal.access.check, { storeId, permission: "store.delete" }),
      ),
    ).toBe("FORBIDDEN");
  });
});

describe("a member of one store cannot reach another store's rows by id", () => {
  test("foreign ids read as null and write as NOT_FOUND", async () => {
    const t = makeTest();
    const { storeId } = await seedSmall(t);
    await t.withIdentity(OWNER).mutation(api.users.ensure, {});
    // A second store the owner also runs: ids from the demo store must not work there.
    const otherStore = await t.run(async (ctx) => {
      const demo = (await ctx.db.get(storeId))!;
      const { _id, _creationTime, ...fields } = demo;
      const id = await ctx.db.insert("stores", { ...fields, slug: "other", name: "Other" });
      const user = await ctx.db.query("users").first();
      await ctx.db.insert("members", { storeId: id, userId: user!._id, role: "owner" });
      return id;
    });
    const demoProduct = (await t.run(async (ctx) => await ctx.db.query("products").first()))!;
    const demoOrder = (await t.run(async (ctx) => await ctx.db.query("orders").first()))!;
    const owner = t.withIdentity(OWNER);
    expect(
      await owner.query(api.catalog.get, { storeId: otherStore, productId: demoProduct._id }),
    ).toBeNull();
    expect(
      await owner.query(api.orders.get, { storeId: otherStore, orderId: demoOrder._id }),
    ).toBeNull();
    expect(
      await kindOf(
        owner.mutation(api.catalog.update, {
          storeId: otherStore,
          productId: demoProduct._id,
          patch: { title: "hijacked" },
        }),
      ),
    ).toBe("NOT_FOUND");
    // The product in its own store is untouched and readable.
    const own = await owner.query(api.catalog.get, { storeId, productId: demoProduct._id });
    expect(own?.title).toBe(demoProduct.title);
  });
});

describe("users:ensure", () => {
  test("creates the user once, claims the owner invite, and is idempotent", async () => {
    const t = makeTest();
    const { storeId } = await seedSmall(t);
    const owner = t.withIdentity({ ...OWNER, email: "Owner@Demo.Store" });
    const first = await owner.mutation(api.users.ensure, {});
    expect(first.claimedStoreIds).toEqual([storeId]);
    const second = await owner.mutation(api.users.ensure, {});
    expect(second).toEqual({ userId: first.userId, claimedStoreIds: [] });
    const rows = await t.run(async (ctx) => ({
      users: await ctx.db.query("users").collect(),
      members: await ctx.db.query("members").collect(),
      invites: await ctx.db.query("invites").collect(),
    }));
    expect(rows.users).toHaveLength(1);
    expect(rows.users[0].email).toBe("owner@demo.store");
    expect(rows.members).toEqual([expect.objectContaining({ storeId, role: "owner" })]);
    expect(rows.invites[0]).toMatchObject({ status: "accepted", acceptedBy: first.userId });
  });

  test("an email the provider does not say is verified claims nothing", async () => {
    const t = makeTest();
    await seedSmall(t);
    const { emailVerified: _, ...unsaid } = OWNER;
    for (const identity of [{ ...OWNER, emailVerified: false }, unsaid]) {
      const result = await t.withIdentity(identity).mutation(api.users.ensure, {});
      expect(result.claimedStoreIds).toEqual([]);
    }
    expect(await t.withIdentity(OWNER).query(api.users.me, {})).toMatchObject({ stores: [] });
  });

  test("a profile change is written back; an invite never demotes", async () => {
    const t = makeTest();
    const { storeId } = await seedSmall(t);
    await t.withIdentity(OWNER).mutation(api.users.ensure, {});
    await t.run(async (ctx) => {
      await ctx.db.insert("invites", {
        storeId,
        email: OWNER.email,
        role: "staff",
        status: "pending",
      });
    });
    await t.withIdentity({ ...OWNER, name: "Renamed" }).mutation(api.users.ensure, {});
    const me = await t.withIdentity(OWNER).query(api.users.me, {});
    expect(me?.user.name).toBe("Renamed");
    expect(me?.stores[0].role).toBe("owner");
  });
});

describe("the storefront is public and shows only what shoppers may see", () => {
  let t: T;
  let drafts: { slug: string; status: string }[];

  beforeAll(async () => {
    t = makeTest();
    await seedSmall(t);
    drafts = await t.run(async (ctx) =>
      (await ctx.db.query("products").collect())
        .filter((p) => p.status !== "active")
        .map((p) => ({ slug: p.slug, status: p.status })),
    );
  });

  test("the seed has drafts and archived products to hide", () => {
    expect(drafts.some((p) => p.status === "draft")).toBe(true);
    expect(drafts.some((p) => p.status === "archived")).toBe(true);
  });

  test("listing every page, in every category, returns active products only", async () => {
    const seen: string[] = [];
    let cursor: string | null = null;
    for (;;) {
      const result: { page: { slug: string }[]; isDone: boolean; continueCursor: string } =
        await t.query(api.storefront.products, {
          slug: "demo",
          paginationOpts: { numItems: 7, cursor },
        });
      seen.push(...result.page.map((p) => p.slug));
      if (result.isDone) break;
      cursor = result.continueCursor;
    }
    const hidden = new Set(drafts.map((p) => p.slug));
    expect(seen.length).toBeGreaterThan(25);
    expect(seen.filter((slug) => hidden.has(slug))).toEqual([]);
    for (const category of await t.query(api.storefront.categories, { slug: "demo" })) {
      const inCategory = await t.query(api.storefront.products, {
        slug: "demo",
        category,
        paginationOpts: page,
      });
      expect(inCategory.page.every((p) => p.category === category && !hidden.has(p.slug))).toBe(
        true,
      );
    }
  });

  test("a draft's product page is null; an active one has no supplier data", async () => {
    for (const { slug } of drafts) {
      expect(await t.query(api.storefront.product, { slug: "demo", productSlug: slug })).toBeNull();
    }
    const [first] = (
      await t.query(api.storefront.products, {
        slug: "demo",
        paginationOpts: { numItems: 1, cursor: null },
      })
    ).page;
    const shown = await t.query(api.storefront.product, { slug: "demo", productSlug: first.slug });
    expect(shown?.title).toBe(first.title);
    expect(Object.keys(shown!)).not.toContain("supplierCostCents");
    expect(Object.keys(shown!)).not.toContain("supplierUrl");
  });

  test("storefront positions are ascending; unknown stores are empty, not errors", async () => {
    const result = await t.query(api.storefront.products, { slug: "demo", paginationOpts: page });
    const positions = await t.run(async (ctx) => {
      const bySlug = new Map(
        (await ctx.db.query("products").collect()).map((p) => [p.slug, p.position]),
      );
      return result.page.map((p) => bySlug.get(p.slug)!);
    });
    expect(positions).toEqual([...positions].sort((a, b) => a - b));
    expect(await t.query(api.storefront.store, { slug: "nope" })).toBeNull();
    expect(
      (await t.query(api.storefront.products, { slug: "nope", paginationOpts: page })).page,
    ).toEqual([]);
    const store = await t.query(api.storefront.store, { slug: "demo" });
    expect(store?.name).toBe("Northwind Goods");
    expect(Object.keys(store!)).not.toContain("settings");
  });
});

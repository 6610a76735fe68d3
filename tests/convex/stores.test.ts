// A store's life after creation: its profile edited in Settings, and deletion by its owner,
// which hides it at once and then purges every row it had, batch by batch.
import { describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { TableNames } from "../../convex/_generated/dataModel";
import { storeScopedTables } from "../../convex/model/storePurge";
import schema from "../../convex/schema";
import { makeTest, OWNER, seedSmall, kindOf } from "./setup";

describe("store profile", () => {
  test("admins edit name, tagline, zone and contact; bad values change nothing", async () => {
    const t = makeTest();
    const { storeId } = await t
      .withIdentity(OWNER)
      .mutation(api.stores.create, { name: "Blue Shop", currency: "USD", timezone: "UTC" });
    const owner = t.withIdentity(OWNER);
    await owner.mutation(api.stores.update, {
      storeId,
      name: "  Bluer Shop ",
      timezone: "Europe/Paris",
      contactEmail: "Hello@Blue.shop",
    });
    const store = await t.run(async (ctx) => ctx.db.get(storeId));
    expect(store).toMatchObject({ name: "Bluer Shop", slug: "blue-shop" });
    expect(store!.settings.timezone).toBe("Europe/Paris");
    expect(store!.contact.email).toBe("hello@blue.shop");
    for (const bad of [{ name: "" }, { timezone: "Mars/Base" }, { contactEmail: "nope" }]) {
      expect(await kindOf(owner.mutation(api.stores.update, { storeId, ...bad }))).toBe("INVALID");
    }
    expect(await t.run(async (ctx) => ctx.db.get(storeId))).toEqual(store);
    const audit = await t.run(async (ctx) => ctx.db.query("auditLog").collect());
    expect(audit.filter((a) => a.action === "store.update")).toHaveLength(1);
  });
});

describe("deleting a store", () => {
  test("the purge knows every store-scoped table", () => {
    const scoped = Object.entries(schema.tables)
      .filter(([, table]) => "storeId" in table.validator.fields)
      .map(([name]) => name)
      .sort();
    expect(
      storeScopedTables()
        .map((t) => t.table)
        .sort(),
    ).toEqual(scoped);
  });

  test("only the owner, with the name typed back; then every row goes", async () => {
    vi.useFakeTimers();
    try {
      const t = makeTest();
      const { storeId } = await seedSmall(t);
      await t.withIdentity(OWNER).mutation(api.users.ensure, {});
      const owner = t.withIdentity(OWNER);
      expect(
        await kindOf(owner.mutation(api.stores.remove, { storeId, confirmName: "nope" })),
      ).toBe("INVALID");
      expect(await t.query(api.storefront.store, { slug: "demo" })).not.toBeNull();

      await owner.mutation(api.stores.remove, { storeId, confirmName: "Northwind Goods" });
      // Gone at once for shoppers and for the team.
      expect(await t.query(api.storefront.store, { slug: "demo" })).toBeNull();
      expect((await owner.query(api.users.me, {}))?.stores).toEqual([]);
      expect(await kindOf(owner.query(api.dashboard.overview, { storeId }))).toBe("FORBIDDEN");

      await t.finishAllScheduledFunctions(vi.runAllTimers);
      const left = await t.run(async (ctx) => {
        const out: string[] = [];
        for (const table of Object.keys(schema.tables) as TableNames[]) {
          const rows = await ctx.db.query(table).collect();
          if (rows.some((r) => (r as { storeId?: string }).storeId === storeId)) out.push(table);
        }
        return { out, store: await ctx.db.get(storeId) };
      });
      expect(left).toEqual({ out: [], store: null });
    } finally {
      vi.useRealTimers();
    }
  }, 120_000);
});

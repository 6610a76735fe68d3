// Every public function has a declared access rule, and the rule holds: generated from the
// function list, so a new function without a rule fails here. For each store function, a
// non-member is refused, roles below its permission are refused by the door with a message
// naming who may do it, and roles at or above it get past the door.
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { SYSTEM } from "../../convex/model/audit";
import { createOrder } from "../../convex/model/orders";
import {
  hasRole,
  minRoleFor,
  type Permission,
  refusalMessage,
} from "../../convex/model/permissions";
import { insertProduct } from "../../convex/model/products";
import type { Role } from "../../convex/model/validators";
import { makeTest, modules } from "./setup";

type Rule = "public" | "authed" | "member" | Permission;

// The access rule of every public function. Add a line here with every new function.
const RULES: Record<string, Rule> = {
  "activity:list": "member",
  "catalog:bulkApply": "catalog.edit",
  "catalog:bulkPreview": "catalog.edit",
  "catalog:checkImageUpload": "catalog.edit",
  "catalog:create": "catalog.edit",
  "catalog:featured": "member",
  "catalog:generateUploadUrl": "catalog.edit",
  "catalog:get": "member",
  "checkout:payOffline": "public",
  "checkout:quote": "public",
  "checkout:receipt": "public",
  "checkout:start": "public",
  "checkout:status": "public",
  "catalog:list": "member",
  "catalog:moveFeaturedProduct": "catalog.edit",
  "catalog:save": "catalog.edit",
  "catalog:search": "member",
  "catalog:setFeaturedProduct": "catalog.edit",
  "catalog:update": "catalog.edit",
  "coupons:create": "catalog.edit",
  "coupons:list": "member",
  "coupons:setActive": "catalog.edit",
  "coupons:update": "catalog.edit",
  "dashboard:overview": "member",
  "integrations:list": "integrations.manage",
  "invites:accept": "authed",
  "invites:describe": "public",
  "orders:bulkShipApply": "orders.work",
  "orders:bulkShipPreview": "member",
  "orders:counts": "member",
  "orders:filtered": "member",
  "orders:get": "member",
  "orders:list": "member",
  "orders:move": "orders.work",
  "orders:moveMany": "orders.work",
  "orders:search": "member",
  "orders:setStatus": "orders.work",
  "notify:forOrder": "orders.work",
  "returns:approve": "orders.refund",
  "returns:deny": "orders.work",
  "returns:request": "public",
  "returns:retryRefund": "orders.refund",
  "tracking:add": "orders.work",
  "tracking:carriers": "member",
  "tracking:lookup": "public",
  "presence:heartbeat": "member",
  "priceTests:applyWinner": "catalog.edit",
  "priceTests:create": "catalog.edit",
  "priceTests:get": "member",
  "priceTests:list": "member",
  "priceTests:start": "catalog.edit",
  "priceTests:stop": "catalog.edit",
  "pricing:applySuggested": "catalog.edit",
  "pricing:forProduct": "costs.view",
  "pricing:suggestions": "costs.view",
  "presence:leave": "member",
  "presence:list": "member",
  "storefront:categories": "public",
  "storefront:featured": "public",
  "storefront:product": "public",
  "storefront:products": "public",
  "storefront:store": "public",
  "storefront:track": "public",
  "stores:create": "authed",
  "stores:generateUploadUrl": "settings.edit",
  "stores:setUploadedImage": "settings.edit",
  "stores:settings": "member",
  "stores:updateBranding": "settings.edit",
  "stores:updateContact": "settings.edit",
  "stores:updatePolicies": "settings.edit",
  "stores:updateShipping": "settings.edit",
  "stores:updateSocial": "settings.edit",
  "stores:profile": "member",
  "stores:remove": "store.delete",
  "stores:update": "settings.edit",
  "team:changeRole": "team.manage",
  "team:invite": "team.manage",
  "team:leave": "member",
  "team:overview": "member",
  "team:remove": "team.manage",
  "team:revokeInvite": "team.manage",
  "team:transferOwnership": "store.transfer",
  "users:ensure": "authed",
  "users:me": "authed",
  "suppliers:desk": "member",
  "suppliers:saveRule": "catalog.edit",
  "suppliers:recordOrder": "orders.work",
  "suppliers:addNote": "orders.work",
  "cj:placeNow": "orders.work",
  // The AI layer (issue #13).
  "ai:draft": "catalog.edit",
  "ai:draftsFor": "member",
  "ai:accept": "catalog.edit",
  "ai:edit": "catalog.edit",
  "ai:reject": "catalog.edit",
  "ai:undo": "catalog.edit",
  "ai:usage": "member",
  "ai:setMonthlyBudget": "settings.edit",
  // Discover: one-click import
  "importer:start": "catalog.edit",
  "importer:recent": "catalog.edit",
  "importer:get": "catalog.edit",
  // Discover (issue #13)
  "discover:feed": "member",
  "discover:research": "member",
  "discover:setWatch": "member",
  "discover:dismissAlert": "member",
  "discover:saveSettings": "settings.edit",
  "discover:refreshNow": "catalog.edit",
};

type Registered = {
  isPublic?: boolean;
  isQuery?: boolean;
  isMutation?: boolean;
  isAction?: boolean;
  exportArgs(): string;
};
type Json = { type: string; [key: string]: unknown };

async function publicFunctions() {
  const found = new Map<string, { kind: "query" | "mutation" | "action"; args: Json }>();
  for (const [path, load] of Object.entries(modules)) {
    if (path.includes("/_generated/")) continue;
    const module = path.replace(/^.*\/convex\//, "").replace(/\.[cm]?[jt]s$/, "");
    for (const [name, value] of Object.entries((await load()) as Record<string, unknown>)) {
      if (typeof value !== "function") continue;
      const fn = value as unknown as Registered;
      if (!fn.isPublic) continue;
      const kind = fn.isQuery ? "query" : fn.isMutation ? "mutation" : "action";
      found.set(`${module}:${name}`, { kind, args: JSON.parse(fn.exportArgs()) });
    }
  }
  return found;
}

/** A valid value for a validator, with ids taken from the fixture store. */
function sample(json: Json, ids: Record<string, string>): unknown {
  switch (json.type) {
    case "id":
      return ids[json.tableName as string] ?? `missing-${json.tableName}`;
    case "string":
      return "x";
    case "number":
      return 1;
    case "boolean":
      return false;
    case "null":
      return null;
    case "literal":
      return json.value;
    case "array":
      return [];
    case "union": {
      const members = json.value as Json[];
      return sample(members.find((m) => m.type === "null") ?? members[0], ids);
    }
    case "object": {
      const out: Record<string, unknown> = {};
      for (const [key, field] of Object.entries(
        json.value as Record<string, { fieldType: Json; optional: boolean }>,
      )) {
        if (key === "paginationOpts") out[key] = { numItems: 2, cursor: null };
        else if (!field.optional) out[key] = sample(field.fieldType, ids);
      }
      return out;
    }
    default:
      return null;
  }
}

const who = (name: string) => ({
  subject: name,
  issuer: "https://auth.test",
  email: `${name}@rules.test`,
  emailVerified: true,
  name,
});
const IDENTITIES = { owner: who("olga"), admin: who("adam"), staff: who("stan") } as const;
const OUTSIDER = who("nora");

/** A fresh store with one member per role, a product, an order, an invite and presence. */
async function fixture() {
  const t = makeTest();
  const { storeId } = await t
    .withIdentity(IDENTITIES.owner)
    .mutation(api.stores.create, { name: "Rules Shop", currency: "USD", timezone: "UTC" });
  await t.withIdentity(OUTSIDER).mutation(api.users.ensure, {});
  const ids = await t.run(async (ctx) => {
    const memberIds: Record<string, string> = {};
    for (const role of ["admin", "staff"] as const) {
      const userId = await ctx.db.insert("users", {
        tokenIdentifier: `https://auth.test|${IDENTITIES[role].subject}`,
        email: IDENTITIES[role].email,
        name: IDENTITIES[role].name,
      });
      memberIds[role] = await ctx.db.insert("members", { storeId, userId, role });
    }
    const now = Date.now();
    const productId = await insertProduct(
      ctx,
      storeId,
      SYSTEM,
      {
        status: "active",
        position: 1_000,
        slug: "mug",
        title: "Mug",
        description: "A mug.",
        category: "Kitchen",
        tags: [],
        images: [],
        variants: [{ sku: "MUG", title: "Mug", options: {}, priceCents: 1_200, stock: 9 }],
        importSource: "manual",
      },
      { now },
    );
    const order = await createOrder(ctx, storeId, SYSTEM, {
      channel: "storefront",
      customer: { email: "c@x.test", name: "C" },
      shippingAddress: { name: "C", line1: "1 St", city: "A", postalCode: "1", country: "US" },
      lines: [{ productId, sku: "MUG", quantity: 1, unitPriceCents: 1_200 }],
      discountCents: 0,
      shippingCents: 0,
      taxCents: 0,
      placedAt: now,
    });
    const staffUser = (await ctx.db.get(memberIds.staff as Id<"members">))!.userId;
    const inviteId = await ctx.db.insert("invites", {
      storeId,
      email: "later@rules.test",
      role: "staff",
      status: "pending",
    });
    const presenceId = await ctx.db.insert("presence", {
      storeId,
      userId: staffUser,
      path: "/dashboard",
      editing: false,
      lastSeenAt: now,
      beat: 1,
    });
    const priceTestId = await ctx.db.insert("priceTests", {
      storeId,
      productId,
      status: "draft",
      arms: [
        { label: "Control", priceCents: 1_200, views: 0, carts: 0, orders: 0, revenueCents: 0 },
      ],
    });
    const couponId = await ctx.db.insert("coupons", {
      storeId,
      code: "RULES10",
      discount: { kind: "percent", percentBps: 1_000 },
      redemptions: 0,
      active: true,
    });
    const fileId = await ctx.storage.store(new Blob(["<svg></svg>"], { type: "image/svg+xml" }));
    // The AI layer (issue #13): a ready draft of the product's copy.
    const draftId = await ctx.db.insert("aiDrafts", {
      storeId,
      kind: "product_description",
      status: "ready",
      provider: "offline",
      language: "en",
      prompt: "x",
      outputs: [],
      updatedAt: now,
      targetTable: "products",
      targetId: productId,
      proposal: [{ field: "title", value: "Mug" }],
    });
    // Discover (issue #13): a finished import job.
    const importJobId = await ctx.db.insert("importJobs", {
      storeId,
      url: "https://www.aliexpress.com/item/1005006123456789.html",
      supplier: "aliexpress",
      externalId: "1005006123456789",
      status: "done",
      steps: [],
      productId,
      requestedBy: staffUser,
      createdAt: now,
      updatedAt: now,
    });
    const returnId = await ctx.db.insert("returns", {
      storeId,
      orderId: order._id,
      reason: "Rules",
      status: "requested",
      refundCents: 1_200,
      requestedAt: now,
    });
    // Discover (issue #13): a trend and a spike alert on it.
    const trendId = await ctx.db.insert("trends", {
      storeId,
      source: "tiktok",
      externalId: "rules-1",
      title: "Rules Trend",
      category: "Kitchen",
      score: 50,
      velocity: "rising",
      status: "new",
      competitorCount: 3,
      lastSeenAt: now,
    });
    const alertId = await ctx.db.insert("trendAlerts", {
      storeId,
      trendId,
      title: "Rules Trend",
      fromPct: 0,
      toPct: 40,
      at: now,
    });
    return {
      trends: trendId,
      trendAlerts: alertId,
      returns: returnId,
      stores: storeId,
      products: productId,
      priceTests: priceTestId,
      coupons: couponId,
      _storage: fileId,
      orders: order._id,
      members: memberIds.staff,
      users: staffUser,
      invites: inviteId,
      presence: presenceId,
      aiDrafts: draftId,
      importJobs: importJobId,
    } as Record<string, string>;
  });
  return { t, ids };
}

async function outcome(promise: Promise<unknown>): Promise<{ kind?: string; message: string }> {
  try {
    await promise;
    return { message: "ok" };
  } catch (error) {
    const data = (error as { data?: { kind?: string; message?: string } }).data;
    return { kind: data?.kind, message: data?.message ?? String(error) };
  }
}

const DOOR_REFUSAL = /needs the (admin|owner) role|not a member of this store/;

describe("access rules", async () => {
  const functions = await publicFunctions();

  test("every public function has a rule, and every rule a function", () => {
    expect([...functions.keys()].sort()).toEqual(Object.keys(RULES).sort());
  });

  test("store functions take a storeId; the others do not", () => {
    for (const [name, { args }] of functions) {
      const fields = (args.value ?? {}) as Record<string, unknown>;
      const storeScoped = !["public", "authed"].includes(RULES[name]);
      expect("storeId" in fields, name).toBe(storeScoped);
    }
  });

  for (const [name, rule] of Object.entries(RULES)) {
    test(`${name}: ${rule}`, async () => {
      const fn = functions.get(name);
      expect(fn, `${name} is not a public function`).toBeDefined();
      const { t, ids } = await fixture();
      const ref = name.replace(":", ".").split(".");
      const fnRef = (api as any)[ref[0]][ref[1]];
      const args = sample(fn!.args, ids) as Record<string, unknown>;
      const call = (identity?: typeof OUTSIDER) => {
        const caller = identity ? t.withIdentity(identity) : t;
        if (fn!.kind === "query") return outcome(caller.query(fnRef, args));
        if (fn!.kind === "mutation") return outcome(caller.mutation(fnRef, args));
        return outcome(caller.action(fnRef, args));
      };

      if (rule === "public") {
        expect((await call()).kind).not.toBe("UNAUTHENTICATED");
        return;
      }
      expect((await call()).kind, "anonymous").toBe("UNAUTHENTICATED");
      if (rule === "authed") return;

      const outsider = await call(OUTSIDER);
      expect(outsider, "non-member").toMatchObject({ kind: "FORBIDDEN" });
      expect(outsider.message).toMatch(/not a member/);
      for (const role of ["staff", "admin", "owner"] as Role[]) {
        const result = await call(IDENTITIES[role]);
        const allowed = rule === "member" || hasRole(role, minRoleFor(rule));
        if (allowed) {
          expect(result.message, `${role} should pass the door`).not.toMatch(DOOR_REFUSAL);
        } else {
          expect(result, role).toEqual({
            kind: "FORBIDDEN",
            message: refusalMessage(rule as Permission, role),
          });
        }
      }
    }, 30_000);
  }
});

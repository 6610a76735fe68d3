// The catalog editor's rules through the real functions: create, save, validation, conflicts,
// bulk actions (preview = apply, staff refused), the featured shelf and image uploads.
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { keyBetween } from "../../convex/model/catalog";
import { sniffImage } from "../../convex/model/productImages";
import { takeStock } from "../../convex/model/products";
import {
  checkProductInput,
  type ProductInput,
  unitEconomics,
} from "../../convex/model/productRules";
import { parseMoneyInput, readMoneyInput } from "../../lib/money";
import { kindOf, storeWithStaff } from "./setup";

const PNG_HEAD = new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const JPEG_HEAD = new Uint8Array([0xff, 0xd8, 0xff, 0xe0]);

async function store() {
  const { t, owner, staff, storeId } = await storeWithStaff("Catalog Shop");
  return { t, owner, staff, storeId };
}

function input(overrides: Partial<ProductInput> = {}): ProductInput {
  return {
    title: "Linen Apron",
    slug: "",
    description: "A sturdy apron.",
    status: "draft",
    category: "Kitchen",
    tags: ["linen"],
    images: [],
    variants: [
      {
        sku: "APRON-S",
        title: "S",
        options: { size: "S" },
        priceCents: 2_400,
        compareAtCents: 3_000,
        stock: 5,
      },
      { sku: "APRON-M", title: "M", options: { size: "M" }, priceCents: 2_600, stock: 7 },
    ],
    supplierUrl: "https://supplier.example/apron",
    supplierCostCents: 900,
    seo: { title: "Linen Apron", description: "A sturdy apron." },
    ...overrides,
  };
}

async function messageOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
    return "no error";
  } catch (error) {
    return (error as { data?: { message?: string } }).data?.message ?? String(error);
  }
}

describe("create and save", () => {
  test("a new product gets its derived fields, a slug from the title and an audit row", async () => {
    const { t, owner, storeId } = await store();
    const productId = await owner.mutation(api.catalog.create, { storeId, product: input() });
    const product = await owner.query(api.catalog.get, { storeId, productId });
    expect(product).toMatchObject({
      slug: "linen-apron",
      priceCents: 2_400,
      compareAtCents: 3_000,
      stock: 12,
      marginBps: 6_250,
      importSource: "manual",
    });
    const audit = await t.run(async (ctx) => await ctx.db.query("auditLog").collect());
    expect(audit.filter((a) => a.targetId === productId).map((a) => a.action)).toEqual([
      "product.create",
    ]);
  });

  test("bad input is refused with a reason and nothing is written", async () => {
    const { t, owner, storeId } = await store();
    const create = (product: ProductInput) =>
      messageOf(owner.mutation(api.catalog.create, { storeId, product }));
    const variant = input().variants[1];
    expect(await create(input({ title: "   " }))).toMatch(/title cannot be empty/);
    expect(await create(input({ description: "x".repeat(1_000_000) }))).toMatch(
      /description can have at most 20,000 characters/,
    );
    expect(
      await create(input({ variants: [{ ...variant, priceCents: 9_999_999_999_900 }] })),
    ).toMatch(/cannot be above \$1,000,000.00/);
    expect(await create(input({ variants: [{ ...variant, priceCents: -500 }] }))).toMatch(
      /cannot be negative/,
    );
    expect(
      await create(input({ variants: [{ ...variant, priceCents: 3_000, compareAtCents: 2_000 }] })),
    ).toMatch(/The sale price must be below the 'was' price/);
    expect(
      await create(input({ variants: [variant, { ...variant, sku: "apron-m", title: "Other" }] })),
    ).toMatch(/Duplicate SKU "apron-m"/);
    expect(await create(input({ supplierUrl: "javascript:alert(1)" }))).toMatch(
      /supplier URL must be a web address/,
    );
    expect(await create(input({ variants: [] }))).toMatch(/at least one variant/);
    expect(
      await create(input({ variants: [{ ...variant, imageUrl: "https://elsewhere.test/x.png" }] })),
    ).toMatch(/picture must be one of this product's images/);
    const rows = await t.run(async (ctx) => await ctx.db.query("products").collect());
    expect(rows).toHaveLength(0);

    await owner.mutation(api.catalog.create, { storeId, product: input() });
    expect(
      await kindOf(
        owner.mutation(api.catalog.create, {
          storeId,
          product: input({ title: "Another", slug: "Linen Apron" }),
        }),
      ),
    ).toBe("INVALID");
    expect(await t.run(async (ctx) => (await ctx.db.query("products").collect()).length)).toBe(1);
  });

  test("a save from a stale version is a CONFLICT and overwrites nothing", async () => {
    const { owner, storeId } = await store();
    const productId = await owner.mutation(api.catalog.create, { storeId, product: input() });
    const loaded = (await owner.query(api.catalog.get, { storeId, productId }))!;

    // Ana saves first from the version both loaded.
    const first = await owner.mutation(api.catalog.save, {
      storeId,
      productId,
      baseUpdatedAt: loaded.updatedAt,
      product: input({ title: "Ana's apron" }),
    });
    expect(first.title).toBe("Ana's apron");
    expect(first.updatedAt).toBeGreaterThan(loaded.updatedAt);

    // Ben saves from the same (now stale) version: refused, Ana's title stays.
    const stale = owner.mutation(api.catalog.save, {
      storeId,
      productId,
      baseUpdatedAt: loaded.updatedAt,
      product: input({ title: "Ben's apron" }),
    });
    expect(await kindOf(stale)).toBe("CONFLICT");
    expect((await owner.query(api.catalog.get, { storeId, productId }))!.title).toBe("Ana's apron");

    // Re-applying from the fresh version works, and clears fields the editor emptied.
    const reapplied = await owner.mutation(api.catalog.save, {
      storeId,
      productId,
      baseUpdatedAt: first.updatedAt,
      product: input({
        title: "Ben's apron",
        supplierUrl: undefined,
        supplierCostCents: undefined,
      }),
    });
    expect(reapplied.title).toBe("Ben's apron");
    expect(reapplied.supplierUrl).toBeUndefined();
    expect(reapplied.marginBps).toBeUndefined();
  });

  test("a quick edit also moves the version, so an open editor sees the conflict", async () => {
    const { owner, storeId } = await store();
    const productId = await owner.mutation(api.catalog.create, { storeId, product: input() });
    const loaded = (await owner.query(api.catalog.get, { storeId, productId }))!;
    await owner.mutation(api.catalog.update, { storeId, productId, patch: { stock: 0 } });
    expect(
      await kindOf(
        owner.mutation(api.catalog.save, {
          storeId,
          productId,
          baseUpdatedAt: loaded.updatedAt,
          product: input(),
        }),
      ),
    ).toBe("CONFLICT");
  });

  test("a sale while the editor is open is merged: the save keeps the units sold", async () => {
    const { t, owner, storeId } = await store();
    const productId = await owner.mutation(api.catalog.create, { storeId, product: input() });
    const loaded = (await owner.query(api.catalog.get, { storeId, productId }))!;
    const baseStock = loaded.variants.map(({ sku, stock }) => ({ sku, stock }));
    // Two aprons (S) sell while Ana edits the title.
    await t.run(async (ctx) => {
      await takeStock(ctx, storeId, [{ productId, sku: "APRON-S", quantity: 2 }], Date.now());
    });
    const saved = await owner.mutation(api.catalog.save, {
      storeId,
      productId,
      baseUpdatedAt: loaded.updatedAt,
      baseStock,
      product: input({ title: "Ana's apron" }),
    });
    expect(saved.title).toBe("Ana's apron");
    expect(saved.variants.map((variant) => variant.stock)).toEqual([3, 7]);
    expect(saved.stock).toBe(10);

    // Ana also typed a new stock for S, which sold again meanwhile: that one number is a
    // conflict, named, and nothing is written.
    const base2 = saved.variants.map(({ sku, stock }) => ({ sku, stock }));
    await t.run(async (ctx) => {
      await takeStock(ctx, storeId, [{ productId, sku: "APRON-S", quantity: 1 }], Date.now());
    });
    const typed = input({ title: "Ana's second apron" });
    typed.variants[0] = { ...typed.variants[0], stock: 40 };
    const clash = owner.mutation(api.catalog.save, {
      storeId,
      productId,
      baseUpdatedAt: saved.updatedAt,
      baseStock: base2,
      product: typed,
    });
    expect(await kindOf(clash)).toBe("CONFLICT");
    await expect(clash).rejects.toThrow(/Stock of S changed from 3 to 2/);
    const after = (await owner.query(api.catalog.get, { storeId, productId }))!;
    expect([after.title, after.variants[0].stock]).toEqual(["Ana's apron", 2]);
  });

  test("quick edit refuses absurd prices and a price above the 'was' price unless it is cleared", async () => {
    const { owner, storeId } = await store();
    const productId = await owner.mutation(api.catalog.create, {
      storeId,
      product: input({ variants: [input().variants[0]] }),
    });
    const quick = (patch: Record<string, unknown>) =>
      messageOf(owner.mutation(api.catalog.update, { storeId, productId, patch }));
    expect(await quick({ priceCents: 9_999_999_999_900 })).toMatch(/\$1,000,000.00/);
    expect(await quick({ priceCents: -500 })).toMatch(/cannot be negative/);
    expect(await quick({ priceCents: 3_500 })).toMatch(
      /The sale price must be below the 'was' price/,
    );
    expect((await owner.query(api.catalog.get, { storeId, productId }))!.priceCents).toBe(2_400);
    await owner.mutation(api.catalog.update, {
      storeId,
      productId,
      patch: { priceCents: 3_500, clearCompareAt: true },
    });
    const after = (await owner.query(api.catalog.get, { storeId, productId }))!;
    expect(after.priceCents).toBe(3_500);
    expect(after.compareAtCents).toBeUndefined();
    expect(after.variants[0].compareAtCents).toBeUndefined();
  });
});

describe("bulk actions", () => {
  async function three() {
    const s = await store();
    const ids: Id<"products">[] = [];
    for (const [i, title] of ["Cup", "Bowl", "Plate"].entries()) {
      ids.push(
        await s.owner.mutation(api.catalog.create, {
          storeId: s.storeId,
          product: input({
            title,
            slug: "",
            status: i === 2 ? "active" : "draft",
            variants: [
              {
                sku: `${title}-1`,
                title: "Default",
                options: {},
                priceCents: 1_000 * (i + 1),
                // The bowl is on sale at 20.00, "was" 22.00: a 20% rise would pass the was price.
                ...(i === 1 ? { compareAtCents: 2_200 } : {}),
                stock: 3,
              },
            ],
          }),
        }),
      );
    }
    return { ...s, ids };
  }

  test("the price preview is what apply does: old → new, refused rows with reasons, untouched", async () => {
    const { owner, storeId, ids } = await three();
    const action = { kind: "price" as const, by: "percent" as const, bps: 2_000 };
    const preview = await owner.query(api.catalog.bulkPreview, {
      storeId,
      productIds: ids,
      action,
    });
    expect(preview.map((r) => [r.ok, r.from, r.to])).toEqual([
      [true, "$10.00", "$12.00"],
      [false, undefined, undefined],
      [true, "$30.00", "$36.00"],
    ]);
    expect(preview[1].reason).toMatch(/The sale price must be below the 'was' price/);
    const applied = await owner.mutation(api.catalog.bulkApply, {
      storeId,
      productIds: ids,
      action,
    });
    expect(applied).toEqual(preview);
    const prices = [];
    for (const productId of ids) {
      prices.push((await owner.query(api.catalog.get, { storeId, productId }))!.priceCents);
    }
    expect(prices).toEqual([1_200, 2_000, 3_600]);

    const down = await owner.query(api.catalog.bulkPreview, {
      storeId,
      productIds: ids,
      action: { kind: "price", by: "amount", cents: -1_500 },
    });
    expect(down.map((r) => r.ok)).toEqual([false, true, true]);
    expect(down[0].reason).toMatch(/above zero/);
    expect(
      await kindOf(
        owner.query(api.catalog.bulkPreview, {
          storeId,
          productIds: ids,
          action: { kind: "price", by: "percent", bps: -10_000 },
        }),
      ),
    ).toBe("INVALID");
  });

  test("publish, archive and delete: live products are not deleted", async () => {
    const { t, owner, storeId, ids } = await three();
    const del = await owner.mutation(api.catalog.bulkApply, {
      storeId,
      productIds: ids,
      action: { kind: "delete" },
    });
    expect(del.map((r) => r.ok)).toEqual([true, true, false]);
    expect(del[2].reason).toMatch(/unpublish or archive it first/);
    const left = await t.run(async (ctx) => await ctx.db.query("products").collect());
    expect(left.map((p) => p.title)).toEqual(["Plate"]);
    const archived = await owner.mutation(api.catalog.bulkApply, {
      storeId,
      productIds: [ids[2]],
      action: { kind: "archive" },
    });
    expect(archived[0]).toMatchObject({ ok: true, from: "active", to: "archived" });
    const again = await owner.mutation(api.catalog.bulkApply, {
      storeId,
      productIds: [ids[2]],
      action: { kind: "archive" },
    });
    expect(again[0]).toMatchObject({ ok: false, reason: "Already archived." });
  });

  test("staff cannot preview or apply bulk actions", async () => {
    const { staff, owner, storeId, ids } = await three();
    const args = { storeId, productIds: ids, action: { kind: "publish" as const } };
    expect(await kindOf(staff.query(api.catalog.bulkPreview, args))).toBe("FORBIDDEN");
    expect(await kindOf(staff.mutation(api.catalog.bulkApply, args))).toBe("FORBIDDEN");
    const first = await owner.query(api.catalog.get, { storeId, productId: ids[0] });
    expect(first!.status).toBe("draft");
  });
});

describe("featured shelf", () => {
  test("drag order: a move patches one row; the shelf is read in order", async () => {
    const { t, owner, storeId } = await store();
    const ids: Id<"products">[] = [];
    for (const title of ["A", "B", "C", "D"]) {
      const productId = await owner.mutation(api.catalog.create, {
        storeId,
        product: input({ title, slug: "", variants: [{ ...input().variants[1], sku: title }] }),
      });
      await owner.mutation(api.catalog.setFeaturedProduct, { storeId, productId, featured: true });
      ids.push(productId);
    }
    const titles = async () =>
      (await owner.query(api.catalog.featured, { storeId })).map((p) => p.title);
    expect(await titles()).toEqual(["A", "B", "C", "D"]);

    const before = await t.run(async (ctx) => await ctx.db.query("products").collect());
    await owner.mutation(api.catalog.moveFeaturedProduct, {
      storeId,
      productId: ids[3],
      afterId: ids[0],
    });
    expect(await titles()).toEqual(["A", "D", "B", "C"]);
    const after = await t.run(async (ctx) => await ctx.db.query("products").collect());
    const moved = after.filter((p, i) => p.featuredPosition !== before[i].featuredPosition);
    expect(moved.map((p) => p.title)).toEqual(["D"]);

    await owner.mutation(api.catalog.moveFeaturedProduct, {
      storeId,
      productId: ids[2],
      afterId: null,
    });
    expect(await titles()).toEqual(["C", "A", "D", "B"]);
    // Many moves into the same gap still keep a strict order (renumbering when floats run out).
    for (let i = 0; i < 60; i++) {
      await owner.mutation(api.catalog.moveFeaturedProduct, {
        storeId,
        productId: i % 2 === 0 ? ids[3] : ids[1],
        afterId: ids[2],
      });
    }
    expect(await titles()).toEqual(["C", "B", "D", "A"]);
    await owner.mutation(api.catalog.setFeaturedProduct, {
      storeId,
      productId: ids[0],
      featured: false,
    });
    expect(await titles()).toEqual(["C", "B", "D"]);
  });
});

describe("image uploads", () => {
  test("only images of a sane size are kept; the rest are deleted with a reason", async () => {
    const { t, owner, storeId } = await store();
    const png = await t.run(
      async (ctx) =>
        await ctx.storage.store(new Blob([PNG_HEAD, new Uint8Array(64)], { type: "image/png" })),
    );
    const html = await t.run(
      async (ctx) => await ctx.storage.store(new Blob(["<script>"], { type: "text/html" })),
    );
    const huge = await t.run(
      async (ctx) =>
        await ctx.storage.store(
          new Blob([JPEG_HEAD, new Uint8Array(6 * 1024 * 1024)], { type: "image/jpeg" }),
        ),
    );
    // Named .png, sent as image/png, but HTML inside: refused by its bytes.
    const disguised = await t.run(
      async (ctx) => await ctx.storage.store(new Blob(["<html>"], { type: "image/png" })),
    );
    const ok = await owner.action(api.catalog.checkImageUpload, { storageId: png, storeId });
    expect(ok).toMatchObject({ ok: true, storageId: png });
    const refused = await owner.action(api.catalog.checkImageUpload, {
      storageId: html,
      storeId,
    });
    expect(refused).toEqual({
      ok: false,
      message: expect.stringMatching(/is not an image. Upload a JPEG, PNG/),
    });
    expect(await t.run(async (ctx) => await ctx.db.system.get(html))).toBeNull();
    expect(
      await owner.action(api.catalog.checkImageUpload, { storageId: disguised, storeId }),
    ).toMatchObject({ ok: false });
    const big = await owner.action(api.catalog.checkImageUpload, { storageId: huge, storeId });
    expect(big).toEqual({ ok: false, message: expect.stringMatching(/limit is 5 MB/) });

    // Saved with a made-up url: the server stores the file's own url instead.
    const productId = await owner.mutation(api.catalog.create, {
      storeId,
      product: input({
        images: [{ url: "blob:local-preview", alt: "Apron", storageId: png }],
        variants: [{ ...input().variants[1], imageUrl: "blob:local-preview" }],
      }),
    });
    const saved = (await owner.query(api.catalog.get, { storeId, productId }))!;
    expect(saved.images[0].url).toBe(ok.ok ? ok.url : "");
    expect(saved.variants[0].imageUrl).toBe(saved.images[0].url);
  });
});

test("profit per unit counts supplier cost and card fees (2.9% + 30¢)", () => {
  expect(unitEconomics(2_000, 800)).toEqual({
    feesCents: 88,
    profitCents: 1_112,
    marginBps: 5_560,
  });
  expect(unitEconomics(2_000, undefined).profitCents).toBeUndefined();
  expect(unitEconomics(100, 90).profitCents).toBe(-23);
});

describe("pure rules", () => {
  test("image formats are told by their first bytes", () => {
    const bytes = (...parts: (number[] | string)[]) =>
      new Uint8Array(
        parts.flatMap((p) => (typeof p === "string" ? [...p].map((c) => c.charCodeAt(0)) : p)),
      );
    expect(sniffImage(PNG_HEAD)).toBe("image/png");
    expect(sniffImage(JPEG_HEAD)).toBe("image/jpeg");
    expect(sniffImage(bytes("GIF89a"))).toBe("image/gif");
    expect(sniffImage(bytes("RIFF", [0, 0, 0, 0], "WEBP"))).toBe("image/webp");
    expect(sniffImage(bytes([0, 0, 0, 28], "ftypavif"))).toBe("image/avif");
    expect(sniffImage(bytes("<svg xmlns="))).toBeNull();
    expect(sniffImage(bytes("%PDF-1.7"))).toBeNull();
  });

  test("fractional keys sit strictly between neighbours, or ask for a renumber", () => {
    expect(keyBetween(undefined, undefined)).toBe(1_000);
    expect(keyBetween(undefined, 1_000)).toBe(0);
    expect(keyBetween(3_000, undefined)).toBe(4_000);
    expect(keyBetween(1_000, 2_000)).toBe(1_500);
    expect(keyBetween(1, 1 + Number.EPSILON)).toBeNull();
  });

  test("SEO fields and tags have caps; a past sale end cannot go live", () => {
    const now = Date.UTC(2026, 11, 2);
    expect(() =>
      checkProductInput(input({ seo: { title: "x".repeat(71), description: "" } }), now),
    ).toThrow(/SEO title can have at most 70/);
    expect(() => checkProductInput(input({ tags: Array(31).fill("t") }), now)).toThrow(/30 tags/);
    expect(() => checkProductInput(input({ status: "active", saleEndsAt: now - 1 }), now)).toThrow(
      /sale end date is in the past/,
    );
    expect(checkProductInput(input({ status: "draft", saleEndsAt: now - 1 }), now).saleEndsAt).toBe(
      now - 1,
    );
  });
});

test("the dashboard's money parser refuses a minus sign instead of dropping it", () => {
  const cap = { maxCents: 100_000_000 };
  expect(readMoneyInput("-5", "USD", cap)).toEqual({ problem: expect.stringMatching(/negative/) });
  expect(readMoneyInput("$-5.00", "USD", cap)).toEqual({
    problem: expect.stringMatching(/negative/),
  });
  expect(readMoneyInput("99,999,999,999", "USD", cap)).toEqual({
    problem: expect.stringMatching(/too large.*\$1,000,000\.00/),
  });
  expect(readMoneyInput("1.999", "USD", cap)).toEqual({
    problem: expect.stringMatching(/more than 2 decimal places/),
  });
  expect(readMoneyInput("1,299.50", "USD", cap)).toEqual({ cents: 129_950 });
  expect(readMoneyInput("$5", "USD", cap)).toEqual({ cents: 500 });
  expect(parseMoneyInput("-5")).toBeNull();
});

// One-click import end to end in convex-test: the real action fetches fixture pages from a
// local fake supplier site, the job records each step, and a draft product lands in the
// catalog through the catalog writer. Bad addresses and pages that fail create nothing.
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { type FakeSupplierSite, PAGES, startFakeSupplierSite } from "../fakes/supplierSite";
import { kindOf, storeWithStaff } from "./setup";

let site: FakeSupplierSite;
beforeAll(async () => {
  site = await startFakeSupplierSite({ slowMs: 3_000 });
});
afterAll(async () => {
  await site.close();
});
beforeEach(() => {
  site.requests.length = 0;
  vi.stubEnv("SUPPLIER_FETCH_ALLOW", site.host);
  vi.stubEnv("SUPPLIER_FETCH_TIMEOUT_MS", "500");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function shop() {
  const { t, owner, staff, storeId } = await storeWithStaff("Import Shop");
  const counts = () =>
    t.run(async (ctx) => ({
      products: (
        await ctx.db
          .query("products")
          .withIndex("by_store_position", (q) => q.eq("storeId", storeId))
          .collect()
      ).length,
      jobs: (
        await ctx.db
          .query("importJobs")
          .withIndex("by_store_created", (q) => q.eq("storeId", storeId))
          .collect()
      ).length,
    }));
  /** Starts an import and waits for its action (and anything it scheduled) to finish. */
  const importUrl = async (url: string) => {
    const started = await owner.mutation(api.importer.start, { storeId, url });
    await t.finishAllScheduledFunctions(() => {});
    return started;
  };
  const job = async (jobId: Id<"importJobs">) =>
    (await owner.query(api.importer.get, { storeId, jobId }))!;
  return { t, owner, staff, storeId, counts, importUrl, job };
}

const stepStatuses = (steps: { key: string; status: string }[]) =>
  Object.fromEntries(steps.map((step) => [step.key, step.status]));

describe("importing a product page", () => {
  test("AliExpress: every step recorded; a draft product with supplier, cost, variants and a suggested price", async () => {
    const { owner, storeId, importUrl, job } = await shop();
    const url = site.url(PAGES.aliexpress);
    const started = await importUrl(url);
    expect(started.kind).toBe("started");
    const done = await job(started.jobId);
    expect(done.status).toBe("done");
    expect(done.error).toBeUndefined();
    expect(stepStatuses(done.steps)).toMatchObject({
      validate: "done",
      fetch: "done",
      read: "done",
      price: "done",
      draft: "done",
    });
    expect(stepStatuses(done.steps).ai).toBe("done");
    expect(done.steps.find((s) => s.key === "ai")!.detail).toMatch(/^Offline draft requested/);
    for (const step of done.steps) {
      expect(step.ms, step.key).toBeGreaterThanOrEqual(0);
    }
    expect(done.steps.find((s) => s.key === "read")!.detail).toBe(
      "4 variants, 3 images, from runParams",
    );
    expect(done.pricing!.steps.length).toBeGreaterThanOrEqual(5);
    // The page was fetched like a browser fetches it.
    expect(site.requests.map((r) => r.path)).toEqual([PAGES.aliexpress]);
    expect(site.requests[0].userAgent).toMatch(/Mozilla\/5\.0 .*Chrome/);

    const product = (await owner.query(api.catalog.get, { storeId, productId: done.productId! }))!;
    expect(product).toMatchObject({
      status: "draft",
      importSource: "aliexpress",
      supplierUrl: url,
      supplierCostCents: 897,
      title: "Portable Mini Blender USB Rechargeable Personal Juicer Cup 6 Blades Smoothie Maker",
      category: "Kitchen Appliances",
      priceCents: done.pricing!.suggestedCents,
    });
    expect(product.variants).toHaveLength(4);
    expect(product.variants[1]).toMatchObject({
      sku: "AE-12000035123450002",
      options: { Color: "Blush Pink", Capacity: "500ml" },
      stock: 230,
    });
    expect(product.variants[1].priceCents).toBeGreaterThan(product.variants[0].priceCents);
    expect(product.images[0].url).toMatch(/^https:\/\/ae01\.alicdn\.com\//);
    // Priced above break-even: the suggestion never goes under the floor.
    expect(product.priceCents).toBeGreaterThanOrEqual(done.pricing!.floorCents);

    // The AI layer wrote an offline draft of the title and description for the team to review;
    // the product keeps the supplier's copy until someone accepts it.
    const drafts = await owner.query(api.ai.draftsFor, {
      storeId,
      table: "products",
      id: product._id,
    });
    expect(drafts).toHaveLength(1);
    expect(drafts[0]).toMatchObject({ provider: "offline", status: "ready" });

    const suggestion = await owner.query(api.pricing.forProduct, {
      storeId,
      productId: product._id,
    });
    expect(suggestion.suggestion!.suggestedCents).toBe(product.priceCents);
  });

  test("CJ: the draft carries CJ as its source and the cheapest variant's cost", async () => {
    const { owner, storeId, importUrl, job } = await shop();
    const started = await importUrl(site.url(PAGES.cj));
    const done = await job(started.jobId);
    expect(done.status).toBe("done");
    const product = (await owner.query(api.catalog.get, { storeId, productId: done.productId! }))!;
    expect(product).toMatchObject({
      importSource: "cj",
      supplierCostCents: 1246,
      title: "LED Galaxy Star Projector Night Light with Bluetooth Speaker",
      category: "Home Decor / Night Lights",
    });
    expect(product.variants.map((v) => v.options)).toEqual([
      { Color: "Black", Plug: "US" },
      { Color: "White", Plug: "US" },
      { Color: "Black", Plug: "EU" },
    ]);
    expect(product.description).toMatch(/^Turn any room into a galaxy\./);
  });

  test("the same product twice: the second answers 'already imported' and creates nothing", async () => {
    const { storeId, owner, importUrl, counts } = await shop();
    const first = await importUrl(site.url(PAGES.aliexpress));
    expect(await counts()).toEqual({ products: 1, jobs: 1 });
    // Pasted again, with tracking parameters: still the same product.
    const second = await importUrl(`${site.url(PAGES.aliexpress)}?spm=a2g0o.detail&pdp_npi=4`);
    expect(second.kind).toBe("duplicate");
    if (second.kind !== "duplicate") return;
    const done = await owner.query(api.importer.get, { storeId, jobId: first.jobId });
    expect(second.productId).toBe(done!.productId);
    expect(second.title).toMatch(/^Portable Mini Blender/);
    expect(await counts()).toEqual({ products: 1, jobs: 1 });
    expect(site.requests).toHaveLength(1);
  });

  test("the slug comes from the title; another listing id the site lacks fails and adds nothing", async () => {
    const { owner, storeId, importUrl, job, t } = await shop();
    const first = await importUrl(site.url(PAGES.aliexpress));
    const productId = (await job(first.jobId)).productId!;
    await t.run(async (ctx) => {
      const doc = (await ctx.db.get(productId))!;
      expect(doc.slug).toBe(
        "portable-mini-blender-usb-rechargeable-personal-juicer-cup-6-blades-smoothie",
      );
    });
    const other = await importUrl(
      site.url(PAGES.aliexpress.replace("1005006123456789", "1005006123456790")),
    );
    // The fake site has no page at that id, so it fails: nothing created.
    expect((await job(other.jobId)).status).toBe("failed");
    const products = await owner.query(api.catalog.list, {
      storeId,
      paginationOpts: { numItems: 10, cursor: null },
    });
    expect(products.page).toHaveLength(1);
  });
});

describe("what is refused, creating nothing", () => {
  test.each([
    ["a wrong host", "https://www.amazon.com/dp/B08N5WRWNW", /amazon\.com is not AliExpress or CJ/],
    [
      "not a product path",
      "https://www.aliexpress.com/store/1102731325",
      /product address looks like/,
    ],
    ["plain http", "http://www.aliexpress.com/item/1005006123456789.html", /only https/],
    ["garbage", "}{ not a url", /not a web address/],
    [
      "a 5,000-character address",
      `https://www.aliexpress.com/item/1.html?q=${"x".repeat(5_000)}`,
      /characters long/,
    ],
  ])("%s", async (_what, url, message) => {
    const { owner, storeId, counts } = await shop();
    await expect(owner.mutation(api.importer.start, { storeId, url })).rejects.toThrow(message);
    expect(await kindOf(owner.mutation(api.importer.start, { storeId, url }))).toBe("INVALID");
    expect(await counts()).toEqual({ products: 0, jobs: 0 });
  });

  test.each([
    ["a missing page (404)", PAGES.missing, "fetch", /does not exist \(404\)/],
    ["a page that is too slow", PAGES.slow, "fetch", /did not (answer|finish loading) within/],
    [
      "an answer that is not a web page",
      PAGES.notHtml,
      "fetch",
      /application\/json rather than a web page/,
    ],
    ["a page without product data", PAGES.noProduct, "read", /No product data found/],
  ])(
    "%s: the job fails with a clear message and no product",
    async (_what, path, failedStep, why) => {
      const { importUrl, job, counts } = await shop();
      const started = await importUrl(site.url(path));
      const failed = await job(started.jobId);
      expect(failed.status).toBe("failed");
      expect(failed.error).toMatch(why);
      const steps = stepStatuses(failed.steps);
      expect(steps[failedStep]).toBe("failed");
      expect(steps.draft).toBe("skipped");
      expect(await counts()).toEqual({ products: 0, jobs: 1 });
    },
  );

  test("a failed import can be retried once the page loads (a failure is not 'already imported')", async () => {
    const { importUrl, counts } = await shop();
    const url = site.url(PAGES.aliexpress);
    vi.stubEnv("SUPPLIER_FETCH_ALLOW", "");
    await expect(importUrl(url)).rejects.toThrow(/only https/);
    vi.stubEnv("SUPPLIER_FETCH_ALLOW", site.host);
    expect((await importUrl(url)).kind).toBe("started");
    expect(await counts()).toEqual({ products: 1, jobs: 1 });
  });

  test("a second paste while the first import runs joins it; a run that died is started afresh", async () => {
    const { t, owner, storeId, counts } = await shop();
    const url = site.url(PAGES.cj);
    const first = await owner.mutation(api.importer.start, { storeId, url });
    const again = await owner.mutation(api.importer.start, { storeId, url });
    expect(again).toEqual({ kind: "running", jobId: first.jobId });
    await t.finishAllScheduledFunctions(() => {});
    expect(await counts()).toEqual({ products: 1, jobs: 1 });

    // A job left "running" by a crashed action, silent for longer than a run can take.
    const stale = await t.run(async (ctx) => {
      const jobId = await ctx.db.insert("importJobs", {
        storeId,
        url: site.url(PAGES.aliexpress),
        supplier: "aliexpress",
        externalId: "1005006123456789",
        status: "running",
        steps: [],
        requestedBy: (await ctx.db.query("users").first())!._id,
        createdAt: Date.now() - 10 * 60_000,
        updatedAt: Date.now() - 10 * 60_000,
      });
      return jobId;
    });
    const fresh = await owner.mutation(api.importer.start, {
      storeId,
      url: site.url(PAGES.aliexpress),
    });
    expect(fresh.kind).toBe("started");
    expect(fresh.jobId).not.toBe(stale);
    await t.finishAllScheduledFunctions(() => {});
    expect(await counts()).toEqual({ products: 2, jobs: 3 });
  });

  test("staff may not import (it writes the catalog and shows costs)", async () => {
    const { staff, storeId, counts } = await shop();
    const url = site.url(PAGES.aliexpress);
    expect(await kindOf(staff.mutation(api.importer.start, { storeId, url }))).toBe("FORBIDDEN");
    expect(await kindOf(staff.query(api.importer.recent, { storeId }))).toBe("FORBIDDEN");
    expect(await counts()).toEqual({ products: 0, jobs: 0 });
  });

  test("recent lists the store's imports newest first", async () => {
    const { owner, storeId, importUrl } = await shop();
    await importUrl(site.url(PAGES.cj));
    await importUrl(site.url(PAGES.missing));
    const recent = await owner.query(api.importer.recent, { storeId });
    expect(recent.map((job) => job.status)).toEqual(["failed", "done"]);
  });
});

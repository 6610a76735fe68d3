// The AI layer offline: a draft requested for a product streams in (offline generator, same
// path as Claude's), becomes ready with a proposal, and can be accepted (writing the product
// through its writer), undone (refused if the product changed since), edited and rejected.
// Every step leaves an audit row marked as AI.
import { afterEach, beforeEach, describe, expect, test, vi } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import { requestDraft } from "../../convex/model/ai/drafts";
import { offlineChunks } from "../../convex/model/ai/offline";
import { cleanTitle, TEMPLATES } from "../../convex/model/ai/templates";
import { describeAction } from "../../src/features/activity/describeEntry";
import { kindOf, type makeTest, storeWithStaff } from "./setup";

beforeEach(() => {
  vi.stubEnv("ANTHROPIC_API_KEY", "");
});
afterEach(() => {
  vi.unstubAllEnvs();
});

async function shop() {
  const { t, owner, staff, storeId } = await storeWithStaff("AI Shop");
  const productId = await owner.mutation(api.catalog.create, {
    storeId,
    product: {
      title: "2024 NEW Hot Sale ACME® wireless earbuds [EU plug] earbuds",
      slug: "",
      description:
        "Bluetooth 5.3 earbuds with a charging case. 30 hours of battery. Sweat resistant for workouts.",
      status: "draft",
      category: "Audio",
      tags: [],
      images: [],
      variants: [{ sku: "EAR-1", title: "Default", options: {}, priceCents: 2_999, stock: 5 }],
    },
  });
  const settle = () => t.finishAllScheduledFunctions(() => {});
  return { t, owner, staff, storeId, productId, settle };
}

async function product(t: ReturnType<typeof makeTest>, id: Id<"products">) {
  return (await t.run(async (ctx) => await ctx.db.get(id)))!;
}

async function aiAudit(t: ReturnType<typeof makeTest>) {
  return await t.run(async (ctx) =>
    (await ctx.db.query("auditLog").collect()).filter((row) => row.ai !== undefined),
  );
}

describe("offline generator", () => {
  test("cleans a marketplace title: no noise, no brackets, no repeats, Title Case, ≤ 70 chars", () => {
    expect(cleanTitle("2024 NEW Hot Sale ACME® wireless earbuds [EU plug] earbuds")).toBe(
      "Wireless Earbuds",
    );
    expect(cleanTitle("Zorbo wireless earbuds", "zorbo")).toBe("Wireless Earbuds");
    expect(cleanTitle("Free Shipping!! LED desk lamp with USB port")).toBe(
      "LED Desk Lamp with USB Port",
    );
    expect(cleanTitle("usb-c FAST charger for the car (2 pack)")).toBe(
      "Usb-c Fast Charger for the Car",
    );
    const long = cleanTitle("stainless steel ".repeat(3) + "x ".repeat(80));
    expect(long.length).toBeLessThanOrEqual(70);
  });

  test("writes the format the parser reads, from the input, deterministically", () => {
    const input = {
      title: "ceramic mug",
      description: "Holds 350 ml. Dishwasher safe.",
      category: "Kitchen",
    };
    const text = TEMPLATES.productCopy.offline(input);
    expect(text).toBe(TEMPLATES.productCopy.offline(input));
    expect(text).toContain("Title: Ceramic Mug\nDescription:\nHolds 350 ml.");
    expect(text).toContain("- Dishwasher safe");
    expect(text).toContain("- Category: Kitchen");
    const parsed = TEMPLATES.productCopy.parse(text);
    expect(parsed).toEqual({
      ok: true,
      fields: [
        { field: "title", value: "Ceramic Mug" },
        { field: "description", value: expect.stringContaining("Holds 350 ml.") },
      ],
    });
    expect(offlineChunks(text).join("")).toBe(text);
    expect(offlineChunks(text).length).toBeGreaterThan(1);
  });

  test("the parser refuses an answer in the wrong shape with a clear reason", () => {
    expect(TEMPLATES.productCopy.parse("Sure! Here is a great description.")).toMatchObject({
      ok: false,
      error: expect.stringContaining("expected format"),
    });
    expect(TEMPLATES.productCopy.parse("Title: X\nDescription:\nshort")).toMatchObject({
      ok: false,
      error: expect.stringMatching(/title is too short.*description is too short/i),
    });
  });
});

describe("drafts", () => {
  test("request → writing → ready (offline, labelled) → accept → undo, all audited as AI", async () => {
    const { t, owner, storeId, productId, settle } = await shop();
    const original = await product(t, productId);
    const draftId = await owner.mutation(api.ai.draft, {
      storeId,
      template: "productCopy",
      table: "products",
      id: productId,
    });
    const [writing] = await owner.query(api.ai.draftsFor, {
      storeId,
      table: "products",
      id: productId,
    });
    expect(writing).toMatchObject({ _id: draftId, status: "writing", label: "Offline draft" });

    await settle();
    const [ready] = await owner.query(api.ai.draftsFor, {
      storeId,
      table: "products",
      id: productId,
    });
    expect(ready).toMatchObject({
      status: "ready",
      provider: "offline",
      label: "Offline draft",
      promptVersion: "productCopy@1",
      costMicroUsd: 0,
    });
    expect(ready.text).toMatch(/^Title: Wireless Earbuds\nDescription:\nBluetooth 5.3 earbuds/);
    expect(ready.proposal?.[0]).toEqual({ field: "title", value: "Wireless Earbuds" });

    await owner.mutation(api.ai.accept, { storeId, draftId });
    const accepted = await product(t, productId);
    expect(accepted.title).toBe("Wireless Earbuds");
    expect(accepted.description).toContain("- Sweat resistant for workouts");
    const [afterAccept] = await owner.query(api.ai.draftsFor, {
      storeId,
      table: "products",
      id: productId,
    });
    expect(afterAccept.status).toBe("accepted");
    expect(afterAccept.before).toEqual([
      { field: "title", value: original.title },
      { field: "description", value: original.description },
    ]);

    await owner.mutation(api.ai.undo, { storeId, draftId });
    const undone = await product(t, productId);
    expect({ title: undone.title, description: undone.description }).toEqual({
      title: original.title,
      description: original.description,
    });
    expect(undone.updatedAt).toBeGreaterThan(accepted.updatedAt);

    const audit = await aiAudit(t);
    expect(audit.map((row) => row.action)).toEqual(["ai.generate", "ai.accept", "ai.undo"]);
    for (const row of audit) {
      expect(row.ai).toEqual({
        draftId,
        provider: "offline",
        promptVersion: "productCopy@1",
        costMicroUsd: 0,
      });
      expect(row.targetTable).toBe("products");
    }
    expect(audit[1].changes.find((c) => c.field === "title")).toEqual({
      field: "title",
      from: original.title,
      to: "Wireless Earbuds",
    });
    // Undo twice is refused.
    expect(await kindOf(owner.mutation(api.ai.undo, { storeId, draftId }))).toBe(
      "INVALID_TRANSITION",
    );
  });

  test("undo refuses with CONFLICT when the product changed after the accept, and writes nothing", async () => {
    const { t, owner, storeId, productId, settle } = await shop();
    const draftId = await owner.mutation(api.ai.draft, {
      storeId,
      template: "productCopy",
      table: "products",
      id: productId,
    });
    await settle();
    await owner.mutation(api.ai.accept, { storeId, draftId });
    await owner.mutation(api.catalog.update, {
      storeId,
      productId,
      patch: { title: "Earbuds by Hand" },
    });
    expect(await kindOf(owner.mutation(api.ai.undo, { storeId, draftId }))).toBe("CONFLICT");
    expect((await product(t, productId)).title).toBe("Earbuds by Hand");
    const [draft] = await owner.query(api.ai.draftsFor, {
      storeId,
      table: "products",
      id: productId,
    });
    expect(draft.status).toBe("accepted");
  });

  test("reject sets the draft aside (audited); it can no longer be accepted", async () => {
    const { t, owner, storeId, productId, settle } = await shop();
    const draftId = await owner.mutation(api.ai.draft, {
      storeId,
      template: "productCopy",
      table: "products",
      id: productId,
    });
    await settle();
    await owner.mutation(api.ai.reject, { storeId, draftId });
    expect(await kindOf(owner.mutation(api.ai.accept, { storeId, draftId }))).toBe(
      "INVALID_TRANSITION",
    );
    const [draft] = await owner.query(api.ai.draftsFor, {
      storeId,
      table: "products",
      id: productId,
    });
    expect(draft.status).toBe("discarded");
    expect((await aiAudit(t)).map((row) => row.action)).toEqual(["ai.generate", "ai.reject"]);
  });

  test("a draft rejected while writing stops: the stream's next chunk is refused", async () => {
    const { t, owner, storeId, productId, settle } = await shop();
    const draftId = await owner.mutation(api.ai.draft, {
      storeId,
      template: "productCopy",
      table: "products",
      id: productId,
    });
    await owner.mutation(api.ai.reject, { storeId, draftId });
    await settle();
    const draft = await t.run(async (ctx) => await ctx.db.get(draftId));
    expect(draft).toMatchObject({ status: "discarded", text: "" });
  });

  test("edit changes the proposal (validated) before accepting", async () => {
    const { t, owner, storeId, productId, settle } = await shop();
    const draftId = await owner.mutation(api.ai.draft, {
      storeId,
      template: "productCopy",
      table: "products",
      id: productId,
    });
    await settle();
    const bad = owner.mutation(api.ai.edit, {
      storeId,
      draftId,
      proposal: [
        { field: "title", value: "x".repeat(71) },
        { field: "description", value: "A long enough description for the product." },
      ],
    });
    expect(await kindOf(bad)).toBe("INVALID");
    await owner.mutation(api.ai.edit, {
      storeId,
      draftId,
      proposal: [
        { field: "title", value: "Everyday Wireless Earbuds" },
        { field: "description", value: "Small, light earbuds with a pocket case." },
      ],
    });
    await owner.mutation(api.ai.accept, { storeId, draftId });
    expect(await product(t, productId)).toMatchObject({
      title: "Everyday Wireless Earbuds",
      description: "Small, light earbuds with a pocket case.",
    });
    expect((await aiAudit(t)).map((row) => row.action)).toEqual([
      "ai.generate",
      "ai.edit",
      "ai.accept",
    ]);
  });

  test("staff may watch drafts but not ask for or accept one", async () => {
    const { owner, staff, storeId, productId, settle } = await shop();
    const args = {
      storeId,
      template: "productCopy" as const,
      table: "products" as const,
      id: productId,
    };
    expect(await kindOf(staff.mutation(api.ai.draft, args))).toBe("FORBIDDEN");
    const draftId = await owner.mutation(api.ai.draft, args);
    await settle();
    expect(
      await staff.query(api.ai.draftsFor, { storeId, table: "products", id: productId }),
    ).toHaveLength(1);
    expect(await kindOf(staff.mutation(api.ai.accept, { storeId, draftId }))).toBe("FORBIDDEN");
  });

  test("requestDraft (the module API) checks its input and creates nothing on bad input", async () => {
    const { t, storeId, productId } = await shop();
    const bad = t.run(async (ctx) =>
      requestDraft(ctx, {
        storeId,
        kind: "product_description",
        template: "productCopy",
        input: { title: "  ", description: "x" },
        target: { table: "products", id: productId },
      }),
    );
    expect(await kindOf(bad)).toBe("INVALID");
    const drafts = await t.run(async (ctx) => await ctx.db.query("aiDrafts").collect());
    expect(drafts).toHaveLength(0);
  });
});

describe("activity words", () => {
  test("AI rows name the fields, not their (long) before and after", () => {
    const row = {
      actorKind: "user" as const,
      actorId: "u1",
      action: "ai.accept",
      targetTable: "products",
      targetId: "p1",
      changes: [
        { field: "title", from: "a", to: "b" },
        { field: "description", from: "x".repeat(900), to: "y".repeat(900) },
      ],
    };
    expect(describeAction(row, new Map(), "USD")).toBe(
      "accepted an AI draft of the product (title, description)",
    );
    expect(describeAction({ ...row, action: "ai.undo" }, new Map(), "USD")).toBe(
      "undid an accepted AI draft of the product (title, description)",
    );
    expect(describeAction({ ...row, action: "ai.generate", changes: [] }, new Map(), "USD")).toBe(
      "had an AI draft written",
    );
  });
});

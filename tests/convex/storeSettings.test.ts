// Store settings: branding (colours, logo/favicon by address or upload), social links, contact,
// shipping and policies. Admin-only, audited, and bad input is refused changing nothing.
import { describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import { POLICY_MAX_CHARS } from "../../convex/model/storeSettings";
import { pricingStore } from "./pricingFixture";
import { kindOf } from "./setup";

const BRANDING = {
  logoUrl: "https://cdn.example.com/logo.png",
  faviconUrl: "/demo/favicon.svg",
  primaryColor: "#0a7d4f",
  accentColor: "#FFB703",
};
const NO_SOCIAL = { instagram: "", tiktok: "", facebook: "", x: "", youtube: "" };

describe("store settings", () => {
  test("branding saves, reaches the storefront's public store, and is audited per field", async () => {
    const { t, owner, storeId } = await pricingStore();
    const changed = await owner.mutation(api.stores.updateBranding, { storeId, ...BRANDING });
    expect(changed.sort()).toEqual([
      "faviconUrl",
      "logoUrl",
      "theme.accentColor",
      "theme.primaryColor",
    ]);
    const store = await t.query(api.storefront.store, { slug: "price-shop" });
    expect(store).toMatchObject({
      theme: { primaryColor: "#0A7D4F", accentColor: "#FFB703" },
      logoUrl: BRANDING.logoUrl,
      faviconUrl: "/demo/favicon.svg",
    });
    // Saving the same again writes nothing.
    expect(await owner.mutation(api.stores.updateBranding, { storeId, ...BRANDING })).toEqual([]);
    const audit = await t.run((ctx) => ctx.db.query("auditLog").collect());
    const rows = audit.filter((row) => row.action === "store.settings");
    expect(rows).toHaveLength(1);
    expect(rows[0].changes).toContainEqual({
      field: "theme.primaryColor",
      from: "#1F3A5F",
      to: "#0A7D4F",
    });
  });

  test("bad colours, addresses, links, emails and long policies are refused, changing nothing", async () => {
    const { t, owner, storeId } = await pricingStore();
    const before = await t.run((ctx) => ctx.db.get(storeId));
    const branding = (patch: Partial<typeof BRANDING>) =>
      kindOf(owner.mutation(api.stores.updateBranding, { storeId, ...BRANDING, ...patch }));
    for (const color of ["red", "#12345", "#1234567", "#GGGGGG", "", "rgb(0,0,0)"]) {
      expect(await branding({ primaryColor: color }), color).toBe("INVALID");
    }
    expect(await branding({ accentColor: "#abc" })).toBe("INVALID");
    expect(await branding({ logoUrl: "javascript:alert(1)" })).toBe("INVALID");
    expect(await branding({ faviconUrl: "not a url" })).toBe("INVALID");
    const social = (patch: Partial<typeof NO_SOCIAL>) =>
      kindOf(owner.mutation(api.stores.updateSocial, { storeId, ...NO_SOCIAL, ...patch }));
    expect(await social({ instagram: "https://evil.example/instagram.com" })).toBe("INVALID");
    expect(await social({ x: "twitter.com/shop" })).toBe("INVALID");
    expect(await social({ youtube: "ftp://youtube.com/shop" })).toBe("INVALID");
    const contact = (patch: Partial<{ email: string; phone: string; address: string }>) =>
      kindOf(
        owner.mutation(api.stores.updateContact, {
          storeId,
          email: "shop@example.com",
          phone: "",
          address: "",
          ...patch,
        }),
      );
    expect(await contact({ email: "nope" })).toBe("INVALID");
    expect(await contact({ email: `${"a".repeat(5_000)}@x.com` })).toBe("INVALID");
    expect(await contact({ phone: "call me maybe" })).toBe("INVALID");
    const shipping = (patch: Record<string, number>) =>
      kindOf(
        owner.mutation(api.stores.updateShipping, {
          storeId,
          flatShippingCents: 499,
          targetMarginBps: 5_000,
          ...patch,
        }),
      );
    expect(await shipping({ flatShippingCents: -5 })).toBe("INVALID");
    expect(await shipping({ flatShippingCents: 4.5 })).toBe("INVALID");
    expect(await shipping({ flatShippingCents: 9_999_999_999 })).toBe("INVALID");
    expect(await shipping({ freeShippingThresholdCents: -1 })).toBe("INVALID");
    expect(await shipping({ targetMarginBps: 10_000 })).toBe("INVALID");
    const policies = {
      shipping: "Ships fast.",
      returns: "30 days.",
      privacy: "Private.",
      terms: "",
    };
    expect(
      await kindOf(
        owner.mutation(api.stores.updatePolicies, {
          storeId,
          ...policies,
          returns: "x".repeat(POLICY_MAX_CHARS + 1),
        }),
      ),
    ).toBe("INVALID");
    expect(await t.run((ctx) => ctx.db.get(storeId))).toEqual(before);
  });

  test("social links, contact, shipping and policies save", async () => {
    const { t, owner, storeId } = await pricingStore();
    await owner.mutation(api.stores.updateSocial, {
      storeId,
      ...NO_SOCIAL,
      instagram: " https://www.instagram.com/priceshop ",
      x: "https://twitter.com/priceshop",
    });
    await owner.mutation(api.stores.updateContact, {
      storeId,
      email: "Help@PriceShop.com",
      phone: "+1 (555) 010-0200",
      address: "1 Main St, Austin",
    });
    await owner.mutation(api.stores.updateShipping, {
      storeId,
      flatShippingCents: 599,
      freeShippingThresholdCents: 7_500,
      shippingCostCents: 350,
      targetMarginBps: 4_000,
    });
    await owner.mutation(api.stores.updatePolicies, {
      storeId,
      shipping: "Ships in 2 days.",
      returns: "Returns within 60 days.",
      privacy: "We keep your data private.",
      terms: "x".repeat(POLICY_MAX_CHARS),
    });
    const store = (await t.run((ctx) => ctx.db.get(storeId)))!;
    expect(store.social).toEqual({
      instagram: "https://www.instagram.com/priceshop",
      x: "https://twitter.com/priceshop",
    });
    expect(store.contact).toEqual({
      email: "help@priceshop.com",
      phone: "+1 (555) 010-0200",
      address: "1 Main St, Austin",
    });
    expect(store.settings).toMatchObject({
      flatShippingCents: 599,
      freeShippingThresholdCents: 7_500,
      shippingCostCents: 350,
      targetMarginBps: 4_000,
      timezone: "UTC",
    });
    expect(store.policies.returns).toBe("Returns within 60 days.");
    // The pricing floor now uses the store's own shipping cost.
    const row = await owner.query(api.pricing.forProduct, {
      storeId,
      productId: (await t.run((ctx) => ctx.db.query("products").first()))!._id,
    });
    expect(row.suggestion?.steps[1]).toMatchObject({ label: "Shipping cost", cents: 350 });
    // Clearing the free-shipping threshold removes it.
    await owner.mutation(api.stores.updateShipping, {
      storeId,
      flatShippingCents: 599,
      targetMarginBps: 4_000,
    });
    const cleared = (await t.run((ctx) => ctx.db.get(storeId)))!;
    expect(cleared.settings.freeShippingThresholdCents).toBeUndefined();
  });

  test("uploads: an image becomes the logo (old file deleted); other files are refused", async () => {
    const { t, owner, storeId } = await pricingStore();
    // The browser's claimed type is ignored: the bytes decide.
    const store = (head: number[] | string, bytes: number) => {
      const body = new Uint8Array(bytes);
      body.set(typeof head === "string" ? new TextEncoder().encode(head) : head);
      return t.run((ctx) => ctx.storage.store(new Blob([body], { type: "image/png" })));
    };
    const upload = (kind: "logo" | "favicon", storageId: Awaited<ReturnType<typeof store>>) =>
      owner.action(api.stores.setUploadedImage, { storeId, kind, storageId });
    const png = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
    const first = await store(png, 1_000);
    const url = await upload("logo", first);
    expect((await t.run((ctx) => ctx.db.get(storeId)))!.logoUrl).toBe(url);
    const second = await store(
      '<?xml version="1.0"?>\n<svg xmlns="http://www.w3.org/2000/svg"/>',
      200,
    );
    await upload("logo", second);
    expect(await t.run((ctx) => ctx.db.system.get(first))).toBeNull();

    const before = await t.run((ctx) => ctx.db.get(storeId));
    const pdf = await store("%PDF-1.7", 1_000);
    expect(await kindOf(upload("logo", pdf))).toBe("INVALID");
    // A refused file does not linger in storage.
    expect(await t.run((ctx) => ctx.db.system.get(pdf))).toBeNull();
    const huge = await store(png, 600_000);
    expect(await kindOf(upload("favicon", huge))).toBe("INVALID");
    expect(await t.run((ctx) => ctx.db.get(storeId))).toEqual(before);
  });

  test("staff read settings but change none of them", async () => {
    const { t, staff, storeId } = await pricingStore();
    const before = await t.run((ctx) => ctx.db.get(storeId));
    expect((await staff.query(api.stores.settings, { storeId })).theme.primaryColor).toBe(
      "#1F3A5F",
    );
    expect(await kindOf(staff.mutation(api.stores.updateBranding, { storeId, ...BRANDING }))).toBe(
      "FORBIDDEN",
    );
    expect(await kindOf(staff.mutation(api.stores.generateUploadUrl, { storeId }))).toBe(
      "FORBIDDEN",
    );
    expect(await kindOf(staff.mutation(api.stores.updateSocial, { storeId, ...NO_SOCIAL }))).toBe(
      "FORBIDDEN",
    );
    expect(await t.run((ctx) => ctx.db.get(storeId))).toEqual(before);
  });
});

// One-click import, the pure parts: which addresses are product pages, reading each supplier's
// page structure from fixture pages, money in cents, and the draft priced by the pricing rules.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, test } from "vitest";
import { errorKind, errorMessage } from "../../convex/model/errors";
import { parseAliExpressPage } from "../../convex/model/import/aliexpress";
import { parseCjPage } from "../../convex/model/import/cj";
import { buildDraft, freeSlug } from "../../convex/model/import/draft";
import { toCents } from "../../convex/model/import/page";
import { parseProductUrl } from "../../convex/model/import/urls";
import { checkProductInput } from "../../convex/model/productRules";
import { suggestPrice } from "../../convex/model/pricing";

const fixture = (name: string) =>
  readFileSync(join(__dirname, "../fixtures/supplier-pages", name), "utf8");
const AE_URL = "https://www.aliexpress.com/item/1005006123456789.html";
const CJ_URL =
  "https://cjdropshipping.com/product/led-galaxy-star-projector-p-1619839741159440384.html";

function refusal(run: () => unknown): { kind?: string; message: string } {
  try {
    run();
  } catch (error) {
    return { kind: errorKind(error), message: errorMessage(error) };
  }
  return { message: "no error" };
}

describe("product addresses", () => {
  test.each([
    [AE_URL, "aliexpress", "1005006123456789", AE_URL],
    [
      "https://es.aliexpress.com/item/1005006296391749.html?spm=a2g0o.home.0&gatewayAdapt=glo2esp#nav",
      "aliexpress",
      "1005006296391749",
      "https://es.aliexpress.com/item/1005006296391749.html",
    ],
    [
      "https://www.aliexpress.us/item/3256805123456789.html",
      "aliexpress",
      "3256805123456789",
      null,
    ],
    ["https://m.aliexpress.com/i/1005006123456789.html", "aliexpress", "1005006123456789", null],
    [CJ_URL, "cj", "1619839741159440384", CJ_URL],
    [
      "https://www.cjdropshipping.com/product/Mini-Fan-p-1C653CB1-93F7-4AFB-B75B-D151DB2482FF.html",
      "cj",
      "1C653CB1-93F7-4AFB-B75B-D151DB2482FF",
      null,
    ],
  ])("%s is a %s product page", (pasted, supplier, externalId, tidy) => {
    const parsed = parseProductUrl(`  ${pasted} `);
    expect(parsed).toMatchObject({ supplier, externalId });
    if (tidy !== null) expect(parsed.url).toBe(tidy);
  });

  test.each([
    ["https://www.amazon.com/dp/B08N5WRWNW", /amazon\.com is not AliExpress or CJ/],
    ["https://aliexpress.com.evil.example/item/1005006123456789.html", /not AliExpress or CJ/],
    [
      "https://www.aliexpress.com/store/1102731325",
      /looks like https:\/\/www\.aliexpress\.com\/item/,
    ],
    ["https://www.aliexpress.com/w/wholesale-blender.html", /an AliExpress product address/],
    ["https://cjdropshipping.com/list/wholesale-home-l-2C.html", /a CJ product address/],
    ["http://www.aliexpress.com/item/1005006123456789.html", /only https/],
    ["ftp://www.aliexpress.com/item/1005006123456789.html", /only https/],
    ["blender please", /not a web address/],
    ["", /Paste the address/],
    [
      `https://www.aliexpress.com/item/1005006123456789.html?x=${"a".repeat(5_000)}`,
      /5,0\d\d characters long/,
    ],
  ])("%s is refused", (pasted, why) => {
    const { kind, message } = refusal(() => parseProductUrl(pasted));
    expect(kind).toBe("INVALID");
    expect(message).toMatch(why);
  });

  test("a wrong host or path says it is not an AliExpress or CJ product page", () => {
    expect(refusal(() => parseProductUrl("https://example.com/item/1.html")).message).toMatch(
      /^That is not an AliExpress or CJ product page: https:\/\/example\.com\/item\/1\.html/,
    );
  });

  test("the fake supplier site's host is allowed (http too) only when named", () => {
    const local = "http://127.0.0.1:4567/item/1005006123456789.html";
    expect(refusal(() => parseProductUrl(local)).kind).toBe("INVALID");
    expect(parseProductUrl(local, ["127.0.0.1:4567"])).toMatchObject({ supplier: "aliexpress" });
    expect(
      parseProductUrl("http://127.0.0.1:4567/product/x-p-1619839741159440384.html", [
        "127.0.0.1:4567",
      ]),
    ).toMatchObject({ supplier: "cj", externalId: "1619839741159440384" });
    expect(refusal(() => parseProductUrl(local, ["127.0.0.1:9999"])).kind).toBe("INVALID");
  });
});

describe("money from pages", () => {
  test.each([
    [8.97, 897],
    [19.99, 1999],
    ["12.46", 1246],
    ["US $1,234.56", 123456],
    ["1.234,56 €", 123456],
    ["MXN$58,46", 5846],
    ["7", 700],
    ["free", undefined],
    [-3, undefined],
  ])("%s → %s cents", (value, cents) => {
    expect(toCents(value)).toBe(cents);
  });
});

describe("AliExpress page", () => {
  test("runParams: title, images, description, variants with options, images and costs", () => {
    const product = parseAliExpressPage(fixture("aliexpress-item.html"), AE_URL);
    expect(product.readFrom).toBe("runParams");
    expect(product.title).toBe(
      "Portable Mini Blender USB Rechargeable Personal Juicer Cup 6 Blades Smoothie Maker",
    );
    expect(product.category).toBe("Kitchen Appliances");
    expect(product.currency).toBe("USD");
    expect(product.images).toHaveLength(3);
    expect(product.images[0]).toMatch(/^https:\/\/ae01\.alicdn\.com\/kf\/S5c1d/);
    expect(product.description).toMatch(/^Portable Mini Blender: 6 stainless blades/);
    expect(product.description).toContain("BPA-free cup & travel lid.");
    expect(product.supplierPriceCents).toBe(897);
    expect(product.variants).toEqual([
      expect.objectContaining({
        supplierSku: "12000035123450001",
        name: "Blush Pink / 350ml",
        options: { Color: "Blush Pink", Capacity: "350ml" },
        costCents: 897,
        stock: 412,
        imageUrl: expect.stringContaining("S1a2b3c4d"),
      }),
      expect.objectContaining({ name: "Blush Pink / 500ml", costCents: 1149, stock: 230 }),
      expect.objectContaining({
        name: "Sage Green / 350ml",
        costCents: 897,
        imageUrl: expect.stringContaining("S9f8e7d6"),
      }),
      expect.objectContaining({ name: "Sage Green / 500ml", costCents: 1149, stock: 0 }),
    ]);
  });

  test("the older layout (skuModule / titleModule / imageModule) inside _init_data_", () => {
    const data = {
      data: {
        data: {
          titleModule: { subject: "Silicone Stretch Lids 6 Pack" },
          imageModule: { imagePathList: ["//ae01.alicdn.com/kf/HTB1lid.jpg"] },
          pageModule: { description: "Six reusable lids." },
          skuModule: {
            productSKUPropertyList: [
              {
                skuPropertyName: "Size",
                skuPropertyValues: [{ propertyValueId: 1, propertyValueDisplayName: "6 pcs" }],
              },
            ],
            skuPriceList: [
              {
                skuPropIds: "1",
                skuIdStr: "99",
                skuVal: { skuAmount: { value: 4.2, currency: "USD" }, availQuantity: 7 },
              },
            ],
          },
        },
      },
    };
    const html = `<script>window._init_data_ = ${JSON.stringify(data)};</script>`;
    const product = parseAliExpressPage(html, AE_URL);
    expect(product).toMatchObject({
      readFrom: "_init_data_",
      title: "Silicone Stretch Lids 6 Pack",
      images: ["https://ae01.alicdn.com/kf/HTB1lid.jpg"],
      variants: [{ supplierSku: "99", options: { Size: "6 pcs" }, costCents: 420, stock: 7 }],
    });
  });

  test("JSON-LD Product when there is no page JSON", () => {
    const product = parseAliExpressPage(fixture("aliexpress-jsonld.html"), AE_URL);
    expect(product).toMatchObject({
      readFrom: "JSON-LD",
      title: "Magnetic Phone Car Mount 360 Rotation",
      category: "Phone Holders",
      supplierPriceCents: 319,
      variants: [
        { name: "Black", costCents: 319 },
        { name: "Silver", costCents: 459 },
      ],
    });
    expect(product.images).toHaveLength(2);
  });

  test("Open Graph tags as the last resort", () => {
    const html = `<meta property="og:title" content="Desk Lamp - AliExpress"><meta property="og:image" content="//ae01.alicdn.com/kf/lamp.jpg"><meta property="product:price:amount" content="6.50"><meta property="product:price:currency" content="USD">`;
    expect(parseAliExpressPage(html, AE_URL)).toMatchObject({
      readFrom: "Open Graph",
      title: "Desk Lamp",
      images: ["https://ae01.alicdn.com/kf/lamp.jpg"],
      supplierPriceCents: 650,
    });
  });

  test("a page with no product data is a clear error", () => {
    const { kind, message } = refusal(() =>
      parseAliExpressPage(fixture("no-product.html"), AE_URL),
    );
    expect(kind).toBe("INVALID");
    expect(message).toMatch(/No product data found on that AliExpress page/);
  });

  test("a product without a readable price is a clear error", () => {
    const html = `<meta property="og:title" content="Mystery Box">`;
    expect(refusal(() => parseAliExpressPage(html, AE_URL)).message).toMatch(
      /no price we could read for "Mystery Box"/,
    );
  });
});

describe("CJ page", () => {
  test("__NEXT_DATA__: title, images, HTML description as text, variants from productKeyEn", () => {
    const product = parseCjPage(fixture("cj-product.html"), CJ_URL);
    expect(product).toMatchObject({
      readFrom: "__NEXT_DATA__",
      title: "LED Galaxy Star Projector Night Light with Bluetooth Speaker",
      category: "Home Decor / Night Lights",
      currency: "USD",
      supplierPriceCents: 1246,
    });
    expect(product.images).toHaveLength(3);
    expect(product.description.split("\n")).toEqual([
      "Turn any room into a galaxy.",
      "Nebula and star effects in 10 colours, a built-in Bluetooth speaker and a 1-8 hour timer.",
      "Remote control included",
      "USB powered",
    ]);
    expect(product.variants).toEqual([
      expect.objectContaining({
        supplierSku: "CJDS1234567-Black-US",
        name: "Black / US",
        options: { Color: "Black", Plug: "US" },
        costCents: 1246,
        stock: 1250,
      }),
      expect.objectContaining({ name: "White / US", costCents: 1246 }),
      // CJ sometimes sends prices as strings.
      expect.objectContaining({ name: "Black / EU", costCents: 1310, stock: 0 }),
    ]);
  });

  test("a CJ page with no product data is a clear error", () => {
    expect(refusal(() => parseCjPage(fixture("no-product.html"), CJ_URL)).message).toMatch(
      /No product data found on that CJ page/,
    );
  });
});

describe("the draft", () => {
  const store = {
    currency: "USD",
    settings: { flatShippingCents: 499, targetMarginBps: 3_000 },
  };

  test("priced per variant with the pricing rules, valid for the catalog editor", () => {
    const parsed = parseAliExpressPage(fixture("aliexpress-item.html"), AE_URL);
    const { input, pricing } = buildDraft(parsed, { supplier: "aliexpress", url: AE_URL }, store);
    const expected = (cost: number) =>
      suggestPrice({
        costs: { supplierCostCents: cost, shippingCostCents: 499 },
        shippingSource: "",
        targetMarginBps: 3_000,
        competitor: null,
      }).suggestedCents;
    expect(input.variants.map((variant) => variant.priceCents)).toEqual([
      expected(897),
      expected(1149),
      expected(897),
      expected(1149),
    ]);
    expect(pricing).toMatchObject({ supplierCostCents: 897, suggestedCents: expected(897) });
    expect(pricing.steps.map((step) => step.label)).toContain("Price floor (break-even)");
    expect(input).toMatchObject({
      status: "draft",
      supplierUrl: AE_URL,
      supplierCostCents: 897,
      category: "Kitchen Appliances",
      slug: "portable-mini-blender-usb-rechargeable-personal-juicer-cup-6-blades-smoothie",
    });
    expect(input.variants[0].sku).toBe("AE-12000035123450001");
    // Variant pictures joined the product's images, so the editor accepts them.
    expect(input.images).toHaveLength(5);
    expect(() => checkProductInput(input, Date.now())).not.toThrow();
  });

  test("a page priced in another currency is refused with what to do", () => {
    const parsed = { ...parseCjPage(fixture("cj-product.html"), CJ_URL), currency: "MXN" };
    expect(
      refusal(() => buildDraft(parsed, { supplier: "cj", url: CJ_URL }, store)).message,
    ).toMatch(/prices in MXN but your store sells in USD/);
  });

  test("a taken slug gets the next free number", async () => {
    const taken = new Set(["lamp", "lamp-2"]);
    expect(await freeSlug("lamp", async (slug) => taken.has(slug))).toBe("lamp-3");
    expect(await freeSlug("desk", async (slug) => taken.has(slug))).toBe("desk");
  });
});

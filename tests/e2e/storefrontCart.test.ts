/** The storefront's browser-side rules that need no browser: reading a stored cart, the checkout form's checks, the sale countdown. */
import { describe, expect, it } from "vitest";
import { MAX_QUANTITY, parseCart } from "../../storefront/cart";
import { variantLabel } from "../../storefront/data";
import { checkDetails } from "../../storefront/islands/CheckoutView";
import { countdown } from "../../storefront/islands/ProductView";

const ID = "k97abcdefghijklmnopqrstuvwxyz12";

describe("a stored cart is read defensively", () => {
  it("keeps well-formed lines and counts what it dropped", () => {
    const cart = parseCart(
      JSON.stringify([
        { productId: ID, sku: "A", quantity: 2, seenPriceCents: 999 },
        { productId: ID, sku: "B", quantity: -1 },
        { productId: ID, sku: "C", quantity: 1.5 },
        { productId: "<script>", sku: "D", quantity: 1 },
        { productId: ID, sku: "", quantity: 1 },
        "junk",
        null,
      ]),
    );
    expect(cart.items).toEqual([{ productId: ID, sku: "A", quantity: 2, seenPriceCents: 999 }]);
    expect(cart.dropped).toBe(6);
  });

  it("merges repeated lines and caps quantities", () => {
    const cart = parseCart(
      JSON.stringify([
        { productId: ID, sku: "A", quantity: 60 },
        { productId: ID, sku: "A", quantity: 60 },
        { productId: ID, sku: "B", quantity: 1_000 },
      ]),
    );
    expect(cart.items.map((i) => i.quantity)).toEqual([MAX_QUANTITY, MAX_QUANTITY]);
    expect(cart.dropped).toBe(0);
  });

  it("survives text that is not JSON, or not a list", () => {
    expect(parseCart("{not json")).toEqual({ items: [], dropped: 1 });
    expect(parseCart('{"a":1}')).toEqual({ items: [], dropped: 1 });
    expect(parseCart(null)).toEqual({ items: [], dropped: 0 });
  });

  it("drops a price that is not whole cents instead of trusting it", () => {
    const cart = parseCart(
      JSON.stringify([{ productId: ID, sku: "A", quantity: 1, seenPriceCents: "1" }]),
    );
    expect(cart.items[0]).toEqual({ productId: ID, sku: "A", quantity: 1 });
  });
});

describe("checkout details", () => {
  const ok = { name: "Ada", line1: "1 Street", city: "Town", postalCode: "123", country: "US" };
  it("says the first thing missing, in words", () => {
    expect(checkDetails("ada@example.com", ok)).toBeNull();
    expect(checkDetails("ada@", ok)).toMatch(/email/);
    expect(checkDetails("ada@example.com", { ...ok, city: " " })).toMatch(/city/);
    expect(checkDetails("ada@example.com", { ...ok, country: "USA" })).toMatch(/two-letter/);
  });
});

describe("small words", () => {
  it("counts a sale down in days, hours, minutes and seconds", () => {
    expect(countdown(((2 * 24 + 3) * 3600 + 4 * 60 + 5) * 1000)).toBe("2d 03:04:05");
    expect(countdown(59_999)).toBe("00:00:59");
  });
  it("leaves out the name of a product's only variant", () => {
    expect(variantLabel("Default")).toBe("");
    expect(variantLabel("Default Title")).toBe("");
    expect(variantLabel("Sage / M")).toBe("Sage / M");
  });
});

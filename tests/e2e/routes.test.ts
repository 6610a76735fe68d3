/** The workspace router: addresses → registered module pages, with their named segments. */
import { describe, expect, it } from "vitest";
import { matchPath } from "../../lib/router";
import { modulePath } from "../../src/app/module";
import { MODULES } from "../../src/app/registry";
import { matchRoute } from "../../src/app/routes";

describe("workspace routes", () => {
  it("matches patterns with named, decoded segments", () => {
    expect(matchPath("orders/:id", "/orders/k97%2Fx")).toEqual({ id: "k97/x" });
    expect(matchPath("orders/:id", "/orders")).toBeNull();
    expect(matchPath("orders/:id", "/orders/a/b")).toBeNull();
    expect(matchPath("orders/:id", "/orders/%E0%A4%A")).toBeNull();
    expect(matchPath("/", "")).toEqual({});
  });

  it("finds each registered page, its module and params", () => {
    expect(matchRoute("/dashboard")?.module.id).toBe("overview");
    expect(matchRoute("/dashboard/")?.module.id).toBe("overview");
    const list = matchRoute("/dashboard/products");
    expect([list?.module.id, list?.route.pattern, list?.params]).toEqual(["products", "", {}]);
    const order = matchRoute("/dashboard/orders/abc123");
    expect([order?.module.id, order?.route.title, order?.params]).toEqual([
      "orders",
      "Order",
      { id: "abc123" },
    ]);
    // A product's address is its editor; "new" is the editor for a new product.
    const editor = matchRoute("/dashboard/products/p1");
    expect([editor?.route.title, editor?.params]).toEqual(["Edit product", { id: "p1" }]);
    expect(matchRoute("/dashboard/products/new")?.route.title).toBe("Add product");
  });

  it("has no page for unregistered modules or deeper addresses", () => {
    expect(matchRoute("/dashboard/no-such-module")).toBeNull();
    expect(matchRoute("/dashboard/discover/a")).toBeNull();
    expect(matchRoute("/dashboard/orders/a/b")).toBeNull();
    expect(matchRoute("/dashboardx")).toBeNull();
  });

  it("builds each module's address the router serves", () => {
    for (const m of MODULES) expect(matchRoute(modulePath(m))?.module).toBe(m);
    const orders = MODULES.find((m) => m.id === "orders")!;
    expect(modulePath(orders, "a b")).toBe("/dashboard/orders/a%20b");
    expect(matchRoute(modulePath(orders, "a b"))?.params).toEqual({ id: "a b" });
  });
});

import { describe, expect, it } from "vitest";
import { countOf } from "../../lib/plural";

describe("counts in words", () => {
  it("says 1 order, 0 orders, 2 orders, 1,204 orders", () => {
    const orders = { one: "order", other: "orders" };
    expect([0, 1, 2, 1204].map((n) => countOf(n, orders))).toEqual([
      "0 orders",
      "1 order",
      "2 orders",
      `${(1204).toLocaleString()} orders`,
    ]);
  });
});

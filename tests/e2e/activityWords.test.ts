// The activity feed's sentences and times, without a browser: what a person reads per row.
import { describe, expect, it } from "vitest";
import {
  actorLabel,
  describeAction,
  type Entry,
  entryHref,
} from "../../src/features/activity/describeEntry";
import { relativeTime } from "../../src/lib/relativeTime";

const people = new Map([
  ["u1", "Ada"],
  ["u2", "Ben"],
]);
const entry = (e: Partial<Entry>): Entry => ({
  actorKind: "user",
  actorId: "u1",
  action: "order.status",
  targetTable: "orders",
  targetId: "o1",
  changes: [],
  ...e,
});

describe("activity words", () => {
  it("says who did what, in words, with money as money", () => {
    const status = entry({ changes: [{ field: "status", from: "new", to: "processing" }] });
    expect(`${actorLabel(status, people)} ${describeAction(status, people, "USD")}`).toBe(
      "Ada changed order status from new to processing",
    );
    const price = entry({
      action: "product.update",
      targetTable: "products",
      changes: [
        { field: "priceCents", from: 1999, to: 2499 },
        { field: "title", from: "Mug", to: "Big mug" },
      ],
    });
    expect(describeAction(price, people, "USD")).toBe(
      "changed product price from $19.99 to $24.99, title from “Mug” to “Big mug”",
    );
    const role = entry({
      action: "member.role",
      targetTable: "members",
      targetId: "u2",
      changes: [{ field: "role", from: "staff", to: "admin" }],
    });
    expect(describeAction(role, people, "USD")).toBe("changed Ben’s role from staff to admin");
  });

  it("labels machines as machines and links only records with a page", () => {
    expect(actorLabel(entry({ actorKind: "system", actorId: undefined }), people)).toBe("System");
    expect(actorLabel(entry({ actorKind: "webhook", actorId: undefined }), people)).toBe(
      "A webhook",
    );
    expect(actorLabel(entry({ actorId: "u9" }), people)).toBe("Someone");
    expect(entryHref(entry({}))).toBe("/dashboard/orders/o1");
    expect(entryHref(entry({ targetTable: "products", targetId: "p1" }))).toBe(
      "/dashboard/products/p1",
    );
    expect(entryHref(entry({ targetTable: "members" }))).toBeNull();
  });

  it("reads times relative to now", () => {
    const now = Date.UTC(2026, 0, 10, 12);
    expect(relativeTime(now - 10_000, now)).toBe("just now");
    expect(relativeTime(now - 5 * 60_000, now)).toBe("5 minutes ago");
    expect(relativeTime(now - 26 * 3_600_000, now)).toBe("yesterday");
    expect(relativeTime(now + 7 * 86_400_000, now)).toBe("next week");
  });
});

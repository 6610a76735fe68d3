// Every pair of statuses, read from the rules data: the pure rule and the server's move agree,
// and a refused move changes nothing.
import { beforeAll, describe, expect, test } from "vitest";
import { api } from "../../convex/_generated/api";
import type { Id } from "../../convex/_generated/dataModel";
import {
  cleanTrackingNumber,
  MOVE_REQUIREMENTS,
  MOVES_VIA,
  moveRefusal,
  ORDER_TRANSITIONS,
} from "../../convex/model/orderRules";
import { ORDER_STATUSES, type OrderStatus } from "../../convex/model/validators";
import { ANA, boardStore, messageOf, statusOf } from "./boardFixture";
import { kindOf, makeTest, type T } from "./setup";

const PAIRS = ORDER_STATUSES.flatMap((from) => ORDER_STATUSES.map((to) => ({ from, to })));

describe("the rules data", () => {
  test.each(PAIRS)("$from → $to", ({ from, to }) => {
    const allowed =
      from !== to && (ORDER_TRANSITIONS[from].includes(to) || MOVES_VIA[from]?.[to] !== undefined);
    const needsTracking = MOVE_REQUIREMENTS[to] === "tracking";
    expect(moveRefusal({ from, to, hasTracking: true }) === null).toBe(allowed);
    expect(moveRefusal({ from, to, hasTracking: false }) === null).toBe(allowed && !needsTracking);
  });

  test("nothing is delivered before it shipped, and nothing ships untracked", () => {
    for (const from of ORDER_STATUSES) {
      if (from !== "shipped") {
        expect(moveRefusal({ from, to: "delivered", hasTracking: true })).not.toBeNull();
      }
    }
    expect(moveRefusal({ from: "processing", to: "shipped", hasTracking: false })).toMatch(
      /tracking number/,
    );
  });

  test("tracking numbers are cleaned or refused with a reason", () => {
    expect(cleanTrackingNumber(" 1z 999-aa1 0123456784 ")).toEqual({
      ok: true,
      value: "1Z999AA10123456784",
    });
    for (const bad of ["", "short1", "abc/123456789", "X".repeat(41)]) {
      const result = cleanTrackingNumber(bad);
      expect(result.ok).toBe(false);
    }
  });
});

describe("the server follows the rules data", () => {
  let t: T;
  let storeId: Id<"stores">;
  let orders: Record<OrderStatus, Id<"orders">[]>;
  beforeAll(async () => {
    t = makeTest();
    // One order per (from, to) pair, so each move starts from a fresh order.
    ({ storeId, orders } = await boardStore(t, ORDER_STATUSES.length));
  }, 60_000);

  test.each(PAIRS)("move $from → $to without tracking", async ({ from, to }) => {
    const orderId = orders[from][ORDER_STATUSES.indexOf(to)];
    // No order before "shipped" has a tracking number yet, so this is the rule without one.
    const refusal = moveRefusal({ from, to, hasTracking: false });
    const move = t.withIdentity(ANA).mutation(api.orders.move, { storeId, orderId, from, to });
    if (refusal === null) expect(await kindOf(move)).toBe("no error");
    else expect(await messageOf(move)).toBe(refusal);
    expect(await statusOf(t, orderId)).toBe(refusal === null ? to : from);
  });
});

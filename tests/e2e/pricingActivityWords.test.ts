// The activity feed's sentences for settings, coupons and price tests (no browser needed).
import { describe, expect, it } from "vitest";
import { describeAction, type Entry } from "../../src/features/activity/describeEntry";

const entry = (action: string, changes: Entry["changes"] = []): Entry => ({
  actorKind: "user",
  actorId: "u1",
  action,
  targetTable: "stores",
  targetId: "s1",
  changes,
});
const say = (e: Entry) => describeAction(e, new Map(), "USD");

describe("pricing and settings activity words", () => {
  it("names the settings that changed, not their field paths", () => {
    expect(
      say(
        entry("store.settings", [
          { field: "theme.primaryColor", from: "#1F3A5F", to: "#0A7D4F" },
          { field: "policies.returns", from: "30 days", to: "60 days" },
          { field: "logoStorageId", from: null, to: "kg2" },
          { field: "logoUrl", from: null, to: "https://x/logo.png" },
        ]),
      ),
    ).toBe("changed the store's primary colour, returns policy, logo");
  });

  it("coupons and price tests", () => {
    expect(say(entry("coupon.create", [{ field: "code", from: null, to: "SPRING20" }]))).toBe(
      "created coupon SPRING20",
    );
    expect(say(entry("coupon.deactivate"))).toBe("paused a coupon");
    expect(say(entry("priceTest.apply"))).toBe("applied a price test's winning price");
    // Anything else still falls through to the generic sentence.
    expect(say(entry("something.else"))).toBe("did something.else");
  });
});

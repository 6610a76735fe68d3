// SELL: the team's coupons. Create, edit, pause; the list shows use and state. Redemption
// (the same-transaction increment of `redemptions`) happens at checkout.
import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import type { MutationCtx } from "./_generated/server";
import { storeMutation, storeQuery } from "./functions";
import { getInStoreX } from "./model/access";
import { recordAudit, userActor } from "./model/audit";
import {
  assertLimitCoversUse,
  couponInput,
  couponStatus,
  couponStatusAt,
  parseCoupon,
} from "./model/couponRules";
import { conflict } from "./model/errors";
import schema from "./schema";

const TERMS = [
  "code",
  "discount",
  "minSubtotalCents",
  "startsAt",
  "endsAt",
  "maxRedemptions",
] as const;
const auditValue = (value: unknown) =>
  value === undefined
    ? null
    : typeof value === "object"
      ? JSON.stringify(value)
      : (value as string | number);

// A store's coupons are a short list the team curates, shown whole.
const LIST_LIMIT = 500;

async function assertCodeFree(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  code: string,
  self?: Id<"coupons">,
) {
  const taken = await ctx.db
    .query("coupons")
    .withIndex("by_store_code", (q) => q.eq("storeId", storeId).eq("code", code))
    .first();
  if (taken !== null && taken._id !== self) {
    throw conflict(`The code ${code} is already used by another coupon in this store.`);
  }
}

/** Every coupon with its state now (active, scheduled, expired, used up, inactive). */
export const list = storeQuery({
  args: {},
  returns: v.array(v.object({ ...schema.doc("coupons").fields, status: couponStatus })),
  handler: async (ctx, { storeId }) => {
    const now = Date.now();
    const coupons = await ctx.db
      .query("coupons")
      .withIndex("by_store_code", (q) => q.eq("storeId", storeId))
      .take(LIST_LIMIT);
    return coupons.map((coupon) => ({ ...coupon, status: couponStatusAt(coupon, now) }));
  },
});

export const create = storeMutation({
  permission: "catalog.edit",
  args: { coupon: couponInput },
  returns: v.id("coupons"),
  handler: async (ctx, { storeId, coupon }) => {
    const parsed = parseCoupon(coupon);
    await assertCodeFree(ctx, storeId, parsed.code);
    const couponId = await ctx.db.insert("coupons", {
      storeId,
      ...parsed,
      redemptions: 0,
      active: true,
    });
    await recordAudit(ctx, {
      storeId,
      actor: userActor(ctx.user._id),
      action: "coupon.create",
      targetTable: "coupons",
      targetId: couponId,
      changes: [{ field: "code", from: null, to: parsed.code }],
    });
    return couponId;
  },
});

/** Replaces a coupon's terms; its use so far stays, and the limit can't go below it. */
export const update = storeMutation({
  permission: "catalog.edit",
  args: { couponId: v.id("coupons"), coupon: couponInput },
  returns: v.null(),
  handler: async (ctx, { storeId, couponId, coupon }) => {
    const current = await getInStoreX(ctx, storeId, couponId, "Coupon");
    const parsed = parseCoupon(coupon);
    assertLimitCoversUse(parsed.maxRedemptions, current.redemptions);
    if (parsed.code !== current.code) await assertCodeFree(ctx, storeId, parsed.code, couponId);
    await ctx.db.replace(couponId, {
      storeId,
      ...parsed,
      redemptions: current.redemptions,
      active: current.active,
    });
    const changes = TERMS.filter(
      (field) => JSON.stringify(current[field]) !== JSON.stringify(parsed[field]),
    ).map((field) => ({ field, from: auditValue(current[field]), to: auditValue(parsed[field]) }));
    if (changes.length > 0) {
      await recordAudit(ctx, {
        storeId,
        actor: userActor(ctx.user._id),
        action: "coupon.update",
        targetTable: "coupons",
        targetId: couponId,
        changes,
      });
    }
    return null;
  },
});

/** Pauses (or resumes) a coupon; a paused code is refused at checkout. */
export const setActive = storeMutation({
  permission: "catalog.edit",
  args: { couponId: v.id("coupons"), active: v.boolean() },
  returns: v.null(),
  handler: async (ctx, { storeId, couponId, active }) => {
    const current = await getInStoreX(ctx, storeId, couponId, "Coupon");
    if (current.active === active) return null;
    await ctx.db.patch(couponId, { active });
    await recordAudit(ctx, {
      storeId,
      actor: userActor(ctx.user._id),
      action: active ? "coupon.activate" : "coupon.deactivate",
      targetTable: "coupons",
      targetId: couponId,
      changes: [{ field: "active", from: current.active, to: active }],
    });
    return null;
  },
});

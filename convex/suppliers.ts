// FULFILL: the order page's working side: which supplier each line comes from, buying it
// (by hand, or through CJ), notes, the timeline, and the order's true profit.
import { v } from "convex/values";
import type { Id } from "./_generated/dataModel";
import { internalMutation } from "./_generated/server";
import { storeMutation, storeQuery } from "./functions";
import { can, getInStore } from "./model/access";
import { userActor } from "./model/audit";
import { addOrderNote } from "./model/orders";
import { trueProfit } from "./model/profit";
import {
  chooseRule,
  claimAutoOrder as claim,
  completeAutoOrder as complete,
  failAutoOrder as fail,
  recordManualOrder,
  resetAutoOrder as reset,
  rulesOfProduct,
  saveRule as save,
  supplierLink,
  supplierOrderOf,
} from "./model/suppliers";
import { actorKind, address, auditChange, supplier } from "./model/validators";

const rule = v.object({
  _id: v.id("supplierRules"),
  sku: v.optional(v.string()),
  supplier,
  url: v.optional(v.string()),
  supplierProductId: v.optional(v.string()),
  costCents: v.optional(v.number()),
  autoOrder: v.boolean(),
});
const profit = v.object({
  revenueCents: v.number(),
  supplierCostCents: v.number(),
  shippingCostCents: v.number(),
  paymentFeeCents: v.number(),
  channelFeeCents: v.number(),
  profitCents: v.number(),
  marginBps: v.number(),
  basis: v.union(v.literal("recorded"), v.literal("estimated")),
  unknownCostLines: v.number(),
});

/** Everything the order page works with besides the order itself; null if not in this store. */
export const desk = storeQuery({
  args: { orderId: v.id("orders") },
  returns: v.union(
    v.null(),
    v.object({
      lines: v.array(
        v.object({
          itemId: v.id("orderItems"),
          productId: v.id("products"),
          sku: v.string(),
          imageUrl: v.optional(v.string()),
          options: v.record(v.string(), v.string()),
          // The rule this line follows (variant over product), and whose it is.
          rule: v.union(v.null(), rule),
          ruleScope: v.union(v.literal("variant"), v.literal("product"), v.literal("none")),
          link: v.optional(v.string()),
        }),
      ),
      supplierOrder: v.union(
        v.null(),
        v.object({
          supplier,
          via: v.union(v.literal("manual"), v.literal("cj")),
          status: v.union(v.literal("placing"), v.literal("placed"), v.literal("failed")),
          attempts: v.number(),
          supplierOrderId: v.optional(v.string()),
          lastError: v.optional(v.string()),
          nextStep: v.optional(v.string()),
          updatedAt: v.number(),
        }),
      ),
      notes: v.array(
        v.object({ _id: v.id("orderNotes"), body: v.string(), at: v.number(), author: v.string() }),
      ),
      timeline: v.array(
        v.object({
          _id: v.id("auditLog"),
          action: v.string(),
          at: v.number(),
          actorKind,
          actor: v.string(),
          changes: v.array(auditChange),
        }),
      ),
      // Absent for members without "costs.view".
      profit: v.optional(profit),
      cjConfigured: v.boolean(),
      address,
    }),
  ),
  handler: async (ctx, { storeId, orderId }) => {
    const order = await getInStore(ctx, storeId, orderId);
    if (order === null) return null;
    const seesCosts = can(ctx, "costs.view");
    const items = await ctx.db
      .query("orderItems")
      .withIndex("by_store_order", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
      .take(100);
    const lines = [];
    for (const item of items) {
      const product = await ctx.db.get(item.productId);
      const rules = await rulesOfProduct(ctx, storeId, item.productId);
      const chosen = chooseRule(rules, item.sku);
      const variant = product?.variants.find((candidate) => candidate.sku === item.sku);
      lines.push({
        itemId: item._id,
        productId: item.productId,
        sku: item.sku,
        imageUrl: variant?.imageUrl ?? product?.images[0]?.url,
        options: variant?.options ?? {},
        rule: chosen
          ? {
              _id: chosen._id,
              sku: chosen.sku,
              supplier: chosen.supplier,
              url: chosen.url,
              supplierProductId: chosen.supplierProductId,
              costCents: seesCosts ? chosen.costCents : undefined,
              autoOrder: chosen.autoOrder,
            }
          : null,
        ruleScope: chosen === undefined ? "none" : chosen.sku ? "variant" : "product",
        link: supplierLink(chosen, product),
      } as const);
    }
    const supplierOrder = await supplierOrderOf(ctx, storeId, orderId);
    const names = new Map<Id<"users">, string>();
    const nameOf = async (userId: Id<"users"> | undefined) => {
      if (userId === undefined) return "System";
      if (!names.has(userId))
        names.set(userId, (await ctx.db.get(userId))?.name ?? "A former member");
      return names.get(userId)!;
    };
    // Bounded: the newest 50 notes and 100 events of one order.
    const noteRows = await ctx.db
      .query("orderNotes")
      .withIndex("by_store_order_at", (q) => q.eq("storeId", storeId).eq("orderId", orderId))
      .order("desc")
      .take(50);
    const notes = [];
    for (const note of noteRows) {
      notes.push({
        _id: note._id,
        body: note.body,
        at: note.at,
        author: await nameOf(note.authorId),
      });
    }
    const events = await ctx.db
      .query("auditLog")
      .withIndex("by_store_target_at", (q) =>
        q.eq("storeId", storeId).eq("targetTable", "orders").eq("targetId", orderId),
      )
      .order("desc")
      .take(100);
    const timeline = [];
    for (const event of events) {
      timeline.push({
        _id: event._id,
        action: event.action,
        at: event.at,
        actorKind: event.actorKind,
        actor:
          event.actorKind === "user"
            ? await nameOf(event.actorId)
            : event.actorKind === "webhook"
              ? "Payment provider"
              : "System",
        // Staff do not see cost figures, even in the history.
        changes: seesCosts ? event.changes : event.changes.filter((c) => !/cost/i.test(c.field)),
      });
    }
    return {
      lines,
      supplierOrder: supplierOrder && {
        supplier: supplierOrder.supplier,
        via: supplierOrder.via,
        status: supplierOrder.status,
        attempts: supplierOrder.attempts,
        supplierOrderId: supplierOrder.supplierOrderId,
        lastError: supplierOrder.lastError,
        nextStep: supplierOrder.nextStep,
        updatedAt: supplierOrder.updatedAt,
      },
      notes,
      timeline,
      profit: seesCosts
        ? trueProfit({
            channel: order.channel,
            totalCents: order.totalCents,
            taxCents: order.taxCents,
            items,
            supplierOrder:
              supplierOrder?.status === "placed"
                ? {
                    productCostCents: supplierOrder.productCostCents,
                    shippingCostCents: supplierOrder.shippingCostCents,
                  }
                : undefined,
          })
        : undefined,
      cjConfigured: Boolean(process.env.CJ_API_KEY?.trim()),
      address: order.shippingAddress,
    };
  },
});

/** Sets which supplier a product (or one variant, when sku is given) is bought from. */
export const saveRule = storeMutation({
  permission: "catalog.edit",
  args: {
    productId: v.id("products"),
    sku: v.optional(v.string()),
    supplier,
    url: v.optional(v.string()),
    supplierProductId: v.optional(v.string()),
    costCents: v.optional(v.number()),
    autoOrder: v.boolean(),
  },
  returns: v.id("supplierRules"),
  handler: async (ctx, { storeId, ...input }) =>
    await save(ctx, storeId, userActor(ctx.user._id), input, Date.now()),
});

/** "I ordered it": the supplier's order id and the real cost; the order moves to Processing. */
export const recordOrder = storeMutation({
  permission: "orders.work",
  args: {
    orderId: v.id("orders"),
    supplier,
    supplierOrderId: v.string(),
    productCostCents: v.number(),
    shippingCostCents: v.number(),
  },
  returns: v.null(),
  handler: async (ctx, { storeId, orderId, ...input }) => {
    await recordManualOrder(ctx, storeId, userActor(ctx.user._id), orderId, input, Date.now());
    return null;
  },
});

export const addNote = storeMutation({
  permission: "orders.work",
  args: { orderId: v.id("orders"), body: v.string() },
  returns: v.id("orderNotes"),
  handler: async (ctx, { storeId, orderId, body }) =>
    await addOrderNote(ctx, storeId, userActor(ctx.user._id), orderId, body, Date.now()),
});

// ---- Internal: the CJ action's steps (convex/cj.ts) ----

const ids = { storeId: v.id("stores"), orderId: v.id("orders") };

export const claimAutoOrder = internalMutation({
  args: ids,
  returns: v.union(
    v.null(),
    v.object({
      idempotencyKey: v.string(),
      attempt: v.number(),
      orderNumber: v.number(),
      address,
      email: v.string(),
      lines: v.array(v.object({ vid: v.string(), quantity: v.number(), lineId: v.string() })),
    }),
  ),
  handler: async (ctx, { storeId, orderId }) => await claim(ctx, storeId, orderId, Date.now()),
});

export const completeAutoOrder = internalMutation({
  args: {
    ...ids,
    supplierOrderId: v.string(),
    productCostCents: v.number(),
    shippingCostCents: v.number(),
  },
  returns: v.null(),
  handler: async (ctx, { storeId, orderId, ...result }) => {
    await complete(ctx, storeId, orderId, result, Date.now());
    return null;
  },
});

export const failAutoOrder = internalMutation({
  args: { ...ids, message: v.string(), nextStep: v.string(), retryable: v.boolean() },
  returns: v.boolean(),
  handler: async (ctx, { storeId, orderId, ...failure }) =>
    await fail(ctx, storeId, orderId, failure, Date.now()),
});

export const resetAutoOrder = internalMutation({
  args: ids,
  returns: v.null(),
  handler: async (ctx, { storeId, orderId }) => {
    await reset(ctx, storeId, orderId);
    return null;
  },
});

// SELL: suggested prices with their reasoning, and applying one through the catalog writer.
// Everything here shows costs, so it needs "costs.view" (staff never see it).
import { paginationOptsValidator } from "convex/server";
import { v } from "convex/values";
import type { Doc } from "./_generated/dataModel";
import type { QueryCtx } from "./_generated/server";
import { storeMutation, storeQuery } from "./functions";
import { getInStoreX, requirePermission, type StoreAccess } from "./model/access";
import { userActor } from "./model/audit";
import { conflict, invalid } from "./model/errors";
import { shippingCostFor, type Suggestion, suggestPrice } from "./model/pricing";
import { quickEditProduct } from "./model/products";
import { productStatus } from "./model/validators";

const step = v.object({ label: v.string(), detail: v.string(), cents: v.number() });
const suggestion = v.object({
  floorCents: v.number(),
  targetCents: v.number(),
  suggestedCents: v.number(),
  marginAtSuggestedBps: v.number(),
  profitAtSuggestedCents: v.number(),
  competitor: v.union(v.object({ priceCents: v.number(), sellers: v.number() }), v.null()),
  steps: v.array(step),
});
const row = v.object({
  productId: v.id("products"),
  title: v.string(),
  status: productStatus,
  imageUrl: v.optional(v.string()),
  priceCents: v.number(),
  supplierCostCents: v.optional(v.number()),
  suggestion: v.union(suggestion, v.null()),
  // Why there is no suggestion (no supplier cost yet).
  problem: v.optional(v.string()),
});

/** Competitor price from the trend the product was imported from, when there is one. */
async function competitorFor(ctx: QueryCtx, product: Doc<"products">) {
  if (product.trendId === undefined) return null;
  const trend = await ctx.db.get(product.trendId);
  if (trend === null || trend.storeId !== product.storeId) return null;
  if (trend.estimatedPriceCents === undefined || trend.competitorCount === 0) return null;
  return { priceCents: trend.estimatedPriceCents, sellers: trend.competitorCount };
}

async function suggestionFor(
  ctx: QueryCtx,
  store: Doc<"stores">,
  product: Doc<"products">,
): Promise<Suggestion | null> {
  if (product.supplierCostCents === undefined) return null;
  const shipping = shippingCostFor(store);
  return suggestPrice({
    costs: { supplierCostCents: product.supplierCostCents, shippingCostCents: shipping.cents },
    shippingSource: shipping.source,
    targetMarginBps: store.settings.targetMarginBps,
    competitor: await competitorFor(ctx, product),
  });
}

function toRow(product: Doc<"products">, found: Suggestion | null): typeof row.type {
  return {
    productId: product._id,
    title: product.title,
    status: product.status,
    imageUrl: product.images[0]?.url,
    priceCents: product.priceCents,
    supplierCostCents: product.supplierCostCents,
    suggestion: found,
    problem: found === null ? "Add the supplier cost to get a suggested price." : undefined,
  };
}

/** Products in grid order, each with its suggested price, floor and reasoning. */
export const suggestions = storeQuery({
  permission: "costs.view",
  args: { paginationOpts: paginationOptsValidator },
  returns: v.object({
    page: v.array(row),
    isDone: v.boolean(),
    continueCursor: v.string(),
    targetMarginBps: v.number(),
  }),
  handler: async (ctx, { storeId, paginationOpts }) => {
    const result = await ctx.db
      .query("products")
      .withIndex("by_store_position", (q) => q.eq("storeId", storeId))
      .paginate(paginationOpts);
    const page = [];
    for (const product of result.page) {
      page.push(toRow(product, await suggestionFor(ctx, ctx.store, product)));
    }
    return {
      page,
      isDone: result.isDone,
      continueCursor: result.continueCursor,
      targetMarginBps: ctx.store.settings.targetMarginBps,
    };
  },
});

/** One product's suggestion (the reasoning drawer). */
export const forProduct = storeQuery({
  permission: "costs.view",
  args: { productId: v.id("products") },
  returns: row,
  handler: async (ctx, { storeId, productId }) => {
    const product = await getInStoreX(ctx, storeId, productId, "Product");
    return toRow(product, await suggestionFor(ctx, ctx.store, product));
  },
});

/**
 * Sets the product's price to its suggestion through the catalog writer. `suggestedCents` is
 * what the person saw: if costs or the market moved since, nothing changes and they are told.
 */
export const applySuggested = storeMutation({
  permission: "catalog.edit",
  args: { productId: v.id("products"), suggestedCents: v.number() },
  returns: v.number(),
  handler: async (ctx, { storeId, productId, suggestedCents }) => {
    requirePermission(ctx as StoreAccess, "costs.view");
    const product = await getInStoreX(ctx, storeId, productId, "Product");
    const found = await suggestionFor(ctx, ctx.store, product);
    if (found === null) throw invalid("Add the supplier cost before applying a suggested price.");
    if (found.suggestedCents !== suggestedCents) {
      throw conflict(
        "The suggestion changed since you looked (cost, shipping or market moved). Review the new one.",
      );
    }
    await quickEditProduct(
      ctx,
      storeId,
      userActor(ctx.user._id),
      productId,
      { priceCents: found.suggestedCents },
      Date.now(),
    );
    return found.suggestedCents;
  },
});

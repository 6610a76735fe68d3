// SELL: the team's view of the catalogue and quick edits from the product grid.
import { paginationOptsValidator, paginationResultValidator } from "convex/server";
import { v } from "convex/values";
import { storeMutation, storeQuery } from "./functions";
import { can, getInStore } from "./model/access";
import { userActor } from "./model/audit";
import { quickEditPatch, withoutCosts } from "./model/catalog";
import { quickEditProduct } from "./model/products";
import { productStatus } from "./model/validators";
import schema from "./schema";

const product = schema.doc("products");

/** Products in grid order (position), optionally one status only. */
export const list = storeQuery({
  args: { status: v.optional(productStatus), paginationOpts: paginationOptsValidator },
  returns: paginationResultValidator(product),
  handler: async (ctx, { storeId, status, paginationOpts }) => {
    const query =
      status === undefined
        ? ctx.db.query("products").withIndex("by_store_position", (q) => q.eq("storeId", storeId))
        : ctx.db
            .query("products")
            .withIndex("by_store_status_position", (q) =>
              q.eq("storeId", storeId).eq("status", status),
            );
    const result = await query.paginate(paginationOpts);
    return can(ctx, "costs.view") ? result : { ...result, page: result.page.map(withoutCosts) };
  },
});

/** Title search, best matches first. */
export const search = storeQuery({
  args: { text: v.string(), status: v.optional(productStatus) },
  returns: v.array(product),
  handler: async (ctx, { storeId, text, status }) => {
    const found = await ctx.db
      .query("products")
      .withSearchIndex("search_title", (q) => {
        const scoped = q.search("title", text).eq("storeId", storeId);
        return status === undefined ? scoped : scoped.eq("status", status);
      })
      .take(20);
    return can(ctx, "costs.view") ? found : found.map(withoutCosts);
  },
});

/** One product of this store, or null. */
export const get = storeQuery({
  args: { productId: v.id("products") },
  returns: v.union(product, v.null()),
  handler: async (ctx, { storeId, productId }) => {
    const found = await getInStore(ctx, storeId, productId);
    return found === null || can(ctx, "costs.view") ? found : withoutCosts(found);
  },
});

/** Quick edit from the grid: title, price, stock, status. Admins only; audited. */
export const update = storeMutation({
  permission: "catalog.edit",
  args: { productId: v.id("products"), patch: quickEditPatch },
  returns: product,
  handler: async (ctx, { storeId, productId, patch }) =>
    await quickEditProduct(ctx, storeId, userActor(ctx.user._id), productId, patch, Date.now()),
});

// The one door. Every public function is built with one of these, so a handler cannot forget
// to authenticate or to check the caller's role in the store it touches.
//
//   storeQuery / storeMutation / storeAction: take `storeId`, give ctx.user/member/store.
//     Pass `permission: "catalog.edit"` (see model/permissions.ts) next to args/handler to
//     require more than membership; the refusal names the role that may do it.
//   authedQuery / authedMutation: signed in, no store yet (sign-up, "my stores").
//   publicQuery / publicMutation / publicAction: the storefront; no auth, so expose only
//     published data.
import {
  customAction,
  customCtx,
  customMutation,
  customQuery,
  NoOp,
} from "convex-helpers/server/customFunctions";
import { makeFunctionReference } from "convex/server";
import { v } from "convex/values";
import type { Doc, Id } from "./_generated/dataModel";
import { action, mutation, query } from "./_generated/server";
import { requireIdentity, requireStoreAccess, type StoreAccess } from "./model/access";
import type { Permission } from "./model/permissions";

type NeedOption = { permission?: Permission };

export const storeQuery = customQuery(query, {
  args: { storeId: v.id("stores") },
  input: async (ctx, { storeId }, extra: NeedOption) => {
    const access = await requireStoreAccess(ctx, storeId, extra.permission);
    return { ctx: access, args: { storeId } };
  },
});

export const storeMutation = customMutation(mutation, {
  args: { storeId: v.id("stores") },
  input: async (ctx, { storeId }, extra: NeedOption) => {
    const access = await requireStoreAccess(ctx, storeId, extra.permission);
    return { ctx: access, args: { storeId } };
  },
});

// Actions cannot read the database, so they ask the internal access query. Referenced by
// name rather than through `internal` to keep this file out of the generated API's types.
const accessQuery = makeFunctionReference<
  "query",
  { storeId: Id<"stores">; permission?: Permission },
  { user: Doc<"users">; member: Doc<"members">; store: Doc<"stores"> }
>("access:check");

export const storeAction = customAction(action, {
  args: { storeId: v.id("stores") },
  input: async (ctx, { storeId }, extra: NeedOption) => {
    const access: StoreAccess = await ctx.runQuery(accessQuery, {
      storeId,
      permission: extra.permission,
    });
    return { ctx: access, args: { storeId } };
  },
});

export const authedQuery = customQuery(
  query,
  customCtx(async (ctx) => ({ identity: await requireIdentity(ctx) })),
);

export const authedMutation = customMutation(
  mutation,
  customCtx(async (ctx) => ({ identity: await requireIdentity(ctx) })),
);

export const publicQuery = customQuery(query, NoOp);
export const publicMutation = customMutation(mutation, NoOp);
export const publicAction = customAction(action, NoOp);

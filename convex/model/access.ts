// Who may do what in which store. The builders in functions.ts call these; handlers never do.
import type { UserIdentity } from "convex/server";
import type { Doc, Id, TableNames } from "../_generated/dataModel";
import type { QueryCtx } from "../_generated/server";
import { forbidden, notFound, unauthenticated } from "./errors";
import { hasRole, minRoleFor, type Permission, refusalMessage } from "./permissions";

export async function requireIdentity(ctx: { auth: QueryCtx["auth"] }): Promise<UserIdentity> {
  const identity = await ctx.auth.getUserIdentity();
  if (identity === null) throw unauthenticated();
  return identity;
}

export async function getUserByToken(
  ctx: QueryCtx,
  tokenIdentifier: string,
): Promise<Doc<"users"> | null> {
  return await ctx.db
    .query("users")
    .withIndex("by_token", (q) => q.eq("tokenIdentifier", tokenIdentifier))
    .unique();
}

export async function getMembership(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  userId: Id<"users">,
): Promise<Doc<"members"> | null> {
  return await ctx.db
    .query("members")
    .withIndex("by_store_user", (q) => q.eq("storeId", storeId).eq("userId", userId))
    .unique();
}

export type StoreAccess = {
  user: Doc<"users">;
  member: Doc<"members">;
  store: Doc<"stores">;
};

/**
 * Loads the caller's membership of a store, or throws: UNAUTHENTICATED without a token,
 * NOT_FOUND for a missing store, FORBIDDEN for non-members and for a role without `need`
 * (any member passes when `need` is undefined).
 */
export async function requireStoreAccess(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  need?: Permission,
): Promise<StoreAccess> {
  const identity = await requireIdentity(ctx);
  const store = await ctx.db.get(storeId);
  if (store === null) throw notFound("Store");
  const user = await getUserByToken(ctx, identity.tokenIdentifier);
  // A signed-in person without a user row has not been added to any store yet.
  if (user === null) throw forbidden("You are not a member of this store.");
  const member = await getMembership(ctx, storeId, user._id);
  if (member === null) throw forbidden("You are not a member of this store.");
  const access = { user, member, store };
  if (need !== undefined) requirePermission(access, need);
  return access;
}

/** Whether the caller's role holds a permission (for what a function shows, not whether it runs). */
export function can(access: StoreAccess, need: Permission): boolean {
  return hasRole(access.member.role, minRoleFor(need));
}

/** For rules that depend on the arguments (a refund, not any status move): same refusal. */
export function requirePermission(access: StoreAccess, need: Permission): void {
  if (!can(access, need)) {
    throw forbidden(refusalMessage(need, access.member.role));
  }
}

type StoreScopedTable = {
  [T in TableNames]: Doc<T> extends { storeId: Id<"stores"> } ? T : never;
}[TableNames];

/**
 * A document by id, but only if it belongs to `storeId`. Ids are not secrets, so without this
 * a member of one store could read another store's rows by id.
 */
export async function getInStore<T extends StoreScopedTable>(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  id: Id<T>,
): Promise<Doc<T> | null> {
  const doc = await ctx.db.get(id);
  if (doc === null || (doc as { storeId?: Id<"stores"> }).storeId !== storeId) return null;
  return doc as Doc<T>;
}

export async function getInStoreX<T extends StoreScopedTable>(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  id: Id<T>,
  what: string,
): Promise<Doc<T>> {
  const doc = await getInStore(ctx, storeId, id);
  if (doc === null) throw notFound(what);
  return doc;
}

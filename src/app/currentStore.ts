import type { FunctionReturnType } from "convex/server";
import { createContext, useContext } from "react";
import type { Permission } from "../../convex/model/permissions";
import type { api } from "../../lib/api";

type Me = NonNullable<FunctionReturnType<typeof api.users.me>>;
/** One entry of `users:me` stores: id, name, slug, currency, role and the caller's permissions. */
export type StoreMembership = Me["stores"][number];

export interface CurrentUser {
  name?: string;
  email?: string;
}

export interface CurrentStore {
  store: StoreMembership;
  stores: StoreMembership[];
  user: CurrentUser;
  /** ISO code every amount of this store is in. */
  currency: string;
  /** Whether the caller's role holds a permission (the list the server's door checks). */
  can(permission: Permission): boolean;
  switchStore(storeId: string): void;
  /** Opens a store just created or joined as soon as `users:me` lists it. */
  openWhenListed(storeId: string): void;
  /** Leaving on purpose: do not greet the next screen with "You were removed". */
  leaving(storeId: string): void;
}

export const CurrentStoreContext = createContext<CurrentStore | null>(null);

/** The store the workspace is showing; every store-scoped query takes its id. */
export function useCurrentStore(): CurrentStore {
  const value = useContext(CurrentStoreContext);
  if (!value) throw new Error("useCurrentStore outside <StoreGate>");
  return value;
}

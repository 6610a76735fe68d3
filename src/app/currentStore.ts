import { createContext, useContext } from "react";
import type { Id } from "../../lib/api";

export interface StoreMembership {
  storeId: Id<"stores">;
  name: string;
  slug: string;
  role: "owner" | "admin" | "staff";
}

export interface CurrentUser {
  name?: string;
  email?: string;
}

export interface CurrentStore {
  store: StoreMembership;
  stores: StoreMembership[];
  user: CurrentUser;
  switchStore(storeId: string): void;
}

export const CurrentStoreContext = createContext<CurrentStore | null>(null);

/** The store the workspace is showing; every store-scoped query takes its id. */
export function useCurrentStore(): CurrentStore {
  const value = useContext(CurrentStoreContext);
  if (!value) throw new Error("useCurrentStore outside <StoreGate>");
  return value;
}

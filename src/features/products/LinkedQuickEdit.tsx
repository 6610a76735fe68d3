import { useQuery } from "convex/react";
import { useCurrentStore } from "../../app/currentStore";
import { api, type Id } from "../../../lib/api";
import { QuickEdit } from "./QuickEdit";

/**
 * The quick edit for `/dashboard/products?edit=<id>` (the command palette links here): loads
 * that product whether or not it is on the grid's first page. Unknown ids show nothing.
 */
export function LinkedQuickEdit({
  productId,
  currency,
  onClose,
}: {
  productId: string;
  currency: string;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  const product = useQuery(api.catalog.get, {
    storeId: store.storeId,
    productId: productId as Id<"products">,
  });
  if (!product) return null;
  return <QuickEdit key={product._id} product={product} currency={currency} onClose={onClose} />;
}

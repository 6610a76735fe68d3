import type { Doc } from "../../../lib/api";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorPanel } from "../../components/ErrorPanel";
import { isRejectedArgument } from "../../lib/errors";
import { QuickEdit } from "./QuickEdit";
import { useProduct } from "./useProducts";

/**
 * The quick edit for /dashboard/products/:id: the product whether or not it is on the list's
 * first page (the row's copy shows at once while the live one loads), or why there is none.
 */
export function QuickEditFor({
  productId,
  listed,
  onClose,
}: {
  productId: string;
  listed: Doc<"products"> | undefined;
  onClose: () => void;
}) {
  const product = useProduct(productId);
  const shown = product.data ?? listed;
  if (shown) return <QuickEdit key={shown._id} product={shown} onClose={onClose} />;
  if (product.status === "pending") return null;
  return (
    <Dialog title="Product not found" onClose={onClose}>
      <div className="mt-4">
        {product.status === "error" && !isRejectedArgument(product.error) ? (
          <ErrorPanel error={product.error} />
        ) : (
          <p className="text-sm text-gray-600">
            No product of this store has this address. It may have been deleted.
          </p>
        )}
      </div>
      <div className="mt-6 flex justify-end">
        <Button onClick={onClose}>Back to products</Button>
      </div>
    </Dialog>
  );
}

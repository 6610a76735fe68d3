import type { PageProps } from "../../../app/module";
import { Button } from "../../../components/Button";
import { ErrorPanel } from "../../../components/ErrorPanel";
import { PageHeader } from "../../../components/PageHeader";
import { TableSkeleton } from "../../../components/Skeleton";
import { isRejectedArgument } from "../../../lib/errors";
import { navigate } from "../../../../lib/router";
import { modulePath } from "../../../app/module";
import { productsModule } from "../module";
import { useProduct } from "../useProducts";
import { ProductEditor } from "./ProductEditor";

/** /dashboard/products/new and /dashboard/products/:id: the full product editor. */
export default function ProductEditorPage({ params }: PageProps) {
  const product = useProduct(params.id);
  if (params.id === undefined) return <ProductEditor key="new" live={null} />;
  if (product.status === "pending") return <TableSkeleton />;
  if (product.data) return <ProductEditor key={params.id} live={product.data} />;
  return (
    <div>
      <PageHeader title="Product not found" />
      {product.status === "error" && !isRejectedArgument(product.error) ? (
        <ErrorPanel error={product.error} />
      ) : (
        <p className="text-sm text-gray-600">
          No product of this store has this address. It may have been deleted.
        </p>
      )}
      <Button className="mt-4" onClick={() => navigate(modulePath(productsModule))}>
        Back to products
      </Button>
    </div>
  );
}

import { lazy, Suspense } from "react";
import { PageHeader } from "../components/PageHeader";
import { TableSkeleton } from "../components/Skeleton";
import { ComingLater } from "../features/later/ComingLater";
import { OrdersPage } from "../features/orders/OrdersPage";
import { ProductsPage } from "../features/products/ProductsPage";
import { Link } from "../../lib/router";
import type { ModuleInfo } from "./modules";

// Tremor charts are the heaviest part of the bundle: load them with the Overview only.
const OverviewPage = lazy(() => import("../features/overview/OverviewPage"));

export function PageForModule({ module: mod }: { module: ModuleInfo | null }) {
  if (!mod) {
    return (
      <div>
        <PageHeader title="Page not found" summary="There is no module at this address." />
        <Link href="/dashboard" className="text-sm font-medium text-indigo-600 hover:underline">
          Back to the overview
        </Link>
      </div>
    );
  }
  if (mod.planned) return <ComingLater module={mod} />;
  switch (mod.id) {
    case "overview":
      return (
        <Suspense fallback={<TableSkeleton />}>
          <OverviewPage module={mod} />
        </Suspense>
      );
    case "products":
      return <ProductsPage module={mod} />;
    case "orders":
      return <OrdersPage module={mod} />;
    default:
      return <ComingLater module={mod} />;
  }
}

import type { PageProps } from "../../app/module";
import { ErrorPanel } from "../../components/ErrorPanel";
import { PageHeader } from "../../components/PageHeader";
import { Skeleton } from "../../components/Skeleton";
import { KpiCards } from "./KpiCards";
import { OrderStatus } from "./OrderStatus";
import { RecentOrders } from "./RecentOrders";
import type { Overview } from "./overviewData";
import { RevenueChart } from "./RevenueChart";
import { TopProducts } from "./TopProducts";
import { useOverview } from "./useOverview";

export default function OverviewPage({ module: mod }: PageProps) {
  const overview = useOverview();
  return (
    <div>
      <PageHeader title={mod.label} summary={mod.summary} />
      {overview.status === "error" ? (
        <ErrorPanel error={overview.error} />
      ) : overview.status === "pending" ? (
        <OverviewSkeleton />
      ) : (
        <OverviewBody data={overview.data} />
      )}
    </div>
  );
}

function OverviewBody({ data }: { data: Overview }) {
  return (
    <div className="space-y-6" data-testid="overview">
      <KpiCards data={data} />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <RevenueChart data={data} />
        </div>
        <TopProducts data={data} />
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <OrderStatus data={data} />
        <div className="lg:col-span-2">
          <RecentOrders />
        </div>
      </div>
    </div>
  );
}

function OverviewSkeleton() {
  return (
    <div className="space-y-6" role="status" aria-busy="true" aria-label="Loading the overview">
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-4">
        {["a", "b", "c", "d"].map((k) => (
          <Skeleton key={k} className="h-24" />
        ))}
      </div>
      <div className="grid grid-cols-2 gap-4 lg:grid-cols-3">
        {["e", "f", "g"].map((k) => (
          <Skeleton key={k} className="h-24" />
        ))}
      </div>
      <div className="grid gap-6 lg:grid-cols-3">
        <Skeleton className="h-80 lg:col-span-2" />
        <Skeleton className="h-80" />
      </div>
    </div>
  );
}

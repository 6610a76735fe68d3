import { Card } from "@tremor/react";
import { Link } from "../../../lib/router";
import { modulePath } from "../../app/module";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Skeleton } from "../../components/Skeleton";
import { ordersModule } from "../orders/module";
import { OrderListItem } from "../orders/OrderListItem";
import { useRecentOrders } from "../orders/useOrders";

const SHOWN = 6;

/** The newest orders, live: a new order appears here the moment it is placed. */
export function RecentOrders() {
  const recent = useRecentOrders(SHOWN);
  return (
    <Card className="p-0">
      <div className="flex items-baseline justify-between px-4 pt-4 sm:px-6 sm:pt-6">
        <h2 className="font-semibold text-tremor-content-strong">Recent orders</h2>
        <Link
          href={modulePath(ordersModule)}
          className="text-sm font-medium text-indigo-600 hover:underline"
        >
          All orders
        </Link>
      </div>
      {recent.status === "error" ? (
        <div className="p-4 sm:px-6">
          <ErrorPanel error={recent.error} />
        </div>
      ) : recent.status === "pending" ? (
        <div className="space-y-3 p-4 sm:px-6">
          {Array.from({ length: SHOWN }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: static placeholders
            <Skeleton key={i} className="h-9" />
          ))}
        </div>
      ) : recent.data.page.length === 0 ? (
        <p className="px-6 py-8 text-sm text-tremor-content">No orders yet.</p>
      ) : (
        <ul className="mt-2 divide-y divide-gray-100 pb-2 sm:[&>li]:px-6">
          {recent.data.page.map((o) => (
            <OrderListItem key={o._id} order={o} />
          ))}
        </ul>
      )}
    </Card>
  );
}

import { useState } from "react";
import { ORDER_STATUSES, type OrderStatus } from "../../../convex/model/validators";
import type { PageProps } from "../../app/module";
import { ListPage } from "../../components/ListPage";
import { statusTabs } from "../../components/StatusTabs";
import { ORDER_STATUS } from "./orderStatus";
import { ORDER_COLUMNS } from "./orderColumns";
import { useOrders } from "./useOrders";

const TABS = statusTabs(ORDER_STATUSES, ORDER_STATUS);

/** /dashboard/orders: every order, by status, each linking to its page. */
export default function OrdersPage({ module: mod }: PageProps) {
  const [filter, setFilter] = useState<OrderStatus | "all">("all");
  return (
    <ListPage
      module={mod}
      tabs={{ options: TABS, value: filter, onChange: setFilter }}
      list={useOrders(filter)}
      noun={{ one: "order", other: "orders" }}
      columns={ORDER_COLUMNS}
      rowKey={(o) => o._id}
      rowLabel={(o) => `order #${o.number}`}
      rowProps={() => ({ "data-testid": "order-row" })}
      testId="orders-list"
    />
  );
}

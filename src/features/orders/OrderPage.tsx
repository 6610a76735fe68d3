import type { FunctionReturnType } from "convex/server";
import type { api } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { Link } from "../../../lib/router";
import { modulePath, type PageProps } from "../../app/module";
import { RecordPresenceNote } from "../../app/presence/RecordPresenceNote";
import { ErrorPanel } from "../../components/ErrorPanel";
import { isRejectedArgument } from "../../lib/errors";
import { Panel } from "../../components/Panel";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/Skeleton";
import { ordersModule } from "./module";
import { OrderAftercare } from "./OrderAftercare";
import { AddressCopy } from "./order/AddressCopy";
import { NotesTimeline } from "./order/NotesTimeline";
import { OrderLines } from "./order/OrderLines";
import { ProfitPanel } from "./order/ProfitPanel";
import { SupplierPanel } from "./order/SupplierPanel";
import { type OrderDesk, useOrderDesk } from "./order/useOrderDesk";
import { CHANNEL_LABEL, OrderStatusBadge } from "./orderStatus";
import { useOrder } from "./useOrders";

type OrderDetail = NonNullable<FunctionReturnType<typeof api.orders.get>>;
const placed = new Intl.DateTimeFormat(undefined, { dateStyle: "long", timeStyle: "short" });

/** /dashboard/orders/:id — one order: who, where to, what, how much, and what happened since. */
export default function OrderPage({ params }: PageProps) {
  const order = useOrder(params.id);
  const desk = useOrderDesk(params.id);
  const back = (
    <Link
      href={modulePath(ordersModule)}
      className="text-sm font-medium text-indigo-600 hover:underline"
    >
      ← All orders
    </Link>
  );
  if (order.status === "pending") return <TableSkeleton />;
  if (order.status === "error" || order.data === null) {
    return (
      <div className="space-y-4" data-testid="order-not-found">
        {back}
        <PageHeader title="Order not found" summary="No order of this store has this address." />
        {order.status === "error" && !isRejectedArgument(order.error) && (
          <ErrorPanel error={order.error} />
        )}
      </div>
    );
  }
  return (
    <div className="space-y-4" data-testid="order-page">
      {back}
      <RecordPresenceNote recordId={order.data.order._id} noun="order" />
      <OrderBody detail={order.data} desk={desk.status === "success" ? desk.data : null} />
    </div>
  );
}

function OrderBody({
  detail: { order, items, fulfillments, returns },
  desk,
}: {
  detail: OrderDetail;
  desk: OrderDesk | null;
}) {
  const money = (cents: number) => formatMoney(cents, order.currency);
  return (
    <>
      <PageHeader
        title={`Order #${order.number}`}
        summary={`${placed.format(order.placedAt)} · ${CHANNEL_LABEL[order.channel]}`}
        actions={<OrderStatusBadge status={order.status} />}
      />
      <div className="grid grid-cols-1 items-start gap-6 lg:grid-cols-3">
        <div className="space-y-6 lg:col-span-2">
          <Panel title="Items">
            <OrderLines items={items} lines={desk?.lines ?? []} currency={order.currency} />
            <dl
              className="mt-2 space-y-1 border-t border-gray-100 pt-3 text-sm"
              data-testid="order-totals"
            >
              <Amount label="Subtotal" value={money(order.subtotalCents)} />
              {order.discountCents > 0 && (
                <Amount
                  label={`Discount${order.couponCode ? ` (${order.couponCode})` : ""}`}
                  value={`−${money(order.discountCents)}`}
                />
              )}
              <Amount label="Shipping" value={money(order.shippingCents)} />
              <Amount label="Tax" value={money(order.taxCents)} />
              <Amount label="Total" value={money(order.totalCents)} strong />
            </dl>
          </Panel>
          {desk && <NotesTimeline orderId={order._id} desk={desk} />}
        </div>
        <div className="space-y-6">
          {desk && (
            <SupplierPanel
              orderId={order._id}
              status={order.status}
              desk={desk}
              items={items}
              currency={order.currency}
            />
          )}
          <Panel title="Customer">
            <p className="text-sm font-medium text-gray-900">{order.customer.name}</p>
            <p className="break-all text-sm text-gray-600">{order.customer.email}</p>
          </Panel>
          <AddressCopy address={order.shippingAddress} />
          {desk?.profit && (
            <ProfitPanel
              profit={desk.profit}
              currency={order.currency}
              channel={CHANNEL_LABEL[order.channel]}
            />
          )}
        </div>
      </div>
      <OrderAftercare
        fulfillments={fulfillments}
        returns={returns}
        currency={order.currency}
        orderId={order._id}
        orderStatus={order.status}
      />
    </>
  );
}

function Amount({
  label,
  value,
  strong = false,
}: {
  label: string;
  value: string;
  strong?: boolean;
}) {
  return (
    <div
      className={`flex justify-between gap-3 ${strong ? "pt-1 font-semibold text-gray-900" : "text-gray-600"}`}
    >
      <dt>{label}</dt>
      <dd className="tabular-nums">{value}</dd>
    </div>
  );
}

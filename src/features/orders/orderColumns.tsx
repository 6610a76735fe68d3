import type { Doc } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { Link } from "../../../lib/router";
import type { Column } from "../../components/DataTable";
import { orderHref } from "./module";
import { CHANNEL_LABEL, OrderStatusBadge } from "./orderStatus";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** The order list's columns: on a phone, the order and its total (with the status under it). */
export const ORDER_COLUMNS: Column<Doc<"orders">>[] = [
  {
    id: "order",
    header: "Order",
    cell: (o) => (
      <div className="min-w-0">
        <Link href={orderHref(o._id)} className="block truncate text-gray-900 hover:underline">
          <span className="font-medium tabular-nums">#{o.number}</span>
          <span className="text-gray-400"> · </span>
          {o.customer.name}
        </Link>
        <p className="truncate text-xs text-gray-500">
          {when.format(o.placedAt)}
          <span className="md:hidden"> · {CHANNEL_LABEL[o.channel]}</span>
        </p>
      </div>
    ),
  },
  {
    id: "channel",
    header: "Channel",
    width: "w-36",
    hideBelow: "md",
    cell: (o) => <span className="text-gray-600">{CHANNEL_LABEL[o.channel]}</span>,
  },
  {
    id: "status",
    header: "Status",
    width: "w-32",
    hideBelow: "sm",
    cell: (o) => <OrderStatusBadge status={o.status} />,
  },
  {
    id: "total",
    header: "Total",
    width: "w-28",
    align: "right",
    cell: (o) => (
      <div className="flex flex-col items-end gap-1">
        <span className="font-medium tabular-nums text-gray-900">
          {formatMoney(o.totalCents, o.currency)}
        </span>
        <span className="sm:hidden">
          <OrderStatusBadge status={o.status} />
        </span>
      </div>
    ),
  },
];

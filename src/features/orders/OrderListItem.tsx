import type { Doc } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { Link } from "../../../lib/router";
import { orderHref } from "./module";
import { CHANNEL_LABEL, OrderStatusBadge } from "./orderStatus";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One order in a short list (the Overview's recent orders): a link to its page; fits 320px. */
export function OrderListItem({ order }: { order: Doc<"orders"> }) {
  return (
    <li className="relative flex items-start gap-3 px-4 py-3 text-sm hover:bg-gray-50">
      <div className="min-w-0 flex-1">
        <Link href={orderHref(order._id)} className="block truncate text-gray-900">
          {/* The whole row is the link's click target. */}
          <span className="absolute inset-0" aria-hidden />
          <span className="font-medium tabular-nums">#{order.number}</span>
          <span className="text-gray-400"> · </span>
          {order.customer.name}
        </Link>
        <p className="truncate text-xs text-gray-500">
          {when.format(order.placedAt)} · {CHANNEL_LABEL[order.channel]}
        </p>
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1">
        <span className="font-medium tabular-nums text-gray-900">
          {formatMoney(order.totalCents, order.currency)}
        </span>
        <OrderStatusBadge status={order.status} />
      </div>
    </li>
  );
}

import { Badge } from "../../components/Badge";
import type { Doc } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { statusColor, statusLabel } from "../overview/overviewData";
import { channelLabel } from "./orderRow";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** One order: who and when on the left, total and status on the right; fits 320px and up. */
export function OrderListItem({ order }: { order: Doc<"orders"> }) {
  return (
    <li
      className="flex items-start gap-3 px-4 py-3 text-sm hover:bg-gray-50"
      data-testid="order-row"
    >
      <div className="min-w-0 flex-1">
        <p className="truncate text-gray-900">
          <span className="font-medium tabular-nums">#{order.number}</span>
          <span className="text-gray-400"> · </span>
          {order.customer.name}
        </p>
        <p className="truncate text-xs text-gray-500">
          {when.format(order.placedAt)} · {channelLabel(order.channel)}
        </p>
      </div>
      <div className="flex shrink-0 flex-col items-end gap-1">
        <span className="font-medium tabular-nums text-gray-900">
          {formatMoney(order.totalCents, order.currency)}
        </span>
        <Badge tone={statusColor(order.status)}>{statusLabel(order.status)}</Badge>
      </div>
    </li>
  );
}

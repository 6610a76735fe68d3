import { useDraggable } from "@dnd-kit/core";
import type { Doc } from "../../../../lib/api";
import { formatMoney } from "../../../../lib/money";
import { Link } from "../../../../lib/router";
import { displayName } from "../../../lib/initials";
import { useOthersOn } from "../../../app/presence/usePresence";
import { orderHref } from "../module";
import { CHANNEL_LABEL } from "../orderStatus";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** One order on the board: dragged by its body (or lifted with Space), opened by its number. */
export function OrderCard({ order }: { order: Doc<"orders"> }) {
  const { attributes, listeners, setNodeRef, transform, isDragging } = useDraggable({
    id: order._id,
    data: { order },
  });
  const others = useOthersOn(order._id);
  const style = transform
    ? { transform: `translate3d(${transform.x}px, ${transform.y}px, 0)`, zIndex: 20 }
    : undefined;
  return (
    <li
      ref={setNodeRef}
      style={style}
      {...listeners}
      {...attributes}
      aria-label={`Order #${order.number}, ${order.customer.name}`}
      data-testid="board-card"
      data-order-id={order._id}
      data-number={order.number}
      className={`cursor-grab touch-manipulation rounded-lg border bg-white p-3 text-sm shadow-sm outline-none focus-visible:ring-2 focus-visible:ring-indigo-400 ${
        isDragging ? "border-indigo-300 shadow-lg" : "border-gray-200"
      }`}
    >
      <div className="flex items-baseline justify-between gap-2">
        <Link
          href={orderHref(order._id)}
          className="font-medium tabular-nums text-gray-900 hover:underline"
        >
          #{order.number}
        </Link>
        <span className="font-medium tabular-nums text-gray-900">
          {formatMoney(order.totalCents, order.currency)}
        </span>
      </div>
      <p className="truncate text-gray-700">{order.customer.name}</p>
      <p className="truncate text-xs text-gray-500">
        {when.format(order.placedAt)} · {CHANNEL_LABEL[order.channel]}
      </p>
      {others.length > 0 && (
        <p
          className="mt-2 truncate rounded bg-emerald-50 px-2 py-0.5 text-xs text-emerald-800"
          data-testid="card-presence"
        >
          {others.map(displayName).join(", ")} {others.length === 1 ? "is" : "are"} on this order
        </p>
      )}
    </li>
  );
}

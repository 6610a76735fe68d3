import {
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  pointerWithin,
  rectIntersection,
  type CollisionDetection,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import { useState } from "react";
import { BOARD_COLUMNS } from "../../../../convex/model/board";
import type { OrderStatus } from "../../../../convex/model/validators";
import { api, type Doc } from "../../../../lib/api";
import { useStoreQuery } from "../../../app/storeHooks";
import { ORDER_STATUS } from "../orderStatus";
import { BoardColumn } from "./BoardColumn";
import { ShipDialog } from "./ShipDialog";
import { useMoveOrder } from "./useMoveOrder";

// Folded unless opened: orders that left the flow.
const FOLDABLE: OrderStatus[] = ["cancelled", "refunded"];

// The pointer's column when it is over one; the keyboard sensor has no pointer, so rectangles.
const collision: CollisionDetection = (args) => {
  const hits = pointerWithin(args);
  return hits.length > 0 ? hits : rectIntersection(args);
};

/**
 * The Kanban: a card dropped on another column is a move the server checks; an illegal drop
 * snaps back with its reason, and Shipped asks for the tracking number first. Every column is
 * live, so another member's move shows here as soon as it commits.
 */
export function OrderBoard() {
  const counts = useStoreQuery(api.orders.counts, {});
  const [open, setOpen] = useState<Set<OrderStatus>>(new Set());
  const [shipping, setShipping] = useState<Doc<"orders"> | null>(null);
  const moveOrder = useMoveOrder();
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 6 } }),
    useSensor(KeyboardSensor),
  );

  function end({ active, over }: DragEndEvent) {
    const order = active.data.current?.order as Doc<"orders"> | undefined;
    if (!order || !over) return;
    const to = over.id as OrderStatus;
    if (to === order.status) return;
    if (to === "shipped" && (order.status === "processing" || order.status === "new")) {
      setShipping(order);
    } else void moveOrder(order, to);
  }

  const number = (id: string | number) => `order ${String(id).slice(-4)}`;
  return (
    <>
      <DndContext
        sensors={sensors}
        collisionDetection={collision}
        onDragEnd={end}
        accessibility={{
          announcements: {
            onDragStart: ({ active }) => `Picked up ${number(active.id)}.`,
            onDragOver: ({ over }) =>
              over ? `Over ${ORDER_STATUS[over.id as OrderStatus].label}.` : "Not over a column.",
            onDragEnd: ({ over }) =>
              over ? `Dropped on ${ORDER_STATUS[over.id as OrderStatus].label}.` : "Dropped.",
            onDragCancel: () => "Move cancelled.",
          },
        }}
      >
        <div className="flex snap-x gap-3 overflow-x-auto pb-4" data-testid="order-board">
          {BOARD_COLUMNS.filter((status) => !FOLDABLE.includes(status)).map((status) => (
            <BoardColumn
              key={status}
              status={status}
              count={counts.data?.[status]}
              folded={false}
              className="w-64 shrink-0 lg:w-auto lg:min-w-48 lg:flex-1"
            />
          ))}
          {/* Orders that left the flow: stacked and folded, still drop targets. */}
          <div className={`flex shrink-0 flex-col gap-3 ${open.size > 0 ? "w-64" : "w-52"}`}>
            {FOLDABLE.map((status) => (
              <BoardColumn
                key={status}
                status={status}
                count={counts.data?.[status]}
                folded={!open.has(status)}
                className="w-full"
                onToggle={() =>
                  setOpen((now) => {
                    const next = new Set(now);
                    if (next.has(status)) next.delete(status);
                    else next.add(status);
                    return next;
                  })
                }
              />
            ))}
          </div>
        </div>
      </DndContext>
      {shipping && (
        <ShipDialog
          order={shipping}
          onShip={(shipment) => moveOrder(shipping, "shipped", shipment)}
          onClose={() => setShipping(null)}
        />
      )}
    </>
  );
}

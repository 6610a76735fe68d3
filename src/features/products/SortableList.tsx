import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useDraggable,
  useDroppable,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import type { ReactNode } from "react";

/**
 * A list reordered by drag and drop (@dnd-kit/core): each item is a drag handle and a drop
 * target; dropping one on another puts it in that one's place. Keyboard: focus a handle, Space
 * to lift, arrows to move, Space to drop (dnd-kit's keyboard sensor, announced to screen
 * readers); the Up/Down buttons do the same in one press.
 */
export function SortableList<T>({
  items,
  idOf,
  labelOf,
  onMove,
  render,
  layout = "list",
  testId,
}: {
  items: T[];
  idOf: (item: T) => string;
  labelOf: (item: T) => string;
  /** Move `id` to index `to` of the list (the others keep their order). */
  onMove: (id: string, to: number) => void;
  render: (item: T, index: number) => ReactNode;
  layout?: "list" | "row";
  testId?: string;
}) {
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor),
  );
  const ids = items.map(idOf);
  function end({ active, over }: DragEndEvent) {
    if (!over || active.id === over.id) return;
    const to = ids.indexOf(String(over.id));
    if (to >= 0) onMove(String(active.id), to);
  }
  return (
    <DndContext
      sensors={sensors}
      collisionDetection={closestCenter}
      onDragEnd={end}
      accessibility={{
        announcements: {
          onDragStart: ({ active }) => `Picked up ${label(active.id)}.`,
          onDragOver: ({ active, over }) =>
            over
              ? `${label(active.id)} is over ${label(over.id)}.`
              : `${label(active.id)} is not over a place.`,
          onDragEnd: ({ active, over }) =>
            over
              ? `${label(active.id)} moved to ${label(over.id)}'s place.`
              : `${label(active.id)} dropped.`,
          onDragCancel: ({ active }) => `Moving ${label(active.id)} was cancelled.`,
        },
      }}
    >
      <ol
        className={layout === "row" ? "flex flex-wrap gap-2" : "divide-y divide-gray-100"}
        data-testid={testId}
      >
        {items.map((item, index) => (
          <SortableItem
            key={idOf(item)}
            id={idOf(item)}
            label={labelOf(item)}
            index={index}
            count={items.length}
            onMove={onMove}
            layout={layout}
          >
            {render(item, index)}
          </SortableItem>
        ))}
      </ol>
    </DndContext>
  );

  function label(id: string | number) {
    const item = items.find((x) => idOf(x) === String(id));
    return item ? labelOf(item) : String(id);
  }
}

function SortableItem({
  id,
  label,
  index,
  count,
  onMove,
  layout,
  children,
}: {
  id: string;
  label: string;
  index: number;
  count: number;
  onMove: (id: string, to: number) => void;
  layout: "list" | "row";
  children: ReactNode;
}) {
  const drag = useDraggable({ id });
  const drop = useDroppable({ id });
  const t = drag.transform;
  return (
    <li
      ref={drop.setNodeRef}
      data-testid="sortable-item"
      data-id={id}
      className={`flex items-center gap-2 bg-white ${layout === "row" ? "rounded-lg border border-gray-200 p-1" : "py-2"} ${
        drop.isOver && !drag.isDragging ? "ring-2 ring-indigo-400" : ""
      }`}
    >
      <button
        type="button"
        ref={drag.setNodeRef}
        {...drag.listeners}
        {...drag.attributes}
        aria-label={`Drag ${label}`}
        style={t ? { transform: `translate3d(${t.x}px, ${t.y}px, 0)`, zIndex: 20 } : undefined}
        className="cursor-grab touch-none rounded px-1 text-gray-400 hover:bg-gray-100 hover:text-gray-700"
      >
        ⠿
      </button>
      <div className="min-w-0 flex-1">{children}</div>
      <div className="flex shrink-0 flex-col">
        <button
          type="button"
          aria-label={`Move ${label} earlier`}
          disabled={index === 0}
          onClick={() => onMove(id, index - 1)}
          className="px-1 text-xs leading-none text-gray-500 hover:text-gray-900 disabled:opacity-30"
        >
          ▲
        </button>
        <button
          type="button"
          aria-label={`Move ${label} later`}
          disabled={index === count - 1}
          onClick={() => onMove(id, index + 1)}
          className="px-1 text-xs leading-none text-gray-500 hover:text-gray-900 disabled:opacity-30"
        >
          ▼
        </button>
      </div>
    </li>
  );
}

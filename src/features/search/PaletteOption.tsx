import { Icon, type IconName } from "../../components/Icon";
import { Thumb } from "../../components/Thumb";
import { formatMoney } from "../../../lib/money";
import { OrderStatusBadge } from "../orders/orderStatus";
import { ProductStatusBadge } from "../products/productStatus";
import { type PaletteItem, optionId } from "./paletteItems";

const placed = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** One row of the listbox. The input keeps focus; the row is chosen with Enter or a click. */
export function PaletteOption({
  item,
  active,
  currency,
  onHover,
  onChoose,
}: {
  item: PaletteItem;
  active: boolean;
  currency: string;
  onHover: () => void;
  onChoose: () => void;
}) {
  return (
    // biome-ignore lint/a11y/useKeyWithClickEvents: the combobox input handles the keyboard (aria-activedescendant)
    <div
      id={optionId(item)}
      role="option"
      aria-selected={active}
      tabIndex={-1}
      data-testid={`palette-${item.kind}`}
      onMouseMove={active ? undefined : onHover}
      onMouseDown={(e) => e.preventDefault()} // keep focus in the input
      onClick={onChoose}
      className={`flex cursor-pointer items-center gap-3 rounded-lg px-3 py-2 text-sm ${
        active ? "bg-indigo-50 text-indigo-900" : "text-gray-700"
      }`}
    >
      <OptionBody item={item} active={active} currency={currency} />
    </div>
  );
}

function OptionBody({
  item,
  active,
  currency,
}: {
  item: PaletteItem;
  active: boolean;
  currency: string;
}) {
  switch (item.kind) {
    case "command": {
      const m = item.module;
      return (
        <>
          <IconTile name={m.icon} active={active} />
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium">{m.label}</p>
            <p className="truncate text-xs text-gray-500">{m.summary}</p>
          </div>
        </>
      );
    }
    case "product": {
      const p = item.product;
      return (
        <>
          <Thumb src={p.images[0]?.url ?? null} title={p.title} size="h-8 w-8" />
          <div className="min-w-0 flex-1">
            <p className="truncate font-medium text-gray-900">{p.title}</p>
            <p className="truncate text-xs text-gray-500">
              {p.category} · {p.stock === 0 ? "out of stock" : `${p.stock} in stock`}
            </p>
          </div>
          <div className="flex shrink-0 flex-col items-end gap-1">
            <span className="font-medium tabular-nums text-gray-900">
              {formatMoney(p.priceCents, currency)}
            </span>
            <ProductStatusBadge status={p.status} />
          </div>
        </>
      );
    }
    case "order": {
      const o = item.order;
      return (
        <>
          <IconTile name="box" active={active} />
          <div className="min-w-0 flex-1">
            <p className="truncate text-gray-900">
              <span className="font-medium tabular-nums">#{o.number}</span>
              <span className="text-gray-400"> · </span>
              {o.customer.name}
            </p>
            <p className="truncate text-xs text-gray-500">
              {placed.format(o.placedAt)} · {o.customer.email}
            </p>
          </div>
          <div className="flex shrink-0 flex-col items-end gap-1">
            <span className="font-medium tabular-nums text-gray-900">
              {formatMoney(o.totalCents, o.currency)}
            </span>
            <OrderStatusBadge status={o.status} />
          </div>
        </>
      );
    }
  }
}

/** The square icon at the start of a page or order option. */
function IconTile({ name, active }: { name: IconName; active: boolean }) {
  return (
    <span
      className={`flex h-8 w-8 shrink-0 items-center justify-center rounded-md ${
        active ? "bg-white text-indigo-600" : "bg-gray-100 text-gray-500"
      }`}
    >
      <Icon name={name} className="h-4 w-4" />
    </span>
  );
}

import { useState } from "react";
import { navigate, usePathname, useSearchParam } from "../../../lib/router";
import type { PageProps } from "../../app/module";
import { Button } from "../../components/Button";
import { PageHeader } from "../../components/PageHeader";
import { BulkShipDialog } from "./board/BulkShipDialog";
import { OrderBoard } from "./board/OrderBoard";
import { OrderListView } from "./board/OrderListView";

type View = "board" | "list";
const VIEW_KEY = "orders.view";

function savedView(): View {
  try {
    return localStorage.getItem(VIEW_KEY) === "list" ? "list" : "board";
  } catch {
    return "board";
  }
}

/** `?view=list` (a link someone shared) wins; otherwise the view this browser last used. */
function useView(): [View, (v: View) => void] {
  const param = useSearchParam("view");
  const path = usePathname();
  const view: View = param === "list" || param === "board" ? param : savedView();
  function choose(v: View) {
    try {
      localStorage.setItem(VIEW_KEY, v);
    } catch {
      // Private mode: the address still carries the choice.
    }
    navigate(`${path}?view=${v}`, { replace: true, keepScroll: true });
  }
  return [view, choose];
}

/** /dashboard/orders: the live board (default) or the filterable list, and bulk ship. The view is
 * remembered per browser and carried in the address so it can be shared. */
export default function OrdersPage({ module: mod }: PageProps) {
  const [view, setView] = useView();
  const [bulkShip, setBulkShip] = useState(false);
  const actions = (
    <div className="flex items-center gap-2">
      <fieldset className="inline-flex rounded-md shadow-sm" aria-label="View">
        {(["board", "list"] as const).map((v) => (
          <button
            key={v}
            type="button"
            aria-pressed={view === v}
            onClick={() => setView(v)}
            className={`border border-gray-300 px-3 py-2 text-sm font-medium first:rounded-l-md last:-ml-px last:rounded-r-md ${
              view === v ? "bg-indigo-600 text-white" : "bg-white text-gray-700 hover:bg-gray-50"
            }`}
          >
            {v === "board" ? "Board" : "List"}
          </button>
        ))}
      </fieldset>
      <Button onClick={() => setBulkShip(true)}>Bulk ship</Button>
    </div>
  );
  return (
    <>
      {view === "board" ? (
        <div>
          <PageHeader title={mod.label} summary={mod.summary} actions={actions} />
          <OrderBoard />
        </div>
      ) : (
        <OrderListView module={mod} actions={actions} />
      )}
      {bulkShip && <BulkShipDialog onClose={() => setBulkShip(false)} />}
    </>
  );
}

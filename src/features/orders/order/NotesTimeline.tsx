import { type FormEvent, useState } from "react";
import { api, type Id } from "../../../../lib/api";
import { useCurrentStore } from "../../../app/currentStore";
import { useStoreMutation } from "../../../app/storeHooks";
import { Button } from "../../../components/Button";
import { ErrorPanel } from "../../../components/ErrorPanel";
import { Panel } from "../../../components/Panel";
import type { Supplier } from "../../../../convex/model/validators";
import { SUPPLIER_NAME } from "./SupplierPanel";
import type { OrderDesk } from "./useOrderDesk";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

type Event = OrderDesk["timeline"][number];

/** One event in words: "Ana recorded AliExpress order 8123…", "System placed the order". */
export function describeEvent(event: Event): string {
  const to = (field: string) => event.changes.find((c) => c.field === field)?.to;
  const from = (field: string) => event.changes.find((c) => c.field === field)?.from;
  switch (event.action) {
    case "order.create":
      return "Order placed";
    case "order.status":
      return `Status ${from("status")} → ${to("status")}`;
    case "order.supplierOrder":
      return `Ordered from ${SUPPLIER_NAME[to("supplier") as Supplier] ?? to("supplier")}: ${to("supplierOrderId")}`;
    case "order.note":
      return `Note: ${to("note")}`;
    default:
      return event.action.replace(".", " ");
  }
}

export function NotesTimeline({ orderId, desk }: { orderId: Id<"orders">; desk: OrderDesk }) {
  const { can } = useCurrentStore();
  const addNote = useStoreMutation(api.suppliers.addNote);
  const [body, setBody] = useState("");
  const [error, setError] = useState<unknown>(null);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setError(null);
    try {
      await addNote({ orderId, body });
      setBody("");
    } catch (caught) {
      setError(caught);
    }
  };
  return (
    <Panel title="Timeline and notes">
      {can("orders.work") && (
        <form onSubmit={submit} className="mb-4 space-y-2">
          <label htmlFor="order-note" className="sr-only">
            Add a note
          </label>
          <textarea
            id="order-note"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={2}
            maxLength={2_000}
            placeholder="Add a note for the team…"
            className="block w-full rounded-md border border-gray-300 px-3 py-2 text-sm shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200"
          />
          {error !== null && <ErrorPanel error={error} />}
          <Button type="submit" size="sm" disabled={body.trim() === ""}>
            Add note
          </Button>
        </form>
      )}
      <ol className="space-y-3 border-l border-gray-200 pl-4 text-sm" data-testid="order-timeline">
        {desk.timeline.map((event) => (
          <li key={event._id} className="relative">
            <span className="absolute -left-[21px] top-1.5 h-2 w-2 rounded-full bg-indigo-400" />
            <p
              className={
                event.action === "order.note"
                  ? "whitespace-pre-wrap text-gray-900"
                  : "text-gray-900"
              }
            >
              {describeEvent(event)}
            </p>
            <p className="text-xs text-gray-500">
              {event.actor} · {when.format(event.at)}
            </p>
          </li>
        ))}
      </ol>
    </Panel>
  );
}

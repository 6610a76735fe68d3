import type { Id } from "../../../../convex/_generated/dataModel";
import { api } from "../../../../lib/api";
import { useStoreQuery } from "../../../app/storeHooks";
import { Badge } from "../../../components/Badge";
import { Panel } from "../../../components/Panel";

const when = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "short" });

/** What the customer was told about this order; unsent mail is labelled as such. */
export function OrderOutbox({ orderId }: { orderId: Id<"orders"> }) {
  const outbox = useStoreQuery(api.notify.forOrder, { orderId });
  if (outbox.status !== "success" || outbox.data.length === 0) return null;
  return (
    <Panel title="Customer emails">
      <ul className="divide-y divide-gray-100 text-sm" data-testid="order-outbox">
        {outbox.data.map((m) => (
          <li key={m._id} className="py-2">
            <div className="flex items-start justify-between gap-3">
              <p className="min-w-0 truncate text-gray-900">{m.subject}</p>
              {m.status === "sent" ? (
                <Badge tone="emerald">sent</Badge>
              ) : m.status === "failed" ? (
                <Badge tone="rose">failed</Badge>
              ) : (
                <Badge tone="amber">not sent</Badge>
              )}
            </div>
            <p className="text-xs text-gray-500">
              To {m.to} · {when.format(m.sentAt ?? m._creationTime)}
            </p>
            {m.status !== "sent" && m.lastError && (
              <p className="text-xs text-amber-700">{m.lastError}</p>
            )}
          </li>
        ))}
      </ul>
    </Panel>
  );
}

import type { FulfillmentStatus, ReturnStatus, Supplier } from "../../../convex/model/validators";
import type { Doc } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Panel } from "../../components/Panel";

const SUPPLIER_LABEL: Record<Supplier, string> = {
  aliexpress: "AliExpress",
  cj: "CJ Dropshipping",
  manual: "Shipped by the store",
};
const FULFILLMENT_TONE: Record<FulfillmentStatus, BadgeTone> = {
  pending: "amber",
  ordered: "indigo",
  shipped: "sky",
  delivered: "emerald",
};
const RETURN_TONE: Record<ReturnStatus, BadgeTone> = {
  requested: "amber",
  approved: "indigo",
  refunded: "rose",
  denied: "slate",
};
const day = new Intl.DateTimeFormat(undefined, { dateStyle: "medium" });

/** What happened after checkout: shipments and returns; nothing when there are none. */
export function OrderAftercare({
  fulfillments,
  returns,
  currency,
}: {
  // Without "costs.view" the server leaves out what the supplier was paid.
  fulfillments: Array<Omit<Doc<"fulfillments">, "costCents"> & { costCents?: number }>;
  returns: Doc<"returns">[];
  currency: string;
}) {
  if (fulfillments.length === 0 && returns.length === 0) return null;
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      {fulfillments.length > 0 && (
        <Panel title="Fulfilments">
          <ul className="divide-y divide-gray-100 text-sm" data-testid="order-fulfillments">
            {fulfillments.map((f) => (
              <li key={f._id} className="flex items-start justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="text-gray-900">{SUPPLIER_LABEL[f.supplier]}</p>
                  <p className="truncate text-xs text-gray-500">
                    {f.carrier ? `${f.carrier} · ` : ""}
                    {f.trackingUrl && f.trackingNumber ? (
                      <a
                        href={f.trackingUrl}
                        target="_blank"
                        rel="noreferrer"
                        className="text-indigo-600 hover:underline"
                      >
                        {f.trackingNumber}
                      </a>
                    ) : (
                      (f.trackingNumber ?? "No tracking yet")
                    )}
                  </p>
                </div>
                <Badge tone={FULFILLMENT_TONE[f.status]}>{f.status}</Badge>
              </li>
            ))}
          </ul>
        </Panel>
      )}
      {returns.length > 0 && (
        <Panel title="Returns">
          <ul className="divide-y divide-gray-100 text-sm" data-testid="order-returns">
            {returns.map((r) => (
              <li key={r._id} className="flex items-start justify-between gap-3 py-2">
                <div className="min-w-0">
                  <p className="text-gray-900">{r.reason}</p>
                  <p className="text-xs text-gray-500">
                    Requested {day.format(r.requestedAt)} · refund{" "}
                    {formatMoney(r.refundCents, currency)}
                  </p>
                </div>
                <Badge tone={RETURN_TONE[r.status]}>{r.status}</Badge>
              </li>
            ))}
          </ul>
        </Panel>
      )}
    </div>
  );
}

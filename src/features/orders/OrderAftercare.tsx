import type { Id } from "../../../convex/_generated/dataModel";
import type {
  FulfillmentStatus,
  OrderStatus,
  ReturnStatus,
  Supplier,
} from "../../../convex/model/validators";
import type { Doc } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Panel } from "../../components/Panel";
import { AddTracking } from "./aftercare/AddTracking";
import { OrderOutbox } from "./aftercare/OrderOutbox";
import { ReturnDecision } from "./aftercare/ReturnDecision";

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

/**
 * What happened after checkout: shipments (with adding tracking), returns (with the team's
 * decision) and the emails the customer was sent. Give `orderId` (and `orderStatus`) to offer
 * tracking on an order with no shipment yet; otherwise it is read from the rows shown.
 */
export function OrderAftercare({
  fulfillments,
  returns,
  currency,
  orderId: givenOrderId,
  orderStatus,
}: {
  orderId?: Id<"orders">;
  orderStatus?: OrderStatus;
  // Without "costs.view" the server leaves out what the supplier was paid.
  fulfillments: Array<Omit<Doc<"fulfillments">, "costCents"> & { costCents?: number }>;
  returns: Doc<"returns">[];
  currency: string;
}) {
  const orderId = givenOrderId ?? fulfillments[0]?.orderId ?? returns[0]?.orderId;
  if (orderId === undefined) return null;
  const hasTracking = fulfillments.some((f) => f.trackingNumber);
  const canShip =
    orderStatus === undefined
      ? fulfillments.length > 0
      : orderStatus !== "cancelled" && orderStatus !== "refunded";
  return (
    <div className="grid grid-cols-1 gap-6 lg:grid-cols-2">
      {(fulfillments.length > 0 || canShip) && (
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
          {canShip && (
            <div className={fulfillments.length > 0 ? "mt-4 border-t border-gray-100 pt-4" : ""}>
              <AddTracking orderId={orderId} hasTracking={hasTracking} />
            </div>
          )}
        </Panel>
      )}
      {returns.length > 0 && (
        <Panel title="Returns">
          <ul className="divide-y divide-gray-100 text-sm" data-testid="order-returns">
            {returns.map((r) => (
              <li key={r._id} className="py-2">
                <div className="flex items-start justify-between gap-3">
                  <div className="min-w-0">
                    <p className="text-gray-900">{r.reason}</p>
                    <p className="text-xs text-gray-500">
                      Requested {day.format(r.requestedAt)} · refund{" "}
                      {formatMoney(r.refundCents, currency)}
                    </p>
                  </div>
                  <Badge tone={RETURN_TONE[r.status]}>{r.status}</Badge>
                </div>
                <ReturnDecision ret={r} currency={currency} />
              </li>
            ))}
          </ul>
        </Panel>
      )}
      <OrderOutbox orderId={orderId} />
    </div>
  );
}

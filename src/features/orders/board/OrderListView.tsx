import { useState } from "react";
import {
  ORDER_STATUSES,
  type OrderStatus,
  SALES_CHANNELS,
  type SalesChannel,
} from "../../../../convex/model/validators";
import { api, type Doc, type Id } from "../../../../lib/api";
import type { ModuleMeta } from "../../../app/module";
import {
  type PaginatedState,
  useStoreMutation,
  useStorePaginatedQuery,
  useStoreQuery,
} from "../../../app/storeHooks";
import { Button } from "../../../components/Button";
import { Field, Input, Select } from "../../../components/Field";
import { ListPage } from "../../../components/ListPage";
import { statusTabs } from "../../../components/StatusTabs";
import { useToast } from "../../../components/Toast";
import { explainError } from "../../../lib/errors";
import { ORDER_COLUMNS } from "../orderColumns";
import { CHANNEL_LABEL, ORDER_STATUS } from "../orderStatus";

const TABS = statusTabs(ORDER_STATUSES, ORDER_STATUS);
const PAGE_SIZE = 25;
const DAY = 86_400_000;

type Refusal = { number: number; error: string };

/** The list view: status tabs, channel and date filters, search, and bulk moves. */
export function OrderListView({
  module: mod,
  actions,
}: {
  module: ModuleMeta;
  actions: React.ReactNode;
}) {
  const [status, setStatus] = useState<OrderStatus | "all">("all");
  const [channel, setChannel] = useState<SalesChannel | "">("");
  const [since, setSince] = useState("");
  const [until, setUntil] = useState("");
  const [text, setText] = useState("");
  const [refusals, setRefusals] = useState<Refusal[]>([]);
  const moveMany = useStoreMutation(api.orders.moveMany);
  const toast = useToast();

  const filters = {
    ...(status === "all" ? {} : { status }),
    ...(channel === "" ? {} : { channel }),
    ...(since === "" ? {} : { from: Date.parse(since) }),
    ...(until === "" ? {} : { to: Date.parse(until) + DAY }),
  };
  const filtered = useStorePaginatedQuery(api.orders.filtered, filters, PAGE_SIZE);
  const searching = text.trim().length > 0;
  const found = useStoreQuery(api.orders.search, searching ? { text: text.trim() } : "skip");
  const list: PaginatedState<Doc<"orders">> = searching
    ? {
        status:
          found.status === "pending"
            ? "LoadingFirstPage"
            : found.status === "error"
              ? "Error"
              : "Exhausted",
        results: found.data ?? [],
        error: found.error,
        loadMore: () => {},
      }
    : filtered;
  const byId = new Map(list.results.map((o) => [o._id as string, o]));

  async function moveSelected(keys: string[], to: OrderStatus) {
    const moves = keys
      .map((key) => byId.get(key))
      .filter((o): o is Doc<"orders"> => o !== undefined)
      .map((o) => ({ orderId: o._id as Id<"orders">, from: o.status }));
    try {
      const results = await moveMany({ moves, to });
      const refused = results.flatMap((r) =>
        r.error ? [{ number: r.number, error: r.error }] : [],
      );
      setRefusals(refused);
      toast(
        `${results.length - refused.length} of ${results.length} moved to ${ORDER_STATUS[to].label.toLowerCase()}.`,
      );
    } catch (error) {
      toast(explainError(error).message);
    }
  }

  return (
    <ListPage
      module={mod}
      actions={actions}
      tabs={{ options: TABS, value: status, onChange: setStatus }}
      list={list}
      noun={{ one: "order", other: "orders" }}
      columns={ORDER_COLUMNS}
      rowKey={(o) => o._id}
      rowLabel={(o) => `order #${o.number}`}
      rowProps={() => ({ "data-testid": "order-row" })}
      testId="orders-list"
      selectable
      bulkActions={(keys) => (
        <label className="flex items-center gap-2">
          <span>Move to</span>
          <select
            className="rounded-md border border-indigo-200 bg-white px-2 py-1 text-sm"
            value=""
            onChange={(e) => void moveSelected(keys, e.target.value as OrderStatus)}
            data-testid="bulk-move"
          >
            <option value="" disabled>
              status…
            </option>
            {ORDER_STATUSES.map((s) => (
              <option key={s} value={s}>
                {ORDER_STATUS[s].label}
              </option>
            ))}
          </select>
        </label>
      )}
      toolbar={
        <div className="mb-3 space-y-3">
          <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
            <Field label="Search" className="col-span-2 sm:w-64">
              <Input
                type="search"
                placeholder="Name, email or #1042"
                value={text}
                onChange={(e) => setText(e.target.value)}
              />
            </Field>
            <Field label="Channel" className="col-span-2 sm:w-44">
              <Select
                value={channel}
                onChange={(e) => setChannel(e.target.value as SalesChannel | "")}
              >
                <option value="">All channels</option>
                {SALES_CHANNELS.map((c) => (
                  <option key={c} value={c}>
                    {CHANNEL_LABEL[c]}
                  </option>
                ))}
              </Select>
            </Field>
            <Field label="Placed from" className="text-xs font-medium text-gray-600 sm:w-40">
              <Input type="date" value={since} onChange={(e) => setSince(e.target.value)} />
            </Field>
            <Field label="Placed to" className="text-xs font-medium text-gray-600 sm:w-40">
              <Input type="date" value={until} onChange={(e) => setUntil(e.target.value)} />
            </Field>
          </div>
          {searching && (
            <p className="text-xs text-gray-500">
              Search shows the best 20 matches; filters apply when it is empty.
            </p>
          )}
          {refusals.length > 0 && (
            <div
              role="status"
              className="rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200"
              data-testid="bulk-refusals"
            >
              <div className="flex items-center justify-between">
                <p className="font-medium">Not moved:</p>
                <Button variant="ghost" size="sm" onClick={() => setRefusals([])}>
                  Dismiss
                </Button>
              </div>
              <ul className="list-disc pl-5">
                {refusals.map((r) => (
                  <li key={r.number}>
                    #{r.number}: {r.error}
                  </li>
                ))}
              </ul>
            </div>
          )}
        </div>
      }
    />
  );
}

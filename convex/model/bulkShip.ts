// CSV bulk ship: a pasted or uploaded sheet of "order number, tracking number[, carrier]" is
// checked row by row (a preview nothing is written for), then the valid rows are shipped
// through orders.ts shipOrder. Parsing uses papaparse: quoted fields, BOMs and \r\n line ends
// from spreadsheet exports are its job, not ours.
import Papa from "papaparse";
import type { Id } from "../_generated/dataModel";
import type { MutationCtx, QueryCtx } from "../_generated/server";
import type { Actor } from "./audit";
import { invalid } from "./errors";
import { resolveTracking } from "./carriers";
import { errorMessage } from "./errors";
import { cleanCarrier } from "./orderRules";
import { shipOrder } from "./orders";

/** One sheet is one sitting's parcels; more is a sign the wrong file was picked. */
export const MAX_BULK_SHIP_ROWS = 500;
export const MAX_BULK_SHIP_CHARS = 100_000;

export type ShipRow = {
  /** 1-based line in the sheet, as a spreadsheet shows it. */
  line: number;
  orderNumber: string;
  trackingNumber: string;
  carrier?: string;
  orderId?: Id<"orders">;
  /** Why this row will not be shipped; absent when it will. */
  error?: string;
};

type RawRow = Omit<ShipRow, "orderId" | "error">;

const ORDER_HEADERS = ["order", "order number", "order_number", "ordernumber", "order #", "#"];
const TRACKING_HEADERS = ["tracking", "tracking number", "tracking_number", "trackingnumber"];
const CARRIER_HEADERS = ["carrier", "courier", "shipping carrier"];

/**
 * Reads the sheet. A first row naming the columns ("order", "tracking", "carrier" in any
 * order) is used as the header; otherwise columns are order, tracking, carrier. Blank lines
 * are skipped.
 */
export function parseShipCsv(text: string): RawRow[] {
  if (text.length > MAX_BULK_SHIP_CHARS) {
    throw invalid(`The sheet is over ${MAX_BULK_SHIP_CHARS / 1000} kB: split it and retry.`);
  }
  // Blank lines are kept through parsing so each row knows its line in the sheet.
  const parsed = Papa.parse<string[]>(text.replace(/^\uFEFF/, ""), { skipEmptyLines: false });
  const rows = parsed.data
    .map((cells, index) => ({ line: index + 1, cells: cells.map((cell) => cell.trim()) }))
    .filter((row) => row.cells.some((cell) => cell !== ""));
  if (rows.length === 0) throw invalid("The sheet is empty: paste order and tracking numbers.");
  const header = rows[0].cells.map((cell) => cell.toLowerCase());
  const find = (names: string[]) => header.findIndex((cell) => names.includes(cell));
  let columns = { order: 0, tracking: 1, carrier: 2 };
  let first = 0;
  if (find(ORDER_HEADERS) !== -1 || find(TRACKING_HEADERS) !== -1) {
    columns = {
      order: find(ORDER_HEADERS),
      tracking: find(TRACKING_HEADERS),
      carrier: find(CARRIER_HEADERS),
    };
    if (columns.order === -1 || columns.tracking === -1) {
      throw invalid('The header needs an "order" column and a "tracking" column.');
    }
    first = 1;
  }
  const body = rows.slice(first);
  if (body.length > MAX_BULK_SHIP_ROWS) {
    throw invalid(`The sheet has ${body.length} rows; ship at most ${MAX_BULK_SHIP_ROWS} at once.`);
  }
  return body.map(({ line, cells }) => ({
    line,
    orderNumber: cells[columns.order] ?? "",
    trackingNumber: cells[columns.tracking] ?? "",
    carrier: columns.carrier === -1 ? undefined : cleanCarrier(cells[columns.carrier]),
  }));
}

/** Checks every row against the store; writes nothing. */
export async function previewShipRows(
  ctx: QueryCtx,
  storeId: Id<"stores">,
  rows: RawRow[],
): Promise<ShipRow[]> {
  const seenOrders = new Map<string, number>();
  const seenTracking = new Map<string, number>();
  const out: ShipRow[] = [];
  for (const row of rows) {
    const checked: ShipRow = { ...row };
    out.push(checked);
    const number = Number(row.orderNumber.replace(/^#/, ""));
    if (!/^#?\d+$/.test(row.orderNumber)) {
      checked.error =
        row.orderNumber === ""
          ? "The order number is missing."
          : `"${row.orderNumber}" is not an order number.`;
      continue;
    }
    // The same check shipOrder makes: the number's shape, and a carrier detected or given.
    let tracking: { value: string };
    try {
      const resolved = resolveTracking(row.trackingNumber, row.carrier);
      tracking = { value: resolved.trackingNumber };
      checked.carrier = resolved.carrierName;
    } catch (error) {
      checked.error = errorMessage(error);
      continue;
    }
    checked.trackingNumber = tracking.value;
    const twin = seenOrders.get(String(number));
    if (twin !== undefined) {
      checked.error = `Order #${number} is already on line ${twin}.`;
      continue;
    }
    seenOrders.set(String(number), row.line);
    const trackingTwin = seenTracking.get(tracking.value);
    if (trackingTwin !== undefined) {
      checked.error = `Tracking number ${tracking.value} is already on line ${trackingTwin}.`;
      continue;
    }
    seenTracking.set(tracking.value, row.line);
    const order = await ctx.db
      .query("orders")
      .withIndex("by_store_number", (q) => q.eq("storeId", storeId).eq("number", number))
      .unique();
    if (order === null) {
      checked.error = `There is no order #${number} in this store.`;
      continue;
    }
    checked.orderId = order._id;
    if (order.status === "shipped" || order.status === "delivered") {
      checked.error = `Order #${number} is already ${order.status}.`;
    } else if (order.status !== "processing" && order.status !== "new") {
      checked.error = `Order #${number} is ${order.status} and will not ship.`;
    }
  }
  return out;
}

/**
 * Ships the rows the preview passes (checked again here: the store may have moved on since the
 * preview). Rows with errors are returned with them and change nothing.
 */
export async function applyShipRows(
  ctx: MutationCtx,
  storeId: Id<"stores">,
  actor: Actor,
  rows: RawRow[],
  now: number,
): Promise<ShipRow[]> {
  const checked = await previewShipRows(ctx, storeId, rows);
  for (const row of checked) {
    if (row.error !== undefined || row.orderId === undefined) continue;
    await shipOrder(
      ctx,
      storeId,
      actor,
      row.orderId,
      { trackingNumber: row.trackingNumber, carrier: row.carrier },
      now,
    );
  }
  return checked;
}

import type { FunctionReturnType } from "convex/server";
import type { api } from "../../../lib/api";
import { formatMoney } from "../../../lib/money";
import type { BadgeTone } from "../../components/Badge";

export type CouponRow = FunctionReturnType<typeof api.coupons.list>[number];

export const COUPON_STATUS: Record<CouponRow["status"], { label: string; tone: BadgeTone }> = {
  active: { label: "Active", tone: "emerald" },
  scheduled: { label: "Scheduled", tone: "sky" },
  expired: { label: "Expired", tone: "gray" },
  used_up: { label: "Used up", tone: "amber" },
  inactive: { label: "Paused", tone: "slate" },
};

/** "20% off", "$5.00 off", "Free shipping". */
export function describeDiscount(discount: CouponRow["discount"], currency: string): string {
  switch (discount.kind) {
    case "percent":
      return `${discount.percentBps / 100}% off`;
    case "fixed":
      return `${formatMoney(discount.amountCents, currency)} off`;
    case "free_shipping":
      return "Free shipping";
  }
}

const dateFormat = new Intl.DateTimeFormat(undefined, {
  month: "short",
  day: "numeric",
  year: "numeric",
});

/** "From Nov 24, 2026 · until Dec 2, 2026" (the last day it works), or "Always". */
export function describeWindow(coupon: Pick<CouponRow, "startsAt" | "endsAt">): string {
  const parts = [];
  if (coupon.startsAt !== undefined) parts.push(`from ${dateFormat.format(coupon.startsAt)}`);
  if (coupon.endsAt !== undefined) parts.push(`until ${dateFormat.format(coupon.endsAt - 1)}`);
  return parts.length === 0
    ? "No end date"
    : parts.join(" · ").replace(/^./, (c) => c.toUpperCase());
}

/** A yyyy-mm-dd date input ↔ local midnight. */
export function dateInputToMs(value: string): number | undefined {
  if (value === "") return undefined;
  const [y, m, d] = value.split("-").map(Number);
  return new Date(y, m - 1, d).getTime();
}

export function msToDateInput(ms: number | undefined): string {
  if (ms === undefined) return "";
  const date = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`;
}

export const DAY_MS = 86_400_000;

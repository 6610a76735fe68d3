import { useState } from "react";
import { formatMoney } from "../../../lib/money";
import { useCurrentStore } from "../../app/currentStore";
import type { PageProps } from "../../app/module";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { type Column, DataTable } from "../../components/DataTable";
import { ErrorPanel } from "../../components/ErrorPanel";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/Skeleton";
import { useToast } from "../../components/Toast";
import { CouponForm } from "./CouponForm";
import { COUPON_STATUS, type CouponRow, describeDiscount, describeWindow } from "./couponText";
import { PricingTabs } from "./PricingTabs";
import { useCoupons, useSetCouponActive } from "./usePricing";

/** /dashboard/pricing/coupons — every code with its use, state, and edit/pause for admins. */
export default function CouponsPage({ module: mod }: PageProps) {
  const { currency, can } = useCurrentStore();
  const coupons = useCoupons();
  const setActive = useSetCouponActive();
  const toast = useToast();
  const [editing, setEditing] = useState<CouponRow | "new" | null>(null);
  const [error, setError] = useState<unknown>(null);
  const canEdit = can("catalog.edit");

  async function toggle(coupon: CouponRow) {
    setError(null);
    try {
      await setActive({ couponId: coupon._id, active: !coupon.active });
      toast(coupon.active ? `Paused ${coupon.code}.` : `Resumed ${coupon.code}.`);
    } catch (err) {
      setError(err);
    }
  }

  const columns: Column<CouponRow>[] = [
    {
      id: "code",
      header: "Code",
      cell: (c) => (
        <div className="min-w-0">
          <p className="truncate font-mono font-semibold text-gray-900">{c.code}</p>
          <p className="flex items-center gap-2 text-xs text-gray-500">
            <span className="sm:hidden">
              <Badge tone={COUPON_STATUS[c.status].tone}>{COUPON_STATUS[c.status].label}</Badge>
            </span>
            <span className="truncate">
              {describeDiscount(c.discount, currency)}
              {c.minSubtotalCents ? ` · over ${formatMoney(c.minSubtotalCents, currency)}` : ""}
            </span>
          </p>
        </div>
      ),
    },
    {
      id: "window",
      header: "When",
      hideBelow: "md",
      cell: (c) => <span className="text-gray-600">{describeWindow(c)}</span>,
    },
    {
      id: "used",
      header: "Used",
      align: "right",
      width: "w-16 sm:w-24",
      cell: (c) => (
        <span className="tabular-nums" data-testid="coupon-used">
          {c.redemptions}
          {c.maxRedemptions !== undefined ? ` / ${c.maxRedemptions}` : ""}
        </span>
      ),
    },
    {
      id: "status",
      header: "Status",
      width: "w-28",
      hideBelow: "sm",
      cell: (c) => (
        <Badge tone={COUPON_STATUS[c.status].tone}>{COUPON_STATUS[c.status].label}</Badge>
      ),
    },
    ...(canEdit
      ? [
          {
            id: "actions",
            header: "Actions",
            quietHeader: true,
            align: "right" as const,
            width: "w-32 sm:w-40",
            cell: (c: CouponRow) => (
              <div className="flex justify-end gap-1">
                <Button size="sm" variant="ghost" onClick={() => setEditing(c)}>
                  Edit
                </Button>
                <Button size="sm" variant="ghost" onClick={() => toggle(c)}>
                  {c.active ? "Pause" : "Resume"}
                </Button>
              </div>
            ),
          },
        ]
      : []),
  ];

  return (
    <div data-testid="coupons-page">
      <PageHeader
        title={mod.label}
        summary={mod.summary}
        actions={
          canEdit && (
            <Button variant="primary" onClick={() => setEditing("new")}>
              New coupon
            </Button>
          )
        }
      />
      <PricingTabs />
      {error !== null && (
        <div className="mb-4">
          <ErrorPanel error={error} />
        </div>
      )}
      <section className="overflow-hidden rounded-xl border border-gray-200 bg-white shadow-sm">
        {coupons.status === "error" ? (
          <div className="p-4">
            <ErrorPanel error={coupons.error} />
          </div>
        ) : coupons.status === "pending" ? (
          <TableSkeleton rows={4} />
        ) : coupons.data.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-500">No coupons yet.</p>
        ) : (
          <DataTable
            rows={coupons.data}
            columns={columns}
            rowKey={(c) => c._id}
            rowLabel={(c) => c.code}
            rowProps={(c) => ({ "data-testid": "coupon-row", "data-code": c.code })}
            testId="coupons-table"
          />
        )}
      </section>
      {editing !== null && (
        <CouponForm
          coupon={editing === "new" ? undefined : editing}
          onClose={() => setEditing(null)}
        />
      )}
    </div>
  );
}

import type { FunctionArgs } from "convex/server";
import { type FormEvent, useState } from "react";
import type { api } from "../../../lib/api";
import { centsToInput, parseMoneyInput } from "../../../lib/money";
import { useCurrentStore } from "../../app/currentStore";
import { Button } from "../../components/Button";
import { Dialog } from "../../components/Dialog";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Field, Input, Select } from "../../components/Field";
import { useToast } from "../../components/Toast";
import { type CouponRow, DAY_MS, dateInputToMs, msToDateInput } from "./couponText";
import { useCreateCoupon, useUpdateCoupon } from "./usePricing";

type Kind = CouponRow["discount"]["kind"];

/** Create or edit a coupon. The server checks every rule; this form only turns text into numbers. */
export function CouponForm({ coupon, onClose }: { coupon?: CouponRow; onClose: () => void }) {
  const { currency } = useCurrentStore();
  const create = useCreateCoupon();
  const update = useUpdateCoupon();
  const toast = useToast();
  const d = coupon?.discount;
  const [code, setCode] = useState(coupon?.code ?? "");
  const [kind, setKind] = useState<Kind>(d?.kind ?? "percent");
  const [amount, setAmount] = useState(
    d?.kind === "percent"
      ? String(d.percentBps / 100)
      : d?.kind === "fixed"
        ? centsToInput(d.amountCents, currency)
        : "",
  );
  const [minimum, setMinimum] = useState(
    coupon?.minSubtotalCents !== undefined ? centsToInput(coupon.minSubtotalCents, currency) : "",
  );
  const [starts, setStarts] = useState(msToDateInput(coupon?.startsAt));
  // Shown as the last day it works; stored as the moment it stops (the next midnight).
  const [ends, setEnds] = useState(
    msToDateInput(coupon?.endsAt === undefined ? undefined : coupon.endsAt - DAY_MS),
  );
  const [limit, setLimit] = useState(
    coupon?.maxRedemptions !== undefined ? String(coupon.maxRedemptions) : "",
  );
  const [problem, setProblem] = useState<string>();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  function discount() {
    if (kind === "free_shipping") return { kind } as const;
    if (kind === "percent") {
      const percent = Number(amount);
      if (amount.trim() === "" || !Number.isFinite(percent))
        throw new Error("Type the percent off, e.g. 15.");
      return { kind, percentBps: Math.round(percent * 100) } as const;
    }
    const cents = parseMoneyInput(amount, currency);
    if (cents === null) throw new Error(`“${amount}” is not an amount. Type one such as 5.00.`);
    return { kind, amountCents: cents } as const;
  }

  async function save(e: FormEvent) {
    e.preventDefault();
    let input: FunctionArgs<typeof api.coupons.create>["coupon"];
    try {
      const minSubtotalCents =
        minimum.trim() === "" ? undefined : parseMoneyInput(minimum, currency);
      if (minSubtotalCents === null)
        throw new Error(`“${minimum}” is not an amount for the minimum order.`);
      const maxRedemptions = limit.trim() === "" ? undefined : Number(limit);
      const endDay = dateInputToMs(ends);
      input = {
        code,
        discount: discount(),
        minSubtotalCents,
        maxRedemptions,
        startsAt: dateInputToMs(starts),
        endsAt: endDay === undefined ? undefined : endDay + DAY_MS,
      };
    } catch (err) {
      setProblem((err as Error).message);
      return;
    }
    setProblem(undefined);
    setError(null);
    setBusy(true);
    try {
      if (coupon) await update({ couponId: coupon._id, coupon: input });
      else await create({ coupon: input });
      toast(
        coupon
          ? `Saved ${input.code.trim().toUpperCase()}.`
          : `Created ${input.code.trim().toUpperCase()}.`,
      );
      onClose();
    } catch (err) {
      setError(err);
      setBusy(false);
    }
  }

  return (
    <Dialog title={coupon ? `Edit ${coupon.code}` : "New coupon"} onClose={onClose}>
      <form onSubmit={save} className="mt-4 grid grid-cols-2 gap-4" data-testid="coupon-form">
        <Field label="Code" className="col-span-2">
          <Input
            value={code}
            onChange={(e) => setCode(e.target.value)}
            placeholder="SPRING20"
            required
            maxLength={32}
          />
        </Field>
        <Field label="Discount">
          <Select value={kind} onChange={(e) => setKind(e.target.value as Kind)}>
            <option value="percent">Percent off</option>
            <option value="fixed">Amount off</option>
            <option value="free_shipping">Free shipping</option>
          </Select>
        </Field>
        {kind !== "free_shipping" ? (
          <Field label={kind === "percent" ? "Percent (1–100)" : `Amount (${currency})`}>
            <Input
              inputMode="decimal"
              value={amount}
              onChange={(e) => setAmount(e.target.value)}
              required
            />
          </Field>
        ) : (
          <div />
        )}
        <Field label={`Minimum order (${currency})`}>
          <Input
            inputMode="decimal"
            value={minimum}
            onChange={(e) => setMinimum(e.target.value)}
            placeholder="None"
          />
        </Field>
        <Field label="Usage limit">
          <Input
            inputMode="numeric"
            value={limit}
            onChange={(e) => setLimit(e.target.value)}
            placeholder="Unlimited"
          />
        </Field>
        <Field label="Starts">
          <Input type="date" value={starts} onChange={(e) => setStarts(e.target.value)} />
        </Field>
        <Field label="Last day">
          <Input type="date" value={ends} onChange={(e) => setEnds(e.target.value)} />
        </Field>
        {(problem || error !== null) && (
          <div className="col-span-2">
            {problem ? (
              <p role="alert" className="text-sm text-rose-700">
                {problem}
              </p>
            ) : (
              <ErrorPanel error={error} />
            )}
          </div>
        )}
        <div className="col-span-2 flex justify-end gap-2">
          <Button onClick={onClose}>Cancel</Button>
          <Button type="submit" variant="primary" disabled={busy}>
            {busy ? "Saving…" : coupon ? "Save coupon" : "Create coupon"}
          </Button>
        </div>
      </form>
    </Dialog>
  );
}

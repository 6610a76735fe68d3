import { formatMoney } from "../../lib/money";

export function Price({
  cents,
  compareAt,
  currency,
  from = false,
  className = "",
}: {
  cents: number;
  compareAt?: number;
  currency: string;
  /** Variants differ in price: this is the lowest. */
  from?: boolean;
  className?: string;
}) {
  const onSale = compareAt !== undefined && compareAt > cents;
  return (
    <span className={`tabular-nums ${className}`}>
      {from && <span className="text-stone-500">From </span>}
      <span className={onSale ? "text-rose-700" : undefined}>{formatMoney(cents, currency)}</span>
      {onSale && (
        <>
          {" "}
          <s className="text-stone-400">
            <span className="sr-only">was </span>
            {formatMoney(compareAt, currency)}
          </s>
        </>
      )}
    </span>
  );
}

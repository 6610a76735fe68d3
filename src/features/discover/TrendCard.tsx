import type { FunctionReturnType } from "convex/server";
import { motion } from "framer-motion";
import type { api } from "../../../lib/api";
import { formatBasisPoints, formatMoney } from "../../../lib/money";
import { Badge, type BadgeTone } from "../../components/Badge";
import { Button } from "../../components/Button";
import { Thumb } from "../../components/Thumb";

export type TrendCardData = FunctionReturnType<typeof api.discover.feed>["trends"][number];

export const LABEL: Record<TrendCardData["velocity"], { text: string; tone: BadgeTone }> = {
  rising: { text: "Rising fast", tone: "emerald" },
  established: { text: "Established", tone: "slate" },
  declining: { text: "Declining", tone: "rose" },
};

export const RECOMMENDATION: Record<string, { text: string; tone: BadgeTone }> = {
  import: { text: "Import", tone: "indigo" },
  watch: { text: "Watch", tone: "amber" },
  skip: { text: "Skip", tone: "gray" },
};

function scoreTone(score: number) {
  if (score >= 65) return "bg-emerald-600 text-white";
  if (score >= 40) return "bg-amber-400 text-gray-900";
  return "bg-gray-300 text-gray-800";
}

const compactFormat = new Intl.NumberFormat(undefined, {
  notation: "compact",
  maximumFractionDigits: 1,
});
export const compact = (n: number) => compactFormat.format(n);

export function pctText(pct: number | null) {
  if (pct === null) return "—";
  return `${pct > 0 ? "+" : ""}${Math.round(pct)}%`;
}

export function TrendCard({
  trend,
  currency,
  onResearch,
  onWatch,
}: {
  trend: TrendCardData;
  currency: string;
  onResearch: () => void;
  onWatch: (watched: boolean) => void;
}) {
  const money = (cents: number | null) => (cents === null ? "—" : formatMoney(cents, currency));
  const label = LABEL[trend.velocity];
  const rec = trend.recommendation ? RECOMMENDATION[trend.recommendation] : null;
  return (
    <motion.article
      layout
      initial={{ opacity: 0, y: 16, scale: 0.98 }}
      animate={{ opacity: 1, y: 0, scale: 1 }}
      exit={{ opacity: 0, scale: 0.96 }}
      transition={{ duration: 0.25 }}
      data-testid="trend-card"
      data-trend-id={trend._id}
      className="flex flex-col rounded-xl border border-gray-200 bg-white p-4 shadow-sm"
    >
      <div className="flex items-start gap-3">
        <Thumb src={trend.imageUrl} title={trend.title} size="h-14 w-14" />
        <div className="min-w-0 flex-1">
          <h3 className="truncate font-semibold text-gray-900" title={trend.title}>
            {trend.title}
          </h3>
          <p className="truncate text-xs text-gray-500">{trend.category}</p>
          <div className="mt-1 flex flex-wrap gap-1">
            <Badge tone={label.tone}>{label.text}</Badge>
            {trend.watched && <Badge tone="sky">Watching</Badge>}
            {trend.importedProductId && <Badge tone="emerald">Imported</Badge>}
          </div>
        </div>
        {/* Keyed by the score, so a changed score pops in for everyone watching the feed. */}
        <motion.div
          key={trend.score}
          initial={{ scale: 1.35, opacity: 0.4 }}
          animate={{ scale: 1, opacity: 1 }}
          transition={{ type: "spring", stiffness: 300, damping: 18 }}
          className={`flex h-11 w-11 shrink-0 flex-col items-center justify-center rounded-full text-base font-bold tabular-nums ${scoreTone(trend.score)}`}
          aria-label={`Score ${trend.score} of 100`}
          data-testid="trend-score"
        >
          {trend.score}
        </motion.div>
      </div>

      <dl className="mt-3 grid grid-cols-3 gap-2 text-xs">
        <div>
          <dt className="text-gray-500">Price</dt>
          <dd className="font-medium tabular-nums text-gray-900">
            {money(trend.estimatedPriceCents)}
          </dd>
        </div>
        <div>
          <dt className="text-gray-500">Cost</dt>
          <dd className="font-medium tabular-nums text-gray-900">
            {money(trend.supplierCostCents)}
          </dd>
        </div>
        <div>
          <dt className="text-gray-500">Margin</dt>
          <dd className="font-medium tabular-nums text-gray-900">
            {trend.marginBps === null ? "—" : formatBasisPoints(trend.marginBps)}
          </dd>
        </div>
        <div>
          <dt className="text-gray-500">Views</dt>
          <dd className="font-medium tabular-nums text-gray-900">
            {trend.views === null ? "—" : compact(trend.views)}
          </dd>
        </div>
        <div>
          <dt className="text-gray-500">Growth</dt>
          <dd
            className={`font-medium tabular-nums ${
              (trend.velocityPct ?? 0) > 0
                ? "text-emerald-700"
                : (trend.velocityPct ?? 0) < 0
                  ? "text-rose-700"
                  : "text-gray-900"
            }`}
            data-testid="trend-velocity"
          >
            {pctText(trend.velocityPct)}
          </dd>
        </div>
        <div>
          <dt className="text-gray-500">Sellers</dt>
          <dd className="font-medium tabular-nums text-gray-900">{trend.competitorCount}</dd>
        </div>
      </dl>

      <div className="mt-3 flex-1 text-sm">
        {rec ? (
          <p className="text-gray-700">
            <Badge tone={rec.tone}>{rec.text}</Badge>{" "}
            <span className="text-xs text-gray-600">{trend.reason}</span>
          </p>
        ) : (
          <p className="text-xs text-gray-500">Scored at the next refresh.</p>
        )}
      </div>

      <div className="mt-3 flex gap-2">
        <Button size="sm" variant="secondary" onClick={onResearch}>
          Research
        </Button>
        <Button
          size="sm"
          variant="ghost"
          onClick={() => onWatch(!trend.watched)}
          aria-pressed={trend.watched}
        >
          {trend.watched ? "Unwatch" : "Watch"}
        </Button>
      </div>
    </motion.article>
  );
}

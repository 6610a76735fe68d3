import { formatMoney } from "../../../lib/money";
import { Badge } from "../../components/Badge";
import { Drawer } from "../../components/Dialog";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Skeleton } from "../../components/Skeleton";
import { ProfitCalculator } from "./ProfitCalculator";
import { SnapshotChart } from "./SnapshotChart";
import { LABEL, pctText, RECOMMENDATION } from "./TrendCard";
import { useResearch } from "./useDiscover";

function Section({ title, children }: { title: string; children: React.ReactNode }) {
  return (
    <section className="mt-5">
      <h3 className="mb-2 text-sm font-semibold text-gray-900">{title}</h3>
      {children}
    </section>
  );
}

/** Research for one trend: why it scores what it does, competition, profit, history. */
export function ResearchDrawer({
  trendId,
  title,
  currency,
  onClose,
}: {
  trendId: string;
  title: string;
  currency: string;
  onClose: () => void;
}) {
  const research = useResearch(trendId);
  const data = research.data;
  return (
    <Drawer title={title} description="Research" onClose={onClose}>
      <div data-testid="research-drawer">
        {research.status === "error" && <ErrorPanel error={research.error} />}
        {research.status === "pending" && <Skeleton className="mt-4 h-64" />}
        {data && (
          <>
            <div className="mt-3 flex flex-wrap items-center gap-2">
              <span className="text-3xl font-bold tabular-nums text-gray-900">
                {data.trend.score}
              </span>
              <span className="text-sm text-gray-500">/ 100</span>
              <Badge tone={LABEL[data.trend.velocity].tone}>
                {LABEL[data.trend.velocity].text}
              </Badge>
              {data.trend.recommendation && (
                <Badge tone={RECOMMENDATION[data.trend.recommendation].tone}>
                  {RECOMMENDATION[data.trend.recommendation].text}
                </Badge>
              )}
            </div>

            <Section title="Recommendation">
              {data.reasons.length === 0 ? (
                <p className="text-sm text-gray-500">Scored at the next refresh.</p>
              ) : (
                <ul
                  className="list-disc space-y-1 pl-5 text-sm text-gray-700"
                  data-testid="research-reasons"
                >
                  {data.reasons.map((r) => (
                    <li key={r}>{r}</li>
                  ))}
                </ul>
              )}
            </Section>

            <Section title="Score factors">
              <table className="w-full text-sm">
                <thead className="text-left text-xs text-gray-500">
                  <tr>
                    <th className="pb-1 font-medium">Factor</th>
                    <th className="pb-1 text-right font-medium">Value</th>
                    <th className="pb-1 text-right font-medium">Weight</th>
                  </tr>
                </thead>
                <tbody>
                  {data.factors.map((f) => (
                    <tr key={f.key} className="border-t border-gray-100 align-top">
                      <td className="py-1.5">
                        <span className="font-medium text-gray-900">{f.label}</span>
                        <span className="block text-xs text-gray-500">{f.detail}</span>
                      </td>
                      <td className="py-1.5 text-right tabular-nums">{f.value}</td>
                      <td className="py-1.5 text-right tabular-nums">
                        {Math.round(f.weight * 100)}%
                      </td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </Section>

            <Section title="History and seasonality">
              {data.snapshots.length < 2 ? (
                <p className="text-sm text-gray-500">
                  Not enough history yet: one snapshot so far.
                </p>
              ) : (
                <SnapshotChart snapshots={data.snapshots} />
              )}
              <p className="mt-1 text-xs text-gray-500">
                Views growth {pctText(data.trend.velocityPct)} over the last snapshots;{" "}
                {data.weekly.length < 3
                  ? `not enough history for seasonality (${data.weekly.length} of 3 weeks).`
                  : `${data.weekly.length} weeks of history.`}
              </p>
            </Section>

            <Section title="Competition (partial)">
              <p className="text-sm text-gray-700">
                {data.trend.competitorCount} other store
                {data.trend.competitorCount === 1 ? "" : "s"} seen selling it.
              </p>
              <p className="mt-1 text-sm text-gray-700">
                In your catalog’s {data.trend.category}:{" "}
                {data.similar.length === 0
                  ? "no active products."
                  : data.similar
                      .map((p) => `${p.title} (${formatMoney(p.priceCents, currency)})`)
                      .join(", ")}
              </p>
              <p className="mt-1 text-xs text-gray-500">
                This is only what we can see: the seller count from the source and your own catalog.
                Marketplaces and stores we do not track are not counted.
              </p>
            </Section>

            <Section title="Profit calculator">
              <ProfitCalculator
                currency={currency}
                priceCents={data.trend.estimatedPriceCents}
                costCents={data.trend.supplierCostCents}
                shippingCents={data.shippingCostCents}
              />
            </Section>
          </>
        )}
      </div>
    </Drawer>
  );
}

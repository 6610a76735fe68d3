import { AnimatePresence } from "framer-motion";
import { useEffect, useRef, useState } from "react";
import { explainError } from "../../lib/errors";
import { useCurrentStore } from "../../app/currentStore";
import type { PageProps } from "../../app/module";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ErrorPanel } from "../../components/ErrorPanel";
import { PageHeader } from "../../components/PageHeader";
import { Skeleton } from "../../components/Skeleton";
import { useToast } from "../../components/Toast";
import { DiscoverFilters } from "./DiscoverFilters";
import { EMPTY_FILTERS, feedArgs, type FilterState } from "./filters";
import { ResearchDrawer } from "./ResearchDrawer";
import { ImportBox } from "./import/ImportBox";
import { TrendCard } from "./TrendCard";
import {
  useDismissAlert,
  useFeed,
  useRefreshNow,
  useSaveDiscoverSettings,
  useSetWatch,
} from "./useDiscover";

const INTERVALS = [
  [15, "Every 15 minutes"],
  [30, "Every 30 minutes"],
  [60, "Every hour"],
  [180, "Every 3 hours"],
  [1440, "Once a day"],
] as const;

function ago(at: number | null) {
  if (at === null) return "not yet";
  const minutes = Math.round((Date.now() - at) / 60_000);
  if (minutes < 1) return "just now";
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.round(minutes / 60);
  return hours < 48 ? `${hours} h ago` : `${Math.round(hours / 24)} days ago`;
}

/** /dashboard/discover — the live trend feed. */
export default function DiscoverPage({ module: mod }: PageProps) {
  const { currency, can } = useCurrentStore();
  const toast = useToast();
  const [filters, setFilters] = useState<FilterState>(EMPTY_FILTERS);
  const [open, setOpen] = useState<{ id: string; title: string } | null>(null);
  const built = feedArgs(filters, currency);
  const feed = useFeed("args" in built ? built.args : "skip");
  const setWatch = useSetWatch();
  const dismissAlert = useDismissAlert();
  const refreshNow = useRefreshNow();
  const saveSettings = useSaveDiscoverSettings();
  const [categories, setCategories] = useState<string[]>([]);
  const data = feed.data;

  // Keep every category seen, so filtering to one does not empty the list of others.
  useEffect(() => {
    if (!data) return;
    setCategories((known) => [...new Set([...known, ...data.categories])].sort());
  }, [data]);

  // A new spike alert while the page is open: say so once.
  const lastAlert = useRef<string | null | undefined>(undefined);
  useEffect(() => {
    if (!data) return;
    const newest = data.alerts[0];
    if (lastAlert.current !== undefined && newest && newest._id !== lastAlert.current) {
      toast(`${newest.title} is spiking: views growth ${newest.fromPct}% → ${newest.toPct}%.`);
    }
    lastAlert.current = newest?._id ?? null;
  }, [data, toast]);

  const run = async (action: () => Promise<unknown>, done?: string) => {
    try {
      await action();
      if (done) toast(done);
    } catch (error) {
      toast(explainError(error).message);
    }
  };

  const actions = (
    <div className="flex flex-wrap items-center gap-2">
      {data?.demo && (
        <span data-testid="demo-label">
          <Badge tone="amber">Demo data</Badge>
        </span>
      )}
      {can("settings.edit") && data?.settings && (
        <select
          aria-label="Refresh interval"
          className="rounded-md border border-gray-300 px-2 py-1.5 text-sm"
          value={data.settings.intervalMinutes}
          onChange={(e) =>
            run(
              () => saveSettings({ intervalMinutes: Number(e.target.value) }),
              "Refresh interval saved.",
            )
          }
        >
          {INTERVALS.map(([minutes, label]) => (
            <option key={minutes} value={minutes}>
              {label}
            </option>
          ))}
        </select>
      )}
      {can("catalog.edit") && (
        <Button
          size="sm"
          onClick={() => run(() => refreshNow({}), "Refreshing the feed…")}
          data-testid="refresh-now"
        >
          Refresh now
        </Button>
      )}
    </div>
  );

  return (
    <div data-testid="discover-page">
      <PageHeader title={mod.label} summary={mod.summary} actions={actions} />
      <ImportBox />
      {data?.settings && (
        <p className="-mt-3 mb-4 text-xs text-gray-500" data-testid="last-refresh">
          Updated {ago(data.settings.lastRunAt)}
          {data.settings.lastRunError && (
            <span className="ml-2 text-rose-700">
              Last refresh failed: {data.settings.lastRunError}
            </span>
          )}
        </p>
      )}

      {data && data.alerts.length > 0 && (
        <ul className="mb-4 space-y-2" data-testid="spike-alerts">
          {data.alerts.map((a) => (
            <li
              key={a._id}
              role="status"
              className="flex items-center justify-between gap-3 rounded-lg border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900"
            >
              <span>
                <span className="font-semibold">Spike on your watchlist:</span> {a.title}, views
                growth {a.fromPct}% → {a.toPct}%
              </span>
              <Button
                size="sm"
                variant="ghost"
                onClick={() => run(() => dismissAlert({ alertId: a._id }))}
              >
                Dismiss
              </Button>
            </li>
          ))}
        </ul>
      )}

      <DiscoverFilters
        value={filters}
        categories={categories}
        onChange={setFilters}
        currency={currency}
      />
      {"problem" in built && (
        <p
          role="alert"
          className="mb-4 rounded-lg bg-rose-50 px-3 py-2 text-sm text-rose-800"
          data-testid="filter-problem"
        >
          {built.problem}
        </p>
      )}

      {feed.status === "error" && <ErrorPanel error={feed.error} />}
      {feed.status === "pending" && "args" in built && (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3">
          {[0, 1, 2, 3, 4, 5].map((i) => (
            <Skeleton key={i} className="h-56" />
          ))}
        </div>
      )}
      {data && data.trends.length === 0 && (
        <p className="rounded-xl border border-gray-200 bg-white p-6 text-sm text-gray-600">
          No trends match these filters. Clear a filter, or wait for the next refresh.
        </p>
      )}
      {data && (
        <div className="grid gap-4 sm:grid-cols-2 xl:grid-cols-3" data-testid="trend-grid">
          <AnimatePresence initial={false}>
            {data.trends.map((trend) => (
              <TrendCard
                key={trend._id}
                trend={trend}
                currency={currency}
                onResearch={() => setOpen({ id: trend._id, title: trend.title })}
                onWatch={(watched) =>
                  run(
                    () => setWatch({ trendId: trend._id, watched }),
                    watched
                      ? `Watching ${trend.title}: you’ll see an alert if it spikes.`
                      : `Stopped watching ${trend.title}.`,
                  )
                }
              />
            ))}
          </AnimatePresence>
        </div>
      )}
      {open && (
        <ResearchDrawer
          trendId={open.id}
          title={open.title}
          currency={currency}
          onClose={() => setOpen(null)}
        />
      )}
    </div>
  );
}

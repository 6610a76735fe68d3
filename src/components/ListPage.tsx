import { type ReactNode, useMemo, useState } from "react";
import { countOf, type Noun } from "../../lib/plural";
import type { ModuleMeta } from "../app/module";
import type { PaginatedState } from "../app/storeHooks";
import { Button } from "./Button";
import { type Column, DataTable, type RowSelection } from "./DataTable";
import { ErrorPanel } from "./ErrorPanel";
import { LoadMore } from "./LoadMore";
import { PageHeader } from "./PageHeader";
import { TableSkeleton } from "./Skeleton";
import { StatusTabs, type TabOption } from "./StatusTabs";

/**
 * A module's list page: title, status tabs, the table (loading, empty, failed, loaded), "load
 * more", and — when `selectable` — a checkbox column with a bar of bulk actions for the ticked
 * rows. A page brings its hook's list, its columns and its dialogs; the rest is here.
 */
export function ListPage<Row, T extends string>({
  module: mod,
  tabs,
  list,
  noun,
  columns,
  rowKey,
  rowLabel,
  rowProps,
  selectable = false,
  bulkActions,
  testId,
  actions,
  toolbar,
  renderRows,
  children,
}: {
  module: ModuleMeta;
  tabs: { options: TabOption<T>[]; value: T; onChange: (value: T) => void };
  list: PaginatedState<Row>;
  noun: Noun;
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  rowLabel: (row: Row) => string;
  rowProps?: Parameters<typeof DataTable<Row>>[0]["rowProps"];
  selectable?: boolean;
  /** Actions for the ticked rows, shown in the bulk bar next to the count. */
  bulkActions?: (keys: string[]) => ReactNode;
  testId?: string;
  /** Buttons beside the page title ("Add product"). */
  actions?: ReactNode;
  /** Search, filters and view switches, between the tabs and the list. */
  toolbar?: ReactNode;
  /** Another view of the same rows (a card grid) in place of the table; same selection. */
  renderRows?: (rows: Row[], selection: RowSelection | undefined) => ReactNode;
  /** Dialogs and panels that open over the list. */
  children?: ReactNode;
}) {
  const selection = useSelection(tabs.value);
  const tab = tabs.options.find((o) => o.value === tabs.value);
  const shownKeys = new Set(list.results.map(rowKey));
  const ticked = [...selection.selected].filter((k) => shownKeys.has(k));

  return (
    <div>
      <PageHeader title={mod.label} summary={mod.summary} actions={actions} />
      <div className="mb-4">
        <StatusTabs label="Filter by status" {...tabs} />
      </div>
      {toolbar}
      {selectable && ticked.length > 0 && (
        <div
          className="mb-3 flex flex-wrap items-center gap-3 rounded-lg bg-indigo-50 px-4 py-2 text-sm text-indigo-900"
          data-testid="bulk-bar"
        >
          <span className="font-medium">{countOf(ticked.length, noun)} selected</span>
          {bulkActions?.(ticked)}
          <Button variant="ghost" size="sm" className="ml-auto" onClick={selection.clear}>
            Clear selection
          </Button>
        </div>
      )}
      <section className="overflow-hidden rounded-xl border border-gray-200 bg-white shadow-sm">
        {list.status === "Error" ? (
          <div className="p-4">
            <ErrorPanel error={list.error} />
          </div>
        ) : list.status === "LoadingFirstPage" ? (
          <TableSkeleton />
        ) : list.results.length === 0 ? (
          <p className="p-8 text-center text-sm text-gray-500">
            {tabs.value === "all"
              ? `No ${noun.other} yet.`
              : `No ${tab?.label.toLowerCase() ?? ""} ${noun.other}.`}
          </p>
        ) : (
          <>
            {renderRows ? (
              renderRows(list.results, selectable ? selection : undefined)
            ) : (
              <DataTable
                rows={list.results}
                columns={columns}
                rowKey={rowKey}
                rowLabel={rowLabel}
                rowProps={rowProps}
                selection={selectable ? selection : undefined}
                testId={testId}
              />
            )}
            <LoadMore
              status={list.status}
              onLoadMore={list.loadMore}
              count={list.results.length}
              noun={noun}
            />
          </>
        )}
      </section>
      {children}
    </div>
  );
}

/** Ticked rows; a new tab starts with none ticked. */
function useSelection(scope: string): RowSelection & { clear(): void } {
  const [state, setState] = useState({ scope, keys: new Set<string>() });
  const selected = state.scope === scope ? state.keys : new Set<string>();
  return useMemo(() => {
    const update = (change: (keys: Set<string>) => void) => {
      const next = new Set(selected);
      change(next);
      setState({ scope, keys: next });
    };
    return {
      selected,
      toggle: (key) => update((keys) => (keys.has(key) ? keys.delete(key) : keys.add(key))),
      setAll: (keys, on) =>
        update((set) => {
          for (const k of keys) {
            if (on) set.add(k);
            else set.delete(k);
          }
        }),
      clear: () => setState({ scope, keys: new Set() }),
    };
  }, [selected, scope]);
}

import { useMemo, useState } from "react";
import { Link } from "../../../lib/router";
import { useCurrentStore } from "../../app/currentStore";
import type { PageProps } from "../../app/module";
import { Badge } from "../../components/Badge";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Field, Select } from "../../components/Field";
import { LoadMore } from "../../components/LoadMore";
import { PageHeader } from "../../components/PageHeader";
import { TableSkeleton } from "../../components/Skeleton";
import { displayName } from "../../lib/initials";
import { exactTime, relativeTime } from "../../lib/relativeTime";
import { useTeam } from "../settings/useTeam";
import { actorLabel, describeAction, entryHref, type People } from "./describeEntry";
import { useActivity } from "./useActivity";

// The kinds of record the log has, as the server names its tables.
const KINDS = [
  ["orders", "Orders"],
  ["products", "Products"],
  ["members", "Members"],
  ["invites", "Invites"],
  ["stores", "Store"],
] as const;

/** /dashboard/activity — the audit log as sentences: who did what, when, with links. */
export default function ActivityPage({ module: mod }: PageProps) {
  const { currency } = useCurrentStore();
  const team = useTeam();
  const [actorId, setActorId] = useState("");
  const [targetTable, setTargetTable] = useState("");
  const log = useActivity({ actorId, targetTable });
  const members = team.data?.members ?? [];
  const people: People = useMemo(
    () => new Map(members.map((m) => [m.userId as string, displayName(m)])),
    [members],
  );

  return (
    <div className="space-y-4" data-testid="activity-page">
      <PageHeader title={mod.label} summary={mod.summary} />
      <div className="grid grid-cols-1 gap-3 sm:grid-cols-2 lg:max-w-xl">
        <Field label="Person">
          <Select value={actorId} onChange={(e) => setActorId(e.target.value)}>
            <option value="">Everyone</option>
            {members.map((m) => (
              <option key={m.userId} value={m.userId}>
                {displayName(m)}
                {m.isYou ? " (you)" : ""}
              </option>
            ))}
          </Select>
        </Field>
        <Field label="Kind">
          <Select value={targetTable} onChange={(e) => setTargetTable(e.target.value)}>
            <option value="">All kinds</option>
            {KINDS.map(([table, label]) => (
              <option key={table} value={table}>
                {label}
              </option>
            ))}
          </Select>
        </Field>
      </div>
      {log.error && <ErrorPanel error={log.error} />}
      {log.status === "LoadingFirstPage" ? (
        <TableSkeleton />
      ) : (
        <div className="rounded-xl border border-gray-200 bg-white shadow-sm">
          {log.results.length === 0 ? (
            <p className="px-4 py-8 text-center text-sm text-gray-500">
              Nothing recorded{actorId || targetTable ? " for this filter" : " yet"}.
            </p>
          ) : (
            <ol className="divide-y divide-gray-100" data-testid="activity-list">
              {log.results.map((entry) => {
                const href = entryHref(entry);
                const what = describeAction(entry, people, currency);
                return (
                  <li
                    key={entry._id}
                    className="flex flex-col gap-1 px-4 py-3 text-sm sm:flex-row sm:items-baseline sm:gap-3"
                    data-testid="activity-row"
                  >
                    <p className="min-w-0 flex-1 text-gray-700">
                      <span className="font-medium text-gray-900">{actorLabel(entry, people)}</span>{" "}
                      {entry.actorKind !== "user" && (
                        <Badge tone={entry.actorKind === "webhook" ? "sky" : "slate"}>
                          {entry.actorKind === "webhook" ? "webhook" : "automated"}
                        </Badge>
                      )}{" "}
                      {href ? (
                        <Link href={href} className="text-indigo-700 hover:underline">
                          {what}
                        </Link>
                      ) : (
                        what
                      )}
                    </p>
                    <time
                      dateTime={new Date(entry.at).toISOString()}
                      title={exactTime(entry.at)}
                      className="shrink-0 text-xs text-gray-500"
                    >
                      {relativeTime(entry.at)}
                    </time>
                  </li>
                );
              })}
            </ol>
          )}
          <LoadMore
            status={log.status}
            onLoadMore={log.loadMore}
            count={log.results.length}
            noun={{ one: "event", other: "events" }}
          />
        </div>
      )}
    </div>
  );
}

import type { AuditChange } from "../../../convex/model/validators";

/** Discover's entries in words (trend spikes on the watchlist, the refresh interval). */
export function describeDiscover(action: string, changes: AuditChange[]): string | null {
  const to = (field: string) => changes.find((c) => c.field === field)?.to ?? null;
  const from = (field: string) => changes.find((c) => c.field === field)?.from ?? null;
  switch (action) {
    case "trend.spike":
      return `flagged a spike on watched trend “${to("title")}”: views growth ${from("velocityPct")}% → ${to("velocityPct")}%`;
    case "discover.settings":
      return `set Discover to refresh every ${to("intervalMinutes")} minutes (was ${from("intervalMinutes")})`;
    default:
      return null;
  }
}

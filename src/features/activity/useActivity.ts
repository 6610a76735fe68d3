import { api, type Id } from "../../../lib/api";
import { useStorePaginatedQuery } from "../../app/storeHooks";

const PAGE_SIZE = 30;

/** The audit log, newest first, live; optionally one person's or one kind of record's. */
export function useActivity(filter: { actorId?: string; targetTable?: string }) {
  return useStorePaginatedQuery(
    api.activity.list,
    {
      ...(filter.actorId ? { actorId: filter.actorId as Id<"users"> } : {}),
      ...(filter.targetTable ? { targetTable: filter.targetTable } : {}),
    },
    PAGE_SIZE,
  );
}

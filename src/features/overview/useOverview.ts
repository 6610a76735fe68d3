import { api } from "../../../lib/api";
import { useStoreQuery } from "../../app/storeHooks";

/** The store's KPIs, daily revenue, top products and order counts (dashboard:overview). */
export function useOverview() {
  return useStoreQuery(api.dashboard.overview, {});
}

import { lazy } from "react";
import { defineModule } from "../../app/module";

export const overviewModule = defineModule({
  id: "overview",
  label: "Overview",
  icon: "home",
  summary: "How the store is doing, live.",
  keywords: ["home", "dashboard", "revenue", "kpi"],
  path: "",
  // Tremor charts are the heaviest part of the workspace: they load with this page only.
  routes: [{ pattern: "", page: lazy(() => import("./OverviewPage")) }],
});

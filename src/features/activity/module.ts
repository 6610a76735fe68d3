import { lazy } from "react";
import { defineModule } from "../../app/module";

export const activityModule = defineModule({
  id: "activity",
  label: "Activity",
  icon: "clock",
  summary: "Who changed what, and when: the store's audit log, live.",
  keywords: ["audit", "log", "history", "changes", "who"],
  path: "activity",
  routes: [{ pattern: "", page: lazy(() => import("./ActivityPage")) }],
});

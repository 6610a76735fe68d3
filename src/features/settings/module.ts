import { lazy } from "react";
import { defineModule } from "../../app/module";

export const settingsModule = defineModule({
  id: "settings",
  label: "Settings",
  icon: "cog",
  summary: "Your store's details and who works in it.",
  keywords: ["team", "members", "invite", "roles", "store", "owner", "transfer"],
  path: "settings",
  routes: [{ pattern: "", page: lazy(() => import("./SettingsPage")) }],
});

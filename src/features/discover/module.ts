import { lazy } from "react";
import { defineModule, modulePath } from "../../app/module";

export const discoverModule = defineModule({
  id: "discover",
  label: "Discover",
  icon: "compass",
  summary: "Products trending on TikTok, scored from their growth, competition and margin.",
  keywords: ["trend", "trending", "tiktok", "research", "watchlist", "viral", "winning product"],
  path: "discover",
  routes: [{ pattern: "", page: lazy(() => import("./DiscoverPage")) }],
});

export const discoverHref = (...below: string[]) => modulePath(discoverModule, ...below);

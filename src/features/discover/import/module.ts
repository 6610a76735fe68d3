// Until the Discover module lands, one-click import has its own page at
// /dashboard/discover/import. Registered from this one file so it is easy to move: once
// Discover exists, mount <ImportBox /> on its page and drop this module from the registry.
import { lazy } from "react";
import { defineModule, modulePath } from "../../../app/module";

export const importModule = defineModule({
  id: "import",
  label: "Import",
  icon: "compass",
  summary: "Paste an AliExpress or CJ product page: a priced draft lands in your catalog.",
  keywords: ["discover", "import", "aliexpress", "cj", "supplier", "dropshipping", "url"],
  path: "discover/import",
  routes: [{ pattern: "", page: lazy(() => import("./ImportPage")), title: "Import a product" }],
});

export const importHref = () => modulePath(importModule);

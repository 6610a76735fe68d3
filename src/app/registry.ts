import { activityModule } from "../features/activity/module";
import { discoverModule } from "../features/discover/module";
import { ordersModule } from "../features/orders/module";
import { overviewModule } from "../features/overview/module";
import { pricingModule } from "../features/pricing/module";
import { productsModule } from "../features/products/module";
import { settingsModule } from "../features/settings/module";
import type { DashboardModule, ModuleRoute } from "./module";

/**
 * The modules the workspace has, in sidebar order. The sidebar, the router, the command
 * palette's "Go to" commands and the page titles all read this list: a module is built in
 * src/features/<domain>/ and registered here once; one not built yet is not listed.
 */
export const MODULES: readonly DashboardModule[] = [
  overviewModule,
  productsModule,
  ordersModule,
  pricingModule,
  discoverModule,
  activityModule,
  settingsModule,
];

export interface RouteMatch {
  module: DashboardModule;
  route: ModuleRoute;
  params: Record<string, string>;
}

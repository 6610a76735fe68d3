// One schema, assembled from each domain's tables. Every table except stores, users and the
// offline accounts carries a storeId, and its indexes lead with it: one deployment serves
// several stores.
import { defineSchema } from "convex/server";
import { accountsTables } from "./tables/accounts";
import { aiTables } from "./tables/ai";
import { analyticsTables } from "./tables/analytics";
import { catalogTables } from "./tables/catalog";
import { discoverTables } from "./tables/discover";
import { importsTables } from "./tables/imports";
import { integrationsTables } from "./tables/integrations";
import { marketingTables } from "./tables/marketing";
import { ordersTables } from "./tables/orders";
import { storesTables } from "./tables/stores";
import { suppliersTables } from "./tables/suppliers";
import { supportTables } from "./tables/support";

export default defineSchema({
  ...storesTables,
  ...accountsTables,
  ...catalogTables,
  ...ordersTables,
  ...suppliersTables,
  ...discoverTables,
  ...analyticsTables,
  ...marketingTables,
  ...integrationsTables,
  ...supportTables,
  ...aiTables,
  ...importsTables,
});

/* eslint-disable */
/**
 * Generated `api` utility.
 *
 * THIS CODE IS AUTOMATICALLY GENERATED.
 *
 * To regenerate, run `npx convex dev`.
 * @module
 */

import type {
  ApiFromModules,
  FilterApi,
  FunctionReference,
} from "convex/server";
import type * as access from "../access.js";
import type * as accounts from "../accounts.js";
import type * as activity from "../activity.js";
import type * as ai from "../ai.js";
import type * as anthropic from "../anthropic.js";
import type * as catalog from "../catalog.js";
import type * as checkout from "../checkout.js";
import type * as cj from "../cj.js";
import type * as coupons from "../coupons.js";
import type * as crons from "../crons.js";
import type * as dashboard from "../dashboard.js";
import type * as discover from "../discover.js";
import type * as email from "../email.js";
import type * as functions from "../functions.js";
import type * as http from "../http.js";
import type * as importer from "../importer.js";
import type * as integrations from "../integrations.js";
import type * as invites from "../invites.js";
import type * as model_access from "../model/access.js";
import type * as model_ai_config from "../model/ai/config.js";
import type * as model_ai_drafts from "../model/ai/drafts.js";
import type * as model_ai_offline from "../model/ai/offline.js";
import type * as model_ai_pricing from "../model/ai/pricing.js";
import type * as model_ai_templates from "../model/ai/templates.js";
import type * as model_ai_usage from "../model/ai/usage.js";
import type * as model_analytics from "../model/analytics.js";
import type * as model_audit from "../model/audit.js";
import type * as model_board from "../model/board.js";
import type * as model_bulkShip from "../model/bulkShip.js";
import type * as model_carriers from "../model/carriers.js";
import type * as model_catalog from "../model/catalog.js";
import type * as model_catalogBulk from "../model/catalogBulk.js";
import type * as model_checkout from "../model/checkout.js";
import type * as model_checkouts from "../model/checkouts.js";
import type * as model_couponRules from "../model/couponRules.js";
import type * as model_coupons from "../model/coupons.js";
import type * as model_dates from "../model/dates.js";
import type * as model_discover_feed from "../model/discover/feed.js";
import type * as model_discover_ingest from "../model/discover/ingest.js";
import type * as model_discover_score from "../model/discover/score.js";
import type * as model_discover_simulate from "../model/discover/simulate.js";
import type * as model_errors from "../model/errors.js";
import type * as model_import_aiCopy from "../model/import/aiCopy.js";
import type * as model_import_aliexpress from "../model/import/aliexpress.js";
import type * as model_import_cj from "../model/import/cj.js";
import type * as model_import_draft from "../model/import/draft.js";
import type * as model_import_fetchPage from "../model/import/fetchPage.js";
import type * as model_import_jobs from "../model/import/jobs.js";
import type * as model_import_page from "../model/import/page.js";
import type * as model_import_urls from "../model/import/urls.js";
import type * as model_integrations from "../model/integrations.js";
import type * as model_members from "../model/members.js";
import type * as model_metrics from "../model/metrics.js";
import type * as model_money from "../model/money.js";
import type * as model_notices from "../model/notices.js";
import type * as model_orderRules from "../model/orderRules.js";
import type * as model_orders from "../model/orders.js";
import type * as model_passwords from "../model/passwords.js";
import type * as model_permissions from "../model/permissions.js";
import type * as model_presence from "../model/presence.js";
import type * as model_priceTests from "../model/priceTests.js";
import type * as model_pricing from "../model/pricing.js";
import type * as model_productImages from "../model/productImages.js";
import type * as model_productRules from "../model/productRules.js";
import type * as model_products from "../model/products.js";
import type * as model_profit from "../model/profit.js";
import type * as model_returns from "../model/returns.js";
import type * as model_significance from "../model/significance.js";
import type * as model_storePurge from "../model/storePurge.js";
import type * as model_storeSettings from "../model/storeSettings.js";
import type * as model_storeStats from "../model/storeStats.js";
import type * as model_storefront from "../model/storefront.js";
import type * as model_stores from "../model/stores.js";
import type * as model_stripeEvents from "../model/stripeEvents.js";
import type * as model_suppliers from "../model/suppliers.js";
import type * as model_support from "../model/support.js";
import type * as model_team from "../model/team.js";
import type * as model_throttle from "../model/throttle.js";
import type * as model_tokens from "../model/tokens.js";
import type * as model_tracking from "../model/tracking.js";
import type * as model_users from "../model/users.js";
import type * as model_validators from "../model/validators.js";
import type * as notify from "../notify.js";
import type * as orders from "../orders.js";
import type * as presence from "../presence.js";
import type * as priceTests from "../priceTests.js";
import type * as pricing from "../pricing.js";
import type * as rapidapi from "../rapidapi.js";
import type * as returns from "../returns.js";
import type * as seed from "../seed.js";
import type * as seed_calendar from "../seed/calendar.js";
import type * as seed_catalogData from "../seed/catalogData.js";
import type * as seed_day from "../seed/day.js";
import type * as seed_discover from "../seed/discover.js";
import type * as seed_integrations from "../seed/integrations.js";
import type * as seed_lifecycle from "../seed/lifecycle.js";
import type * as seed_marketing from "../seed/marketing.js";
import type * as seed_orders from "../seed/orders.js";
import type * as seed_people from "../seed/people.js";
import type * as seed_products from "../seed/products.js";
import type * as seed_random from "../seed/random.js";
import type * as seed_suppliers from "../seed/suppliers.js";
import type * as seed_support from "../seed/support.js";
import type * as seed_traffic from "../seed/traffic.js";
import type * as seed_world from "../seed/world.js";
import type * as seed_write_content from "../seed/write/content.js";
import type * as seed_write_days from "../seed/write/days.js";
import type * as seed_write_ids from "../seed/write/ids.js";
import type * as seed_write_store from "../seed/write/store.js";
import type * as storefront from "../storefront.js";
import type * as stores from "../stores.js";
import type * as stripe from "../stripe.js";
import type * as suppliers from "../suppliers.js";
import type * as tables_accounts from "../tables/accounts.js";
import type * as tables_ai from "../tables/ai.js";
import type * as tables_analytics from "../tables/analytics.js";
import type * as tables_catalog from "../tables/catalog.js";
import type * as tables_discover from "../tables/discover.js";
import type * as tables_imports from "../tables/imports.js";
import type * as tables_integrations from "../tables/integrations.js";
import type * as tables_marketing from "../tables/marketing.js";
import type * as tables_orders from "../tables/orders.js";
import type * as tables_stores from "../tables/stores.js";
import type * as tables_suppliers from "../tables/suppliers.js";
import type * as tables_support from "../tables/support.js";
import type * as team from "../team.js";
import type * as tracking from "../tracking.js";
import type * as users from "../users.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  access: typeof access;
  accounts: typeof accounts;
  activity: typeof activity;
  ai: typeof ai;
  anthropic: typeof anthropic;
  catalog: typeof catalog;
  checkout: typeof checkout;
  cj: typeof cj;
  coupons: typeof coupons;
  crons: typeof crons;
  dashboard: typeof dashboard;
  discover: typeof discover;
  email: typeof email;
  functions: typeof functions;
  http: typeof http;
  importer: typeof importer;
  integrations: typeof integrations;
  invites: typeof invites;
  "model/access": typeof model_access;
  "model/ai/config": typeof model_ai_config;
  "model/ai/drafts": typeof model_ai_drafts;
  "model/ai/offline": typeof model_ai_offline;
  "model/ai/pricing": typeof model_ai_pricing;
  "model/ai/templates": typeof model_ai_templates;
  "model/ai/usage": typeof model_ai_usage;
  "model/analytics": typeof model_analytics;
  "model/audit": typeof model_audit;
  "model/board": typeof model_board;
  "model/bulkShip": typeof model_bulkShip;
  "model/carriers": typeof model_carriers;
  "model/catalog": typeof model_catalog;
  "model/catalogBulk": typeof model_catalogBulk;
  "model/checkout": typeof model_checkout;
  "model/checkouts": typeof model_checkouts;
  "model/couponRules": typeof model_couponRules;
  "model/coupons": typeof model_coupons;
  "model/dates": typeof model_dates;
  "model/discover/feed": typeof model_discover_feed;
  "model/discover/ingest": typeof model_discover_ingest;
  "model/discover/score": typeof model_discover_score;
  "model/discover/simulate": typeof model_discover_simulate;
  "model/errors": typeof model_errors;
  "model/import/aiCopy": typeof model_import_aiCopy;
  "model/import/aliexpress": typeof model_import_aliexpress;
  "model/import/cj": typeof model_import_cj;
  "model/import/draft": typeof model_import_draft;
  "model/import/fetchPage": typeof model_import_fetchPage;
  "model/import/jobs": typeof model_import_jobs;
  "model/import/page": typeof model_import_page;
  "model/import/urls": typeof model_import_urls;
  "model/integrations": typeof model_integrations;
  "model/members": typeof model_members;
  "model/metrics": typeof model_metrics;
  "model/money": typeof model_money;
  "model/notices": typeof model_notices;
  "model/orderRules": typeof model_orderRules;
  "model/orders": typeof model_orders;
  "model/passwords": typeof model_passwords;
  "model/permissions": typeof model_permissions;
  "model/presence": typeof model_presence;
  "model/priceTests": typeof model_priceTests;
  "model/pricing": typeof model_pricing;
  "model/productImages": typeof model_productImages;
  "model/productRules": typeof model_productRules;
  "model/products": typeof model_products;
  "model/profit": typeof model_profit;
  "model/returns": typeof model_returns;
  "model/significance": typeof model_significance;
  "model/storePurge": typeof model_storePurge;
  "model/storeSettings": typeof model_storeSettings;
  "model/storeStats": typeof model_storeStats;
  "model/storefront": typeof model_storefront;
  "model/stores": typeof model_stores;
  "model/stripeEvents": typeof model_stripeEvents;
  "model/suppliers": typeof model_suppliers;
  "model/support": typeof model_support;
  "model/team": typeof model_team;
  "model/throttle": typeof model_throttle;
  "model/tokens": typeof model_tokens;
  "model/tracking": typeof model_tracking;
  "model/users": typeof model_users;
  "model/validators": typeof model_validators;
  notify: typeof notify;
  orders: typeof orders;
  presence: typeof presence;
  priceTests: typeof priceTests;
  pricing: typeof pricing;
  rapidapi: typeof rapidapi;
  returns: typeof returns;
  seed: typeof seed;
  "seed/calendar": typeof seed_calendar;
  "seed/catalogData": typeof seed_catalogData;
  "seed/day": typeof seed_day;
  "seed/discover": typeof seed_discover;
  "seed/integrations": typeof seed_integrations;
  "seed/lifecycle": typeof seed_lifecycle;
  "seed/marketing": typeof seed_marketing;
  "seed/orders": typeof seed_orders;
  "seed/people": typeof seed_people;
  "seed/products": typeof seed_products;
  "seed/random": typeof seed_random;
  "seed/suppliers": typeof seed_suppliers;
  "seed/support": typeof seed_support;
  "seed/traffic": typeof seed_traffic;
  "seed/world": typeof seed_world;
  "seed/write/content": typeof seed_write_content;
  "seed/write/days": typeof seed_write_days;
  "seed/write/ids": typeof seed_write_ids;
  "seed/write/store": typeof seed_write_store;
  storefront: typeof storefront;
  stores: typeof stores;
  stripe: typeof stripe;
  suppliers: typeof suppliers;
  "tables/accounts": typeof tables_accounts;
  "tables/ai": typeof tables_ai;
  "tables/analytics": typeof tables_analytics;
  "tables/catalog": typeof tables_catalog;
  "tables/discover": typeof tables_discover;
  "tables/imports": typeof tables_imports;
  "tables/integrations": typeof tables_integrations;
  "tables/marketing": typeof tables_marketing;
  "tables/orders": typeof tables_orders;
  "tables/stores": typeof tables_stores;
  "tables/suppliers": typeof tables_suppliers;
  "tables/support": typeof tables_support;
  team: typeof team;
  tracking: typeof tracking;
  users: typeof users;
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;

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
import type * as auth from "../auth.js";
import type * as crud from "../crud.js";
import type * as errors from "../errors.js";
import type * as filters from "../filters.js";
import type * as helpers from "../helpers.js";
import type * as http from "../http.js";
import type * as indexes from "../indexes.js";
import type * as internalFns from "../internalFns.js";
import type * as meta from "../meta.js";
import type * as nested from "../nested.js";
import type * as ordering from "../ordering.js";
import type * as pagination from "../pagination.js";
import type * as restrictions from "../restrictions.js";
import type * as scheduler from "../scheduler.js";
import type * as search from "../search.js";
import type * as snapshot from "../snapshot.js";
import type * as storage from "../storage.js";
import type * as testing from "../testing.js";
import type * as validation from "../validation.js";

/**
 * A utility for referencing Convex functions in your app's API.
 *
 * Usage:
 * ```js
 * const myFunctionReference = api.myModule.myFunction;
 * ```
 */
declare const fullApi: ApiFromModules<{
  auth: typeof auth;
  crud: typeof crud;
  errors: typeof errors;
  filters: typeof filters;
  helpers: typeof helpers;
  http: typeof http;
  indexes: typeof indexes;
  internalFns: typeof internalFns;
  meta: typeof meta;
  nested: typeof nested;
  ordering: typeof ordering;
  pagination: typeof pagination;
  restrictions: typeof restrictions;
  scheduler: typeof scheduler;
  search: typeof search;
  snapshot: typeof snapshot;
  storage: typeof storage;
  testing: typeof testing;
  validation: typeof validation;
}>;
export declare const api: FilterApi<
  typeof fullApi,
  FunctionReference<any, "public">
>;
export declare const internal: FilterApi<
  typeof fullApi,
  FunctionReference<any, "internal">
>;

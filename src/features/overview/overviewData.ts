import type { FunctionReturnType } from "convex/server";
import type { api } from "../../../lib/api";

/** What `dashboard:overview` returns (its `returns` validator). */
export type Overview = FunctionReturnType<typeof api.dashboard.overview>;

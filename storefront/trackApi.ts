/** The shopper's order look-up and return request (convex/tracking.ts, convex/returns.ts). */
import type { FunctionReturnType } from "convex/server";
import { api } from "../lib/api";

export const trackApi = { lookup: api.tracking.lookup, requestReturn: api.returns.request };

export type TrackResult = FunctionReturnType<typeof api.tracking.lookup>;
export type TrackedOrder = Extract<TrackResult, { found: true }>;

/** The shopper checkout API (convex/checkout.ts) and the shapes the islands use from it. */
import type { FunctionArgs, FunctionReturnType } from "convex/server";
import { api } from "../lib/api";

export const checkoutApi = {
  quote: api.checkout.quote,
  start: api.checkout.start,
  payOffline: api.checkout.payOffline,
  status: api.checkout.status,
  receipt: api.checkout.receipt,
  featured: api.storefront.featured,
  track: api.storefront.track,
};

export type CartLineInput = FunctionArgs<typeof api.checkout.quote>["items"][number];
export type ShippingAddress = FunctionArgs<typeof api.checkout.start>["shippingAddress"];
export type Quote = FunctionReturnType<typeof api.checkout.quote>;
export type QuoteLine = Quote["lines"][number];
export type Receipt = NonNullable<FunctionReturnType<typeof api.checkout.receipt>>;

/**
 * The shopper checkout API (convex/checkout.ts, written on branch sell-checkout). Until that
 * branch is merged these references are typed by hand from the agreed shapes; after the merge
 * they can be replaced by `api.checkout.*` with no change to callers.
 */
import { makeFunctionReference } from "convex/server";
import type { Id } from "../lib/api";

export interface CartLineInput {
  productId: Id<"products">;
  sku: string;
  quantity: number;
}

export interface ShippingAddress {
  name: string;
  line1: string;
  line2?: string;
  city: string;
  region?: string;
  postalCode: string;
  country: string;
  phone?: string;
}

export interface QuoteLine {
  productId: Id<"products">;
  sku: string;
  title: string;
  variantTitle: string;
  imageUrl?: string;
  unitPriceCents: number;
  quantity: number;
  available: number;
  lineTotalCents: number;
  problem?: string;
}

export interface Quote {
  currency: string;
  paymentMode: "stripe" | "offline";
  lines: QuoteLine[];
  subtotalCents: number;
  discountCents: number;
  shippingCents: number;
  taxCents: number;
  totalCents: number;
  coupon?: { code: string; label: string };
  couponProblem?: string;
}

export type StartResult =
  | { checkoutId: string; mode: "stripe"; url: string }
  | { checkoutId: string; mode: "offline" };

export interface CheckoutStatus {
  status: "open" | "paid" | "failed" | "expired";
  orderNumber?: number | string;
  receiptToken?: string;
  message?: string;
}

export interface ReceiptLine {
  title: string;
  variantTitle?: string;
  quantity: number;
  unitPriceCents?: number;
  lineTotalCents?: number;
}

/** Read loosely: the order summary's exact fields are the checkout branch's to settle. */
export interface Receipt {
  number?: number | string;
  orderNumber?: number | string;
  placedAt?: number;
  status?: string;
  currency?: string;
  lines?: ReceiptLine[];
  items?: ReceiptLine[];
  subtotalCents?: number;
  discountCents?: number;
  shippingCents?: number;
  taxCents?: number;
  totalCents?: number;
  email?: string;
  shipTo?: { name?: string; city?: string; country?: string };
}

export const checkoutApi = {
  quote: makeFunctionReference<
    "query",
    { slug: string; visitorId: string; items: CartLineInput[]; couponCode?: string },
    Quote
  >("checkout:quote"),
  start: makeFunctionReference<
    "action",
    {
      slug: string;
      visitorId: string;
      items: CartLineInput[];
      couponCode?: string;
      email: string;
      shippingAddress: ShippingAddress;
      expectedTotalCents: number;
      returnUrl?: string;
    },
    StartResult
  >("checkout:start"),
  payOffline: makeFunctionReference<
    "mutation",
    { slug: string; checkoutId: string; cardNumber: string },
    { orderNumber: number | string; receiptToken: string }
  >("checkout:payOffline"),
  status: makeFunctionReference<"query", { slug: string; checkoutId: string }, CheckoutStatus>(
    "checkout:status",
  ),
  receipt: makeFunctionReference<"query", { slug: string; receiptToken: string }, Receipt | null>(
    "checkout:receipt",
  ),
  featured: makeFunctionReference<"query", { slug: string }, unknown[]>("storefront:featured"),
  track: makeFunctionReference<
    "mutation",
    {
      slug: string;
      visitorId: string;
      type: "product_view" | "add_to_cart";
      productId: Id<"products">;
    },
    unknown
  >("storefront:track"),
};

// True profit of one order: what the shopper paid (less the tax passed on) minus what the
// supplier was paid, the shipping bought, the payment processor's fee and the channel's fee.
// Pure: the order page computes it from the rows that hold the facts, so it is never stale.
import type { SalesChannel } from "./validators";

/** What each channel takes, as data: a channel fee and the payment processing it includes. */
export const CHANNEL_FEES: Record<
  SalesChannel,
  { label: string; channelFeeBps: number; paymentFeeBps: number; paymentFixedCents: number }
> = {
  // Our own shop pays Stripe 2.9% + 30¢ and no channel.
  storefront: { label: "Storefront", channelFeeBps: 0, paymentFeeBps: 290, paymentFixedCents: 30 },
  shopify: { label: "Shopify", channelFeeBps: 0, paymentFeeBps: 290, paymentFixedCents: 30 },
  woocommerce: {
    label: "WooCommerce",
    channelFeeBps: 0,
    paymentFeeBps: 290,
    paymentFixedCents: 30,
  },
  // Marketplaces collect the payment themselves; their referral fee covers processing.
  tiktok_shop: { label: "TikTok Shop", channelFeeBps: 600, paymentFeeBps: 0, paymentFixedCents: 0 },
  amazon: { label: "Amazon", channelFeeBps: 1_500, paymentFeeBps: 0, paymentFixedCents: 0 },
  ebay: { label: "eBay", channelFeeBps: 1_325, paymentFeeBps: 0, paymentFixedCents: 30 },
  etsy: { label: "Etsy", channelFeeBps: 650, paymentFeeBps: 300, paymentFixedCents: 25 },
};

export type ProfitInput = {
  channel: SalesChannel;
  totalCents: number;
  taxCents: number;
  items: { quantity: number; unitCostCents?: number }[];
  /** The supplier order when one was recorded: the real costs replace the estimate. */
  supplierOrder?: { productCostCents?: number; shippingCostCents?: number };
};

export type Profit = {
  revenueCents: number;
  supplierCostCents: number;
  shippingCostCents: number;
  paymentFeeCents: number;
  channelFeeCents: number;
  profitCents: number;
  /** Basis points of revenue; 0 when there is no revenue. */
  marginBps: number;
  /** "recorded" once the real cost is known; "estimated" from the catalogue cost before. */
  basis: "recorded" | "estimated";
  /** Lines whose cost is unknown (the estimate leaves them out). */
  unknownCostLines: number;
};

const bps = (cents: number, rate: number) => Math.round((cents * rate) / 10_000);

export function trueProfit(input: ProfitInput): Profit {
  const fees = CHANNEL_FEES[input.channel];
  const revenueCents = input.totalCents - input.taxCents;
  const recorded = input.supplierOrder?.productCostCents !== undefined;
  const estimate = input.items.reduce(
    (sum, item) => sum + (item.unitCostCents ?? 0) * item.quantity,
    0,
  );
  const supplierCostCents = recorded ? input.supplierOrder!.productCostCents! : estimate;
  const shippingCostCents = input.supplierOrder?.shippingCostCents ?? 0;
  const paymentFeeCents =
    input.totalCents === 0 ? 0 : bps(input.totalCents, fees.paymentFeeBps) + fees.paymentFixedCents;
  const channelFeeCents = bps(input.totalCents, fees.channelFeeBps);
  const profitCents =
    revenueCents - supplierCostCents - shippingCostCents - paymentFeeCents - channelFeeCents;
  return {
    revenueCents,
    supplierCostCents,
    shippingCostCents,
    paymentFeeCents,
    channelFeeCents,
    profitCents,
    marginBps: revenueCents === 0 ? 0 : Math.round((profitCents * 10_000) / revenueCents),
    basis: recorded ? "recorded" : "estimated",
    unknownCostLines: recorded
      ? 0
      : input.items.filter((item) => item.unitCostCents === undefined).length,
  };
}

// Bulk actions over ticked products, as a plan: for each product what would change (old → new)
// or why it is refused. The preview query and the apply mutation both call planBulk on the same
// rows, so what the person saw is what is applied. Pure: unit-tested without a database.
import { v } from "convex/values";
import type { Doc, Id } from "../_generated/dataModel";
import { fromPriceCents, MAX_PRICE_CENTS } from "./catalog";
import { invalid } from "./errors";
import type { ProductStatus, ProductVariant } from "./validators";

export const MAX_BULK = 100;

export const bulkAction = v.union(
  v.object({ kind: v.literal("publish") }),
  v.object({ kind: v.literal("unpublish") }),
  v.object({ kind: v.literal("archive") }),
  v.object({ kind: v.literal("delete") }),
  // A change to every variant's price: by a percentage (basis points, +/-) or by an amount.
  v.object({ kind: v.literal("price"), by: v.literal("percent"), bps: v.number() }),
  v.object({ kind: v.literal("price"), by: v.literal("amount"), cents: v.number() }),
);
export type BulkAction = typeof bulkAction.type;

export const bulkRow = v.object({
  productId: v.id("products"),
  title: v.string(),
  ok: v.boolean(),
  from: v.optional(v.string()),
  to: v.optional(v.string()),
  // The "from" prices before and after, for the preview's money columns.
  fromCents: v.optional(v.number()),
  toCents: v.optional(v.number()),
  reason: v.optional(v.string()),
});
export type BulkRow = typeof bulkRow.type;

export type BulkChange =
  | { kind: "status"; status: ProductStatus }
  | { kind: "delete" }
  | { kind: "variants"; variants: ProductVariant[] };

/** Refuses an action that makes no sense whatever the rows (a 0% change, −100% or worse). */
export function checkBulkAction(action: BulkAction, count: number): void {
  if (count === 0) throw invalid("Tick at least one product.");
  if (count > MAX_BULK) throw invalid(`At most ${MAX_BULK} products at a time.`);
  if (action.kind !== "price") return;
  if (action.by === "percent") {
    if (!Number.isSafeInteger(action.bps) || action.bps === 0) {
      throw invalid("A percentage change must be a non-zero number with at most two decimals.");
    }
    if (action.bps <= -10_000) throw invalid("A price cannot go down by 100% or more.");
    if (action.bps > 100_000) throw invalid("A price cannot go up by more than 1,000% at once.");
  } else if (!Number.isSafeInteger(action.cents) || action.cents === 0) {
    throw invalid("An amount change must be a non-zero number of cents.");
  }
}

function newPrice(action: Extract<BulkAction, { kind: "price" }>, cents: number): number {
  return action.by === "percent"
    ? Math.round((cents * (10_000 + action.bps)) / 10_000)
    : cents + action.cents;
}

const STATUS_FOR = { publish: "active", unpublish: "draft", archive: "archived" } as const;

/** One product's outcome: the change to make and its preview row, or the refusal. */
export function planOne(
  product: Doc<"products">,
  action: BulkAction,
  money: (cents: number) => string,
): { row: BulkRow; change?: BulkChange } {
  const base = { productId: product._id, title: product.title };
  const refuse = (reason: string) => ({ row: { ...base, ok: false, reason } });

  if (action.kind === "delete") {
    if (product.status === "active") {
      return refuse("Live on the storefront: unpublish or archive it first.");
    }
    return { row: { ...base, ok: true, from: product.status, to: "deleted" }, change: action };
  }
  if (action.kind !== "price") {
    const status = STATUS_FOR[action.kind];
    if (product.status === status) return refuse(`Already ${status}.`);
    if (status === "active") {
      if (product.variants.some((variant) => variant.priceCents <= 0)) {
        return refuse("A variant has no price.");
      }
      if (product.slug.length === 0) return refuse("No URL slug.");
    }
    return {
      row: { ...base, ok: true, from: product.status, to: status },
      change: { kind: "status", status },
    };
  }

  const variants: ProductVariant[] = [];
  for (const variant of product.variants) {
    const price = newPrice(action, variant.priceCents);
    const label = product.variants.length > 1 ? ` (${variant.title})` : "";
    if (price <= 0)
      return refuse(`The price would be ${money(price)}${label}; it must stay above zero.`);
    if (price > MAX_PRICE_CENTS) return refuse(`The price would be above $1,000,000.00${label}.`);
    if (variant.compareAtCents !== undefined && price >= variant.compareAtCents) {
      return refuse(
        `${money(price)} would not be below the 'was' price ${money(variant.compareAtCents)}${label}. The sale price must be below the 'was' price.`,
      );
    }
    variants.push({ ...variant, priceCents: price });
  }
  const fromCents = product.priceCents;
  const toCents = fromPriceCents(variants);
  return {
    row: { ...base, ok: true, from: money(fromCents), to: money(toCents), fromCents, toCents },
    change: { kind: "variants", variants },
  };
}

/** The plan for ticked ids (missing or other stores' ids are refused rows, not errors). */
export function planBulk(
  ids: Id<"products">[],
  found: Map<Id<"products">, Doc<"products">>,
  action: BulkAction,
  money: (cents: number) => string,
): { row: BulkRow; product?: Doc<"products">; change?: BulkChange }[] {
  checkBulkAction(action, ids.length);
  return [...new Set(ids)].map((id) => {
    const product = found.get(id);
    if (!product) {
      return { row: { productId: id, title: "(gone)", ok: false, reason: "It was deleted." } };
    }
    return { ...planOne(product, action, money), product };
  });
}

/** Plain money for preview rows, in the store's currency. */
export function moneyIn(currency: string): (cents: number) => string {
  const format = new Intl.NumberFormat("en-US", { style: "currency", currency });
  return (cents) => format.format(cents / 100);
}

/**
 * The cart lives in localStorage (one per store), so it survives a reload. It holds only what
 * the shopper chose; prices always come from the server (checkout.quote). The price seen when
 * adding is kept only to tell the shopper when it changed.
 */
import { useSyncExternalStore } from "react";
import type { Id } from "../lib/api";

export const MAX_LINES = 50;
export const MAX_QUANTITY = 99;

export interface CartItem {
  productId: Id<"products">;
  sku: string;
  quantity: number;
  /** The unit price shown when it was added (never sent to the server as a price). */
  seenPriceCents?: number;
}

export interface CartState {
  items: CartItem[];
  /** Lines dropped when the stored cart was read: they were not valid cart lines. */
  dropped: number;
}

const listeners = new Set<() => void>();
const snapshots = new Map<string, CartState>();
const EMPTY: CartState = { items: [], dropped: 0 };

function keyFor(slug: string) {
  return `sf_cart:${slug}`;
}

/** Reads a stored cart, keeping only well-formed lines (a tampered cart cannot break the page). */
export function parseCart(raw: string | null): CartState {
  if (!raw) return EMPTY;
  let value: unknown;
  try {
    value = JSON.parse(raw);
  } catch {
    return { items: [], dropped: 1 };
  }
  const list = Array.isArray(value) ? value : [];
  const items: CartItem[] = [];
  let dropped = Array.isArray(value) ? 0 : 1;
  for (const entry of list) {
    const e = entry as Partial<CartItem>;
    const ok =
      typeof e?.productId === "string" &&
      /^[a-z0-9]{10,64}$/i.test(e.productId) &&
      typeof e.sku === "string" &&
      e.sku.length > 0 &&
      e.sku.length <= 100 &&
      Number.isInteger(e.quantity) &&
      (e.quantity as number) >= 1 &&
      items.length < MAX_LINES;
    if (!ok) {
      dropped++;
      continue;
    }
    const same = items.find((i) => i.productId === e.productId && i.sku === e.sku);
    const quantity = Math.min(MAX_QUANTITY, e.quantity as number);
    if (same) same.quantity = Math.min(MAX_QUANTITY, same.quantity + quantity);
    else
      items.push({
        productId: e.productId as Id<"products">,
        sku: e.sku as string,
        quantity,
        ...(Number.isInteger(e.seenPriceCents) ? { seenPriceCents: e.seenPriceCents } : {}),
      });
  }
  return { items, dropped };
}

export function readCart(slug: string): CartState {
  let snap = snapshots.get(slug);
  if (!snap) {
    snap = parseCart(localStorage.getItem(keyFor(slug)));
    snapshots.set(slug, snap);
  }
  return snap;
}

function write(slug: string, items: CartItem[]) {
  localStorage.setItem(keyFor(slug), JSON.stringify(items));
  // What was dropped when the stored cart was read stays known for this page's note.
  snapshots.set(slug, { items, dropped: snapshots.get(slug)?.dropped ?? 0 });
  for (const l of listeners) l();
}

export function addToCart(slug: string, item: CartItem) {
  const items = readCart(slug).items.map((i) => ({ ...i }));
  const same = items.find((i) => i.productId === item.productId && i.sku === item.sku);
  if (same) {
    same.quantity = Math.min(MAX_QUANTITY, same.quantity + item.quantity);
    same.seenPriceCents = item.seenPriceCents;
  } else if (items.length < MAX_LINES) {
    items.push({ ...item, quantity: Math.min(MAX_QUANTITY, item.quantity) });
  }
  write(slug, items);
}

export function setQuantity(slug: string, productId: string, sku: string, quantity: number) {
  const items = readCart(slug)
    .items.map((i) =>
      i.productId === productId && i.sku === sku
        ? { ...i, quantity: Math.max(0, Math.min(MAX_QUANTITY, Math.floor(quantity))) }
        : i,
    )
    .filter((i) => i.quantity > 0);
  write(slug, items);
}

/** Drops the given lines (ones the server cannot read). */
export function removeLines(slug: string, bad: Pick<CartItem, "productId" | "sku">[]) {
  const gone = new Set(bad.map((b) => `${b.productId}|${b.sku}`));
  write(
    slug,
    readCart(slug).items.filter((i) => !gone.has(`${i.productId}|${i.sku}`)),
  );
}

/** Forgets the "price when added" once the shopper has seen the new price. */
export function acceptPrices(slug: string, prices: Map<string, number>) {
  const items = readCart(slug).items.map((i) => {
    const now = prices.get(`${i.productId}|${i.sku}`);
    return now === undefined ? i : { ...i, seenPriceCents: now };
  });
  write(slug, items);
}

export function clearCart(slug: string) {
  write(slug, []);
}

function subscribe(listener: () => void) {
  listeners.add(listener);
  // Another tab changed the cart.
  const onStorage = (e: StorageEvent) => {
    if (e.key?.startsWith("sf_cart:")) {
      snapshots.clear();
      listener();
    }
  };
  window.addEventListener("storage", onStorage);
  return () => {
    listeners.delete(listener);
    window.removeEventListener("storage", onStorage);
  };
}

/** The cart, live across islands and tabs; empty while rendering on the server. */
export function useCart(slug: string): CartState {
  return useSyncExternalStore(
    subscribe,
    () => readCart(slug),
    () => EMPTY,
  );
}

export function cartCount(state: CartState): number {
  return state.items.reduce((n, i) => n + i.quantity, 0);
}

// Creating a store: what a new store starts with, and the checks on what its founder typed.
import type { Doc, Id } from "../_generated/dataModel";
import type { MutationCtx } from "../_generated/server";
import { type Actor, recordAudit, userActor } from "./audit";
import { slugify } from "./catalog";
import { invalid } from "./errors";
import { openOrderBook } from "./orders";
import type { AuditChange } from "./validators";

export type NewStore = { name: string; currency: string; timezone: string };

export function parseStoreName(text: string): string {
  const name = text.trim();
  if (name.length < 2 || name.length > 80) throw invalid("A store name needs 2 to 80 characters.");
  return name;
}

export function parseTimeZone(zone: string): string {
  try {
    new Intl.DateTimeFormat("en", { timeZone: zone });
  } catch {
    throw invalid(`“${zone.slice(0, 40)}” is not a time zone such as Europe/Paris.`);
  }
  return zone;
}

/** Trimmed name, upper-case ISO 4217 currency and a real IANA zone, or a clear refusal. */
export function parseNewStore(input: NewStore): NewStore {
  const name = parseStoreName(input.name);
  const currency = input.currency.trim().toUpperCase();
  const known = Intl.supportedValuesOf?.("currency");
  if (!/^[A-Z]{3}$/.test(currency) || (known && !known.includes(currency))) {
    throw invalid(`“${input.currency.slice(0, 12)}” is not a currency code such as USD or EUR.`);
  }
  return { name, currency, timezone: parseTimeZone(input.timezone) };
}

/** The storefront address for a name: its slug, or slug-2, slug-3… when taken. */
export async function freeSlug(ctx: MutationCtx, name: string): Promise<string> {
  const base = slugify(name).slice(0, 40) || "store";
  for (let n = 1; n < 1_000; n++) {
    const slug = n === 1 ? base : `${base}-${n}`;
    const taken = await ctx.db
      .query("stores")
      .withIndex("by_slug", (q) => q.eq("slug", slug))
      .unique();
    if (taken === null) return slug;
  }
  throw invalid("Pick a more distinctive store name.");
}

/** A new store with its founder as owner, sensible defaults and an empty order book. */
export async function createStore(
  ctx: MutationCtx,
  founder: { userId: Id<"users">; email?: string },
  input: NewStore,
  now: number,
): Promise<Id<"stores">> {
  const { name, currency, timezone } = parseNewStore(input);
  const storeId = await ctx.db.insert("stores", {
    name,
    slug: await freeSlug(ctx, name),
    currency,
    theme: { primaryColor: "#1F3A5F", accentColor: "#E07A5F" },
    policies: {
      shipping: "Orders ship within 1–3 business days.",
      returns: "Returns accepted within 30 days of delivery.",
      privacy: "We use your details only to fulfil your order.",
      terms: `Prices in ${currency}.`,
    },
    social: {},
    contact: { email: founder.email ?? "" },
    settings: {
      timezone,
      lowStockThreshold: 5,
      targetMarginBps: 5_000,
      flatShippingCents: 0,
    },
  });
  await openOrderBook(ctx, storeId);
  await ctx.db.insert("members", { storeId, userId: founder.userId, role: "owner" });
  await recordAudit(ctx, {
    storeId,
    actor: userActor(founder.userId),
    action: "store.create",
    targetTable: "stores",
    targetId: storeId,
    changes: [{ field: "name", from: null, to: name }],
    at: now,
  });
  return storeId;
}

type AuditValue = string | number | boolean | null;
const auditText = (value: unknown): AuditValue => {
  if (value === undefined || value === null) return null;
  if (typeof value === "string") return value.length > 120 ? `${value.slice(0, 117)}…` : value;
  if (typeof value === "number" || typeof value === "boolean") return value;
  return JSON.stringify(value).slice(0, 120);
};

/**
 * Saves a settings edit: compares each named field with the store as it is, patches only
 * what changed and records one audit row listing every changed field. Returns the fields
 * that changed (empty: nothing was written).
 */
export async function saveStoreSettings(
  ctx: MutationCtx,
  store: Doc<"stores">,
  actor: Actor,
  action: string,
  next: Partial<Omit<Doc<"stores">, "_id" | "_creationTime">>,
): Promise<string[]> {
  const changes: AuditChange[] = [];
  const patch: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(next) as [keyof typeof next, unknown][]) {
    const before = store[key] as unknown;
    if (value !== null && typeof value === "object" && !Array.isArray(value)) {
      // Nested objects (theme, social, contact, settings, policies): one change per field.
      const beforeObject = (before ?? {}) as Record<string, unknown>;
      const afterObject = value as Record<string, unknown>;
      const fields = new Set([...Object.keys(beforeObject), ...Object.keys(afterObject)]);
      let differs = false;
      for (const field of fields) {
        if (beforeObject[field] !== afterObject[field]) {
          differs = true;
          changes.push({
            field: `${key}.${field}`,
            from: auditText(beforeObject[field]),
            to: auditText(afterObject[field]),
          });
        }
      }
      if (differs) patch[key] = value;
    } else if (before !== value) {
      patch[key] = value;
      changes.push({ field: key, from: auditText(before), to: auditText(value) });
    }
  }
  if (changes.length === 0) return [];
  await ctx.db.patch(store._id, patch as Partial<Doc<"stores">>);
  await recordAudit(ctx, {
    storeId: store._id,
    actor,
    action,
    targetTable: "stores",
    targetId: store._id,
    changes,
  });
  return changes.map((change) => change.field);
}

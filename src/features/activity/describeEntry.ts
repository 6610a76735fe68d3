import type { AuditChange, AuditValue } from "../../../convex/model/validators";
import { formatMoney } from "../../../lib/money";
import { orderHref } from "../orders/module";
import { productHref } from "../products/module";
import { describeDiscover } from "./describeDiscover";
import { describePricing } from "./describePricing";

export interface Entry {
  actorKind: "user" | "system" | "webhook";
  actorId?: string;
  actorName?: string;
  action: string;
  targetTable: string;
  targetId: string;
  changes: AuditChange[];
}

/** Names of the store's people by user id (team.overview), for targets the log names by id. */
export type People = Map<string, string>;

const FIELD: Record<string, string> = {
  priceCents: "price",
  stock: "stock",
  title: "title",
  status: "status",
  role: "role",
  email: "email",
};

/** Who did it, in words; machines are labelled as such, not given a person's name. */
export function actorLabel(entry: Entry, people: People): string {
  if (entry.actorKind === "system") return "System";
  if (entry.actorKind === "webhook") return "A webhook";
  return entry.actorName ?? (entry.actorId ? people.get(entry.actorId) : undefined) ?? "Someone";
}

function value(field: string, v: AuditValue, currency: string): string {
  if (v === null) return "nothing";
  if (field.endsWith("Cents") && typeof v === "number") return formatMoney(v, currency);
  if (field === "title" && typeof v === "string") return `“${v}”`;
  return String(v);
}

function changeList(changes: AuditChange[], currency: string): string {
  return changes
    .map(
      (c) =>
        `${FIELD[c.field] ?? c.field} from ${value(c.field, c.from, currency)} to ${value(c.field, c.to, currency)}`,
    )
    .join(", ");
}

const toOf = (changes: AuditChange[], field: string) =>
  changes.find((c) => c.field === field)?.to ?? null;
const fromOf = (changes: AuditChange[], field: string) =>
  changes.find((c) => c.field === field)?.from ?? null;

/** " (title, description)", or nothing when no field changed. */
function fieldNames(changes: AuditChange[]): string {
  return changes.length === 0
    ? ""
    : ` (${changes.map((c) => FIELD[c.field] ?? c.field).join(", ")})`;
}

/** What happened, after the actor's name: "changed order status from new to processing". */
export function describeAction(entry: Entry, people: People, currency: string): string {
  const { changes } = entry;
  const person = people.get(entry.targetId) ?? "a former member";
  switch (entry.action) {
    case "product.update":
      return `changed product ${changeList(changes, currency)}`;
    case "product.create": {
      const title = toOf(changes, "title");
      return title ? `added product “${title}”` : "added a product";
    }
    // AI drafts: the fields by name only (a description's before/after is too long for a row).
    case "ai.accept":
      return `accepted an AI draft of the product${fieldNames(changes)}`;
    case "ai.undo":
      return `undid an accepted AI draft of the product${fieldNames(changes)}`;
    case "ai.edit":
      return `edited an AI draft${fieldNames(changes)}`;
    case "ai.reject":
      return "rejected an AI draft";
    case "ai.generate":
      return "had an AI draft written";
    case "ai.fail":
      return "asked for an AI draft, which failed";
    case "order.status":
      return `changed order status from ${fromOf(changes, "status")} to ${toOf(changes, "status")}`;
    case "order.create":
      return "placed a new order";
    case "member.invite":
      return `invited ${toOf(changes, "email") ?? "someone"} as ${toOf(changes, "role") ?? "a member"}`;
    case "member.uninvite":
      return "withdrew an invite";
    case "member.join":
      return `joined the store as ${toOf(changes, "role")}`;
    case "member.role":
      return `changed ${person}’s role from ${fromOf(changes, "role")} to ${toOf(changes, "role")}`;
    case "member.remove":
      return `removed ${person} (${fromOf(changes, "role")}) from the store`;
    case "member.leave":
      return "left the store";
    case "store.create":
      return "created the store";
    case "store.seed":
      return "filled the store with demo data";
    case "store.transfer":
      return `made ${person} the owner`;
    default:
      return (
        describePricing(entry.action, changes) ??
        describeDiscover(entry.action, changes) ??
        (changes.length > 0
          ? `did ${entry.action}: ${changeList(changes, currency)}`
          : `did ${entry.action}`)
      );
  }
}

/** The record's page, where the workspace has one. */
export function entryHref(entry: Entry): string | null {
  if (entry.targetTable === "orders") return orderHref(entry.targetId);
  if (entry.targetTable === "products") return productHref(entry.targetId);
  return null;
}

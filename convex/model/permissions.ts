// What each role may do, as data. The function builders check these (`permission: "…"`), and
// `users:me` sends the caller's list to the browser, so buttons and refusals agree with the
// server without the workspace re-typing any rule.
import { literals } from "convex-helpers/validators";
import type { Infer } from "convex/values";
import type { Role } from "./validators";

// Higher rank can do everything a lower rank can.
const ROLE_RANK: Record<Role, number> = { staff: 1, admin: 2, owner: 3 };

export function hasRole(role: Role, minimum: Role): boolean {
  return ROLE_RANK[role] >= ROLE_RANK[minimum];
}

/** The higher of two roles (claiming an invite never demotes anyone). */
export function higherRole(a: Role, b: Role): Role {
  return ROLE_RANK[a] >= ROLE_RANK[b] ? a : b;
}

export const PERMISSIONS = {
  "orders.work": { minRole: "staff", label: "Working on orders" },
  "catalog.edit": { minRole: "admin", label: "Editing the catalog" },
  "orders.refund": { minRole: "admin", label: "Refunding or cancelling paid orders" },
  "costs.view": { minRole: "admin", label: "Seeing supplier costs" },
  "integrations.manage": { minRole: "admin", label: "Managing integrations" },
  "settings.edit": { minRole: "admin", label: "Changing store settings" },
  "team.manage": { minRole: "admin", label: "Managing the team" },
  "store.delete": { minRole: "owner", label: "Deleting the store" },
  "store.transfer": { minRole: "owner", label: "Transferring ownership" },
} as const satisfies Record<string, { minRole: Role; label: string }>;

const NAMES = Object.keys(PERMISSIONS) as [Permission, ...Permission[]];
export type Permission = keyof typeof PERMISSIONS;
export const permission = literals(...NAMES);
export type PermissionName = Infer<typeof permission>;

export function minRoleFor(name: Permission): Role {
  return PERMISSIONS[name].minRole;
}

/** Every permission a role holds, in declaration order. */
export function permissionsFor(role: Role): Permission[] {
  return NAMES.filter((name) => hasRole(role, PERMISSIONS[name].minRole));
}

/** "Editing the catalog needs the admin role (or owner); you are staff." */
export function refusalMessage(name: Permission, role: Role): string {
  const { minRole, label } = PERMISSIONS[name];
  const who = minRole === "owner" ? "the owner role" : `the ${minRole} role (or owner)`;
  return `${label} needs ${who}; you are ${role}. Ask a store owner to change your role.`;
}

// Who may do what to whom in a team, as data; unit-tested without a database. The door
// (permission "team.manage") lets admins and owners in; these rules decide the rest, and every
// refusal says who can do it instead.
import { forbidden, invalid } from "./errors";
import type { Role } from "./validators";

/** Roles each role may hand out by invite or role change. Owners are made only by transfer. */
export const ASSIGNABLE: Record<Role, readonly Role[]> = {
  owner: ["admin", "staff"],
  admin: ["admin", "staff"],
  staff: [],
};

/** Whose role or membership each role may change. Nobody changes the owner but a transfer. */
export const MANAGEABLE: Record<Role, readonly Role[]> = {
  owner: ["admin", "staff"],
  admin: ["staff"],
  staff: [],
};

// An invite link works for a week: long enough for a weekend, short enough to go stale.
export const INVITE_TTL_MS = 7 * 24 * 3_600_000;

export function assertCanAssign(actor: Role, role: Role): void {
  if (role === "owner") {
    throw forbidden("A store has one owner. The owner can hand it over with Transfer ownership.");
  }
  if (!ASSIGNABLE[actor].includes(role)) {
    throw forbidden(`Only an owner or admin can give someone the ${role} role; you are ${actor}.`);
  }
}

export function assertCanManage(actor: Role, target: Role): void {
  if (target === "owner") {
    throw forbidden("The owner's membership changes only when they transfer ownership.");
  }
  if (!MANAGEABLE[actor].includes(target)) {
    throw forbidden(
      `Only the owner can change an ${target}'s role or remove them; you are ${actor}.`,
    );
  }
}

export function assertCanLeave(role: Role): void {
  if (role === "owner") {
    throw forbidden("The owner cannot leave: transfer ownership to someone first.");
  }
}

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** A lower-cased address, or a clear refusal (also refuses absurd lengths). */
export function parseEmail(text: string): string {
  const email = text.trim().toLowerCase();
  if (email.length > 254) {
    throw invalid(`An email address has at most 254 characters; this one has ${email.length}.`);
  }
  if (!EMAIL.test(email)) {
    throw invalid(`“${text.slice(0, 80)}” is not an email address.`);
  }
  return email;
}

export type InviteState = { status: "pending" | "accepted" | "revoked"; expiresAt?: number };

/** Why an invite link no longer works, or null when it does. */
export function inviteProblem(invite: InviteState | null, now: number): string | null {
  if (invite === null) return "This invite link is not valid. Ask for a new one.";
  if (invite.status === "accepted") return "This invite was already used. Ask for a new one.";
  if (invite.status === "revoked") return "This invite was withdrawn. Ask for a new one.";
  if (invite.expiresAt !== undefined && invite.expiresAt <= now) {
    return "This invite has expired. Ask a store owner or admin for a new one.";
  }
  return null;
}

import { useState } from "react";
import { ASSIGNABLE, MANAGEABLE } from "../../../convex/model/team";
import type { Role } from "../../../convex/model/validators";
import { useCurrentStore } from "../../app/currentStore";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { useToast } from "../../components/Toast";
import { displayName } from "../../lib/initials";
import { exactTime, relativeTime } from "../../lib/relativeTime";
import type { TeamMember } from "./TeamPanel";
import { useTeamActions } from "./useTeam";

const ROLE_TONE = { owner: "indigo", admin: "sky", staff: "gray" } as const;

type Confirm = "remove" | "transfer" | "leave" | null;

/**
 * One member: who, role, last seen, and the steps the caller may take on them (the server's
 * MANAGEABLE/ASSIGNABLE tables decide which appear; the server checks again).
 */
export function MemberRow({
  member,
  onError,
}: {
  member: TeamMember;
  onError: (error: unknown) => void;
}) {
  const { store, can, leaving } = useCurrentStore();
  const actions = useTeamActions();
  const toast = useToast();
  const [confirm, setConfirm] = useState<Confirm>(null);
  const who = displayName(member);
  const manages =
    !member.isYou && can("team.manage") && MANAGEABLE[store.role].includes(member.role);
  const roles = ASSIGNABLE[store.role];
  const canTransfer = !member.isYou && store.role === "owner" && can("store.transfer");

  async function changeRole(role: Role) {
    try {
      await actions.changeRole(member.memberId, role);
      toast(`${who} is now ${role}.`);
    } catch (err) {
      onError(err);
    }
  }

  return (
    <li className="flex flex-col gap-3 py-3 sm:flex-row sm:items-center" data-testid="member-row">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-gray-900">
          <span className="truncate">{who}</span>
          {member.isYou && <Badge tone="emerald">you</Badge>}
          <Badge tone={ROLE_TONE[member.role]}>{member.role}</Badge>
        </p>
        <p className="truncate text-xs text-gray-500">
          {member.name && member.email ? `${member.email} · ` : ""}
          {member.lastSeenAt ? (
            <span title={exactTime(member.lastSeenAt)}>
              last seen {relativeTime(member.lastSeenAt)}
            </span>
          ) : (
            "not seen yet"
          )}
        </p>
      </div>
      <div className="flex flex-wrap items-center gap-2 empty:hidden">
        {manages && roles.length > 1 && (
          <select
            aria-label={`Role of ${who}`}
            value={member.role}
            onChange={(e) => void changeRole(e.target.value as Role)}
            className="rounded-md border border-gray-300 py-1 pl-2 pr-8 text-sm"
          >
            {roles.map((r) => (
              <option key={r} value={r}>
                {r === "admin" ? "Admin" : "Staff"}
              </option>
            ))}
          </select>
        )}
        {canTransfer && (
          <Button size="sm" onClick={() => setConfirm("transfer")}>
            Make owner
          </Button>
        )}
        {manages && (
          <Button size="sm" variant="danger" onClick={() => setConfirm("remove")}>
            Remove
          </Button>
        )}
        {member.isYou && member.role !== "owner" && (
          <Button size="sm" variant="danger" onClick={() => setConfirm("leave")}>
            Leave store
          </Button>
        )}
      </div>
      {confirm === "remove" && (
        <ConfirmDialog
          title={`Remove ${who}?`}
          confirmLabel="Remove"
          onConfirm={async () => {
            await actions.remove(member.memberId);
            toast(`${who} was removed from ${store.name}.`);
          }}
          onClose={() => setConfirm(null)}
        >
          {who} loses access to {store.name} at once; their open tabs say so. You can invite them
          again later.
        </ConfirmDialog>
      )}
      {confirm === "transfer" && (
        <ConfirmDialog
          title={`Make ${who} the owner?`}
          confirmLabel="Transfer ownership"
          onConfirm={async () => {
            await actions.transfer(member.memberId);
            toast(`${who} now owns ${store.name}; you are an admin.`);
          }}
          onClose={() => setConfirm(null)}
        >
          A store has one owner. {who} becomes the owner of {store.name} and you become an admin:
          you can no longer transfer the store or change admins, and only {who} can give ownership
          back.
        </ConfirmDialog>
      )}
      {confirm === "leave" && (
        <ConfirmDialog
          title={`Leave ${store.name}?`}
          confirmLabel="Leave store"
          onConfirm={async () => {
            leaving(store.storeId);
            await actions.leave().catch((err: unknown) => {
              leaving(""); // still a member: a later removal must be announced
              throw err;
            });
          }}
          onClose={() => setConfirm(null)}
        >
          You lose access to {store.name} at once. To come back, an owner or admin must invite you
          again.
        </ConfirmDialog>
      )}
    </li>
  );
}

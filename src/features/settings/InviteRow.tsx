import { useState } from "react";
import { Badge } from "../../components/Badge";
import { Button } from "../../components/Button";
import { useToast } from "../../components/Toast";
import { exactTime, relativeTime } from "../../lib/relativeTime";
import type { TeamInvite } from "./TeamPanel";
import { useTeamActions } from "./useTeam";

/** A pending invite: to whom, as what, until when; Revoke makes its link stop working. */
export function InviteRow({
  invite,
  onError,
}: {
  invite: TeamInvite;
  onError: (error: unknown) => void;
}) {
  const { revoke } = useTeamActions();
  const toast = useToast();
  const [busy, setBusy] = useState(false);

  async function withdraw() {
    setBusy(true);
    try {
      await revoke(invite.inviteId);
      toast(`The invite to ${invite.email} no longer works.`);
    } catch (err) {
      onError(err);
      setBusy(false);
    }
  }

  return (
    <li className="flex flex-wrap items-center gap-3 py-3" data-testid="invite-row">
      <div className="min-w-0 flex-1">
        <p className="flex flex-wrap items-center gap-2 text-sm font-medium text-gray-900">
          <span className="break-all">{invite.email}</span>
          <Badge tone="amber">{invite.role}</Badge>
        </p>
        {invite.expiresAt !== undefined && (
          <p className="text-xs text-gray-500" title={exactTime(invite.expiresAt)}>
            Link expires {relativeTime(invite.expiresAt)}
          </p>
        )}
      </div>
      <Button size="sm" onClick={() => void withdraw()} disabled={busy}>
        {busy ? "Revoking…" : "Revoke"}
      </Button>
    </li>
  );
}

import type { FunctionReturnType } from "convex/server";
import { useState } from "react";
import type { api } from "../../../lib/api";
import { countOf } from "../../../lib/plural";
import { useCurrentStore } from "../../app/currentStore";
import { ErrorPanel } from "../../components/ErrorPanel";
import { Panel } from "../../components/Panel";
import { TableSkeleton } from "../../components/Skeleton";
import { InviteForm } from "./InviteForm";
import { InviteRow } from "./InviteRow";
import { MemberRow } from "./MemberRow";
import { useTeam } from "./useTeam";

type Team = FunctionReturnType<typeof api.team.overview>;
export type TeamMember = Team["members"][number];
export type TeamInvite = Team["invites"][number];

/** Who works in the store, pending invites, and (for owners and admins) the invite form. */
export function TeamPanel() {
  const team = useTeam();
  const { can } = useCurrentStore();
  const [error, setError] = useState<unknown>(null);
  const manages = can("team.manage");

  return (
    <Panel title="Team">
      {!manages && (
        <p className="mb-2 text-sm text-gray-500">
          Only owners and admins can invite people or change roles; ask one of them.
        </p>
      )}
      {error !== null && (
        <div className="my-3">
          <ErrorPanel error={error} />
        </div>
      )}
      {team.status === "pending" && <TableSkeleton />}
      {team.status === "error" && <ErrorPanel error={team.error} />}
      {team.status === "success" && (
        <>
          <p className="text-xs text-gray-500" data-testid="member-count">
            {countOf(team.data.members.length, { one: "member", other: "members" })}
          </p>
          <ul className="divide-y divide-gray-100" data-testid="members">
            {team.data.members.map((m) => (
              <MemberRow key={m.memberId} member={m} onError={setError} />
            ))}
          </ul>
          {manages && team.data.invites.length > 0 && (
            <div className="mt-5 border-t border-gray-100 pt-4">
              <h3 className="text-sm font-semibold text-gray-900">
                {countOf(team.data.invites.length, {
                  one: "pending invite",
                  other: "pending invites",
                })}
              </h3>
              <ul className="divide-y divide-gray-100" data-testid="invites">
                {team.data.invites.map((i) => (
                  <InviteRow key={i.inviteId} invite={i} onError={setError} />
                ))}
              </ul>
            </div>
          )}
        </>
      )}
      {manages && <InviteForm />}
    </Panel>
  );
}

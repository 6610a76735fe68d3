import { useAction } from "convex/react";
import { useCallback } from "react";
import type { Role } from "../../../convex/model/validators";
import { api, type Id } from "../../../lib/api";
import { useCurrentStore } from "../../app/currentStore";
import { useStoreMutation, useStoreQuery } from "../../app/storeHooks";

/** Members (owners first) and, for owners and admins, pending invites; live. */
export function useTeam() {
  return useStoreQuery(api.team.overview, {});
}

/** Invites an address; resolves to the link's path, which the server shows only this once. */
export function useInvite() {
  const { store } = useCurrentStore();
  const invite = useAction(api.team.invite);
  return useCallback(
    (email: string, role: Role) => invite({ storeId: store.storeId, email, role }),
    [invite, store.storeId],
  );
}

/** The team's changes; each refusal is a ConvexError whose message says who can do it. */
export function useTeamActions() {
  const changeRole = useStoreMutation(api.team.changeRole);
  const remove = useStoreMutation(api.team.remove);
  const leave = useStoreMutation(api.team.leave);
  const transfer = useStoreMutation(api.team.transferOwnership);
  const revoke = useStoreMutation(api.team.revokeInvite);
  return {
    changeRole: (memberId: Id<"members">, role: Role) => changeRole({ memberId, role }),
    remove: (memberId: Id<"members">) => remove({ memberId }),
    leave: () => leave({}),
    transfer: (memberId: Id<"members">) => transfer({ memberId }),
    revoke: (inviteId: Id<"invites">) => revoke({ inviteId }),
  };
}

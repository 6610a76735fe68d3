import { useAction } from "convex/react";
import type { FunctionReturnType } from "convex/server";
import { useEffect, useRef, useState } from "react";
import { api } from "../../../lib/api";
import { navigate } from "../../../lib/router";
import { useSession } from "../../app/auth/session";
import { AuthFrame } from "../../app/auth/SignInScreen";
import { Button } from "../../components/Button";
import { ErrorPanel } from "../../components/ErrorPanel";
import { explainError } from "../../lib/errors";

type Described = FunctionReturnType<typeof api.invites.describe>;

/** The invite path's secret, or null when the address is not an invite link. */
export function inviteToken(pathname: string): string | null {
  const m = pathname.match(/^\/dashboard\/invite\/([^/]+)\/?$/);
  return m ? decodeURIComponent(m[1]) : null;
}

/**
 * /dashboard/invite/:token — what the link invites to and a "Join" button. Shown before the
 * store picker, so someone who belongs to no store yet can still join one. `onJoined` gets the
 * store's id, for the workspace to open.
 */
export function InvitePage({
  token,
  email,
  onJoined,
}: {
  token: string;
  email?: string;
  onJoined: (storeId: string) => void;
}) {
  const describe = useAction(api.invites.describe);
  const accept = useAction(api.invites.accept);
  const session = useSession();
  const [invite, setInvite] = useState<Described | null>(null);
  const [loadError, setLoadError] = useState<unknown>(null);
  const [joinError, setJoinError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const asked = useRef<string | null>(null);

  useEffect(() => {
    if (asked.current === token) return; // StrictMode runs effects twice
    asked.current = token;
    describe({ token }).then(setInvite, setLoadError);
  }, [describe, token]);

  async function join() {
    setBusy(true);
    setJoinError(null);
    try {
      const { storeId } = await accept({ token });
      onJoined(storeId);
    } catch (err) {
      setJoinError(err);
      setBusy(false);
    }
  }

  const goOn = (
    <Button className="mt-4 w-full" onClick={() => navigate("/dashboard")}>
      Go to the workspace
    </Button>
  );

  if (loadError !== null) {
    return (
      <AuthFrame title="Invitation">
        <div className="mt-4">
          <ErrorPanel error={loadError} />
        </div>
        {goOn}
      </AuthFrame>
    );
  }
  if (invite === null) {
    return (
      <AuthFrame title="Invitation">
        <p className="mt-3 text-sm text-gray-600" role="status">
          Reading the invitation…
        </p>
      </AuthFrame>
    );
  }
  if (!invite.ok) {
    return (
      <AuthFrame title="This invite link does not work">
        <p className="mt-3 text-sm text-gray-700" role="alert" data-testid="invite-problem">
          {invite.problem}
        </p>
        <p className="mt-2 text-sm text-gray-500">
          If you already joined with it, the store is in your workspace.
        </p>
        {goOn}
      </AuthFrame>
    );
  }
  const otherAddress = email !== undefined && email.toLowerCase() !== invite.email;
  const needsVerify = joinError !== null && /verify/i.test(explainError(joinError).message);
  return (
    <AuthFrame title={`Join ${invite.storeName}`}>
      <dl className="mt-4 space-y-2 text-sm" data-testid="invite-details">
        <div className="flex justify-between gap-3">
          <dt className="text-gray-500">Store</dt>
          <dd className="font-medium text-gray-900">{invite.storeName}</dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-gray-500">Role</dt>
          <dd className="font-medium capitalize text-gray-900">{invite.role}</dd>
        </div>
        <div className="flex justify-between gap-3">
          <dt className="text-gray-500">For</dt>
          <dd className="break-all font-medium text-gray-900">{invite.email}</dd>
        </div>
      </dl>
      {otherAddress && (
        <p className="mt-4 rounded-md bg-amber-50 px-3 py-2 text-sm text-amber-900 ring-1 ring-amber-200">
          You are signed in as {email}. This invite works only for {invite.email}: sign out and sign
          in with that address.
        </p>
      )}
      {joinError !== null && (
        <div className="mt-4">
          <ErrorPanel
            error={joinError}
            next={
              needsVerify
                ? `Open the confirmation link emailed to ${invite.email}, then sign out, sign in again and open this invite link.`
                : otherAddress
                  ? `Sign out, then sign in as ${invite.email}.`
                  : "Ask whoever invited you for a new link."
            }
          />
        </div>
      )}
      <Button variant="primary" className="mt-6 w-full" onClick={join} disabled={busy}>
        {busy ? "Joining…" : `Join ${invite.storeName}`}
      </Button>
      {(otherAddress || needsVerify) && (
        <Button className="mt-3 w-full" onClick={session.signOut}>
          Sign out
        </Button>
      )}
    </AuthFrame>
  );
}

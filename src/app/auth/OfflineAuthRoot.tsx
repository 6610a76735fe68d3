import { ConvexProviderWithAuth, type ConvexReactClient, useConvexAuth } from "convex/react";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { FullPageMessage } from "../../components/FullPageMessage";
import { usePathname, useSearchParam } from "../../../lib/router";
import { ResetPasswordScreen, VerifyEmailScreen } from "./AccountLinkScreen";
import { loadSession, type OfflineSession, offlineAccounts, saveSession } from "./offlineToken";
import { SessionContext, type SessionInfo } from "./session";
import { SignInScreen } from "./SignInScreen";

/** Refresh this long before the token expires. */
const REFRESH_MARGIN_MS = 60_000;
const REJECTED_NOTICE =
  "The backend did not accept the sign-in token. Check that the backend was started by `npm start` (it sets OFFLINE_AUTH_ISSUER), then sign in again.";

/**
 * Offline accounts wired into Convex: `ConvexProviderWithAuth` asks `useAuth` for tokens; we
 * get them from the local server and refresh them with the rotating refresh secret.
 * `fetchAccessToken` keeps the same identity for one signed-in email, so token refreshes do not
 * make Convex re-authenticate from scratch. The emailed links (/dashboard/verify, /reset) are
 * answered here, before the workspace.
 */
export function OfflineAuthRoot({
  client,
  children,
}: {
  client: ConvexReactClient;
  children: ReactNode;
}) {
  const [session, setSession] = useState<OfflineSession | null>(loadSession);
  const [notice, setNotice] = useState<string>();
  const latest = useRef(session);
  // ConvexProviderWithAuth keeps its last "not authenticated" verdict until the backend answers;
  // reporting "loading" for one render after a sign-in resets it, so the gate can tell
  // "waiting for the backend" from "the backend refused the token".
  const [resetting, setResetting] = useState(false);
  useEffect(() => {
    if (resetting) setResetting(false);
  }, [resetting]);

  const start = useCallback((fresh: OfflineSession) => {
    saveSession(fresh);
    latest.current = fresh;
    setNotice(undefined);
    setResetting(true);
    setSession(fresh);
  }, []);
  const signIn = useCallback(
    async (email: string, password: string) => start(await offlineAccounts.signIn(email, password)),
    [start],
  );
  const signUp = useCallback(
    async (email: string, password: string, name: string) =>
      start(await offlineAccounts.signUp(email, password, name)),
    [start],
  );

  const signOut = useCallback((reason?: string) => {
    const ending = latest.current;
    if (ending) void offlineAccounts.signOut(ending.refreshToken);
    saveSession(null);
    latest.current = null;
    setNotice(reason);
    setSession(null);
  }, []);

  // One refresh at a time: the secret rotates, so a second refresh racing the first with the
  // same secret would fail and end the session (Convex's token refresh vs. the verify link's).
  const refreshing = useRef<Promise<OfflineSession | null> | null>(null);
  const renew = useCallback((): Promise<OfflineSession | null> => {
    const current = latest.current;
    if (!current) return Promise.resolve(null);
    refreshing.current ??= offlineAccounts
      .refresh(current.refreshToken)
      .then(
        (fresh) => {
          saveSession(fresh);
          latest.current = fresh;
          return fresh;
        },
        () => {
          // The session ended (expired, revoked by a password reset): sign in again. (A
          // refresh whose answer was lost is retried by the server's grace, not here.)
          saveSession(null);
          return null;
        },
      )
      .finally(() => {
        refreshing.current = null;
      });
    return refreshing.current;
  }, []);

  const email = session?.email ?? null;
  const fetchAccessToken = useCallback(
    async ({ forceRefreshToken }: { forceRefreshToken: boolean }) => {
      const current = latest.current;
      if (!current || current.email !== email) return null;
      if (!forceRefreshToken && current.expiresAt - Date.now() > REFRESH_MARGIN_MS) {
        return current.token;
      }
      const fresh = await renew();
      return fresh && fresh.email === email ? fresh.token : null;
    },
    [email, renew],
  );
  const useAuthForConvex = useCallback(
    () => ({ isLoading: resetting, isAuthenticated: email !== null, fetchAccessToken }),
    [resetting, email, fetchAccessToken],
  );

  const info = useMemo<SessionInfo>(
    () => ({ mode: "offline", email: email ?? undefined, signOut: () => signOut() }),
    [email, signOut],
  );

  const pathname = usePathname();
  const linkToken = useSearchParam("token");
  let body: ReactNode;
  if (pathname === "/dashboard/verify" && linkToken) {
    // Signed in here: the session's token still says "unverified" until it is renewed.
    body = <VerifyEmailScreen token={linkToken} onVerified={email === null ? undefined : renew} />;
  } else if (pathname === "/dashboard/reset" && linkToken) {
    body = <ResetPasswordScreen token={linkToken} />;
  } else if (email === null) {
    body = (
      <SignInScreen
        onSignIn={signIn}
        onSignUp={signUp}
        onForgot={offlineAccounts.requestReset}
        notice={notice}
      />
    );
  } else if (resetting) body = <FullPageMessage title="Signing in…" busy />;
  else body = <Gate onReject={() => signOut(REJECTED_NOTICE)}>{children}</Gate>;

  return (
    <ConvexProviderWithAuth client={client} useAuth={useAuthForConvex}>
      <SessionContext.Provider value={info}>{body}</SessionContext.Provider>
    </ConvexProviderWithAuth>
  );
}

function Gate({ onReject, children }: { onReject: () => void; children: ReactNode }) {
  const { isLoading, isAuthenticated } = useConvexAuth();
  const rejected = !isLoading && !isAuthenticated;
  useEffect(() => {
    if (rejected) onReject();
  }, [rejected, onReject]);
  if (!isAuthenticated) return <FullPageMessage title="Signing in…" busy />;
  return <>{children}</>;
}

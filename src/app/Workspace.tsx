import { useMutation } from "convex/react";
import { type ReactNode, useEffect, useRef, useState } from "react";
import { navigate, usePathname } from "../../lib/router";
import { ErrorPanel } from "../components/ErrorPanel";
import { FullPageMessage } from "../components/FullPageMessage";
import { api } from "../../lib/api";
import { useSession } from "./auth/session";
import { InvitePage, inviteToken } from "../features/invite/InvitePage";
import { Shell } from "./Shell";
import { STORE_KEY, StoreGate } from "./StoreGate";

/**
 * Signed in: make sure the user exists (claims invites), pick a store, show the shell. An
 * invite link is answered first, before `users:ensure` (which would claim the invite unseen)
 * and before the store picker (its reader may belong to no store yet).
 */
export function Workspace() {
  const token = inviteToken(usePathname());
  const { email } = useSession();
  if (token) {
    return (
      <InvitePage
        token={token}
        email={email}
        onJoined={(storeId) => {
          // The store picker mounts next and opens the store it finds here.
          localStorage.setItem(STORE_KEY, storeId);
          navigate("/dashboard");
        }}
      />
    );
  }
  return (
    <EnsureUser>
      <StoreGate>
        <Shell />
      </StoreGate>
    </EnsureUser>
  );
}

function EnsureUser({ children }: { children: ReactNode }) {
  const ensure = useMutation(api.users.ensure);
  const { email } = useSession();
  const [state, setState] = useState<{ done: boolean; error?: unknown }>({ done: false });
  const started = useRef<string | null>(null);
  const [attempt, setAttempt] = useState(0);

  useEffect(() => {
    const key = `${email ?? ""}#${attempt}`;
    if (started.current === key) return; // StrictMode runs effects twice in development
    started.current = key;
    ensure({}).then(
      () => setState({ done: true }),
      (error: unknown) => setState({ done: false, error }),
    );
  }, [ensure, email, attempt]);

  if (state.error) {
    return (
      <main className="mx-auto max-w-lg p-6 pt-24">
        <ErrorPanel
          error={state.error}
          onRetry={() => {
            setState({ done: false });
            setAttempt((n) => n + 1);
          }}
        />
      </main>
    );
  }
  if (!state.done) return <FullPageMessage title="Opening your workspace…" busy />;
  return <>{children}</>;
}

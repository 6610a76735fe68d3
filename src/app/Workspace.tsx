import { useMutation, useQuery } from "convex/react";
import { type ReactNode, useEffect, useMemo, useRef, useState } from "react";
import { ErrorPanel } from "../components/ErrorPanel";
import { FullPageMessage } from "../components/FullPageMessage";
import { api } from "../../lib/api";
import { useSession } from "./auth/session";
import { CurrentStoreContext, type CurrentStore, type StoreMembership } from "./currentStore";
import { Shell } from "./Shell";

const STORE_KEY = "commandCenter.storeId";

/** Signed in: make sure the user exists (claims invites), pick a store, show the shell. */
export function Workspace() {
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

function StoreGate({ children }: { children: ReactNode }) {
  const me = useQuery(api.users.me, {});
  const { signOut } = useSession();
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(STORE_KEY));

  const value = useMemo<CurrentStore | null>(() => {
    if (!me) return null;
    const stores: StoreMembership[] = me.stores;
    const store = stores.find((s) => s.storeId === chosen) ?? stores[0];
    if (!store) return null;
    return {
      store,
      stores,
      user: { name: me.user.name, email: me.user.email },
      currency: store.currency,
      can: (permission) => store.permissions.includes(permission),
      switchStore(storeId: string) {
        localStorage.setItem(STORE_KEY, storeId);
        setChosen(storeId);
      },
    };
  }, [me, chosen]);

  // null: the user row is not visible yet right after `users:ensure`; it arrives in a moment.
  if (me === undefined || me === null) {
    return <FullPageMessage title="Loading your stores…" busy />;
  }
  if (!value) {
    return (
      <FullPageMessage title="You are not a member of any store yet">
        <p>
          Ask a store owner to invite {me.user.email ?? "your email"}, then sign in again. The demo
          store belongs to <code>owner@demo.store</code>.
        </p>
        <button
          type="button"
          onClick={signOut}
          className="mt-4 rounded-md border border-gray-300 px-3 py-1.5 text-sm font-medium text-gray-700 hover:bg-gray-50"
        >
          Sign out
        </button>
      </FullPageMessage>
    );
  }
  return <CurrentStoreContext.Provider value={value}>{children}</CurrentStoreContext.Provider>;
}

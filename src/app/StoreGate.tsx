import { useQuery } from "convex/react";
import { type ReactNode, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { api } from "../../lib/api";
import { navigate } from "../../lib/router";
import { Button } from "../components/Button";
import { FullPageMessage } from "../components/FullPageMessage";
import { useSession } from "./auth/session";
import { CreateStoreForm } from "./CreateStoreForm";
import { CurrentStoreContext, type CurrentStore, type StoreMembership } from "./currentStore";

export const STORE_KEY = "commandCenter.storeId";

/**
 * Picks the store the workspace shows (the last one chosen, else the first), and answers the
 * cases with none: no store yet (create one), or removed from the open one (said so, live).
 */
export function StoreGate({ children }: { children: ReactNode }) {
  const me = useQuery(api.users.me, {});
  const { signOut } = useSession();
  const [chosen, setChosen] = useState<string | null>(() => localStorage.getItem(STORE_KEY));
  // The store last shown: when `users:me` stops listing it, this tab was removed from it.
  const [shown, setShown] = useState<{ storeId: string; name: string } | null>(null);
  // A store just created (here or from the switcher): opened once `users:me` lists it.
  const [opening, setOpening] = useState<string | null>(null);
  const leaving = useRef<string | null>(null);

  const choose = useCallback((storeId: string) => {
    localStorage.setItem(STORE_KEY, storeId);
    setChosen(storeId);
  }, []);

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
      switchStore: choose,
      openWhenListed: setOpening,
      leaving(storeId: string) {
        leaving.current = storeId;
      },
    };
  }, [me, chosen, choose]);

  const listed = (storeId: string) => me?.stores.some((s) => s.storeId === storeId) ?? false;
  const removedFrom = shown !== null && me && !listed(shown.storeId) ? shown : null;
  const current = value?.store;
  useEffect(() => {
    // Not while "You were removed" is up: the next store must not replace the notice unseen.
    const acknowledged = !removedFrom || leaving.current === removedFrom.storeId;
    if (current && (acknowledged || removedFrom.storeId === current.storeId)) {
      setShown({ storeId: current.storeId, name: current.name });
    }
  }, [current, removedFrom]);
  useEffect(() => {
    if (opening && me?.stores.some((s) => s.storeId === opening)) {
      choose(opening);
      setOpening(null);
      setShown(null);
      navigate("/dashboard");
    }
  }, [opening, me, choose]);

  // null: the user row is not visible yet right after `users:ensure`; it arrives in a moment.
  if (me === undefined || me === null) {
    return <FullPageMessage title="Loading your stores…" busy />;
  }
  if (opening) return <FullPageMessage title="Opening the store…" busy />;
  if (removedFrom && leaving.current !== removedFrom.storeId) {
    const next = me.stores[0];
    return (
      <FullPageMessage title={`You were removed from ${removedFrom.name}`}>
        <p data-testid="removed-notice">
          An owner or admin of {removedFrom.name} took away your access, so its pages are closed
          here. Ask them to invite you again if this was a mistake.
        </p>
        <div className="mt-4 flex justify-center gap-3">
          {next ? (
            <Button
              variant="primary"
              onClick={() => {
                choose(next.storeId);
                setShown(null);
              }}
            >
              Open {next.name}
            </Button>
          ) : (
            <Button variant="primary" onClick={() => setShown(null)}>
              Continue
            </Button>
          )}
          <Button onClick={signOut}>Sign out</Button>
        </div>
      </FullPageMessage>
    );
  }
  if (!value) {
    return (
      <FullPageMessage title="You are not a member of any store yet">
        <p>
          Create your own store below, or ask a store owner to invite{" "}
          {me.user.email ?? "your email"} and open the link they send. The demo store belongs to{" "}
          <code>owner@demo.store</code>.
        </p>
        <div className="mt-6 rounded-xl border border-gray-200 bg-white p-5 text-left shadow-sm">
          <h2 className="mb-3 font-semibold text-gray-900">Create a store</h2>
          <CreateStoreForm onCreated={setOpening} />
        </div>
        <Button className="mt-4" onClick={signOut}>
          Sign out
        </Button>
      </FullPageMessage>
    );
  }
  return <CurrentStoreContext.Provider value={value}>{children}</CurrentStoreContext.Provider>;
}

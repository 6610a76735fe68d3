import { useState } from "react";
import { Dialog } from "../components/Dialog";
import { Icon } from "../components/Icon";
import { initials } from "../lib/initials";
import { SearchButton } from "../features/search/SearchButton";
import { useSession } from "./auth/session";
import { CreateStoreForm } from "./CreateStoreForm";
import { useCurrentStore } from "./currentStore";
import { PresenceAvatars } from "./presence/PresenceAvatars";

// The switcher's last entry opens the "New store" dialog instead of switching.
const NEW_STORE = "__new__";

export function TopBar({ onMenu, onSearch }: { onMenu: () => void; onSearch: () => void }) {
  const { store, stores, user, switchStore, openWhenListed } = useCurrentStore();
  const session = useSession();
  const display = user.name || user.email || session.email || "Signed in";
  const [creating, setCreating] = useState(false);

  return (
    <header className="sticky top-0 z-20 flex h-14 items-center gap-3 border-b border-gray-200 bg-white/90 px-4 backdrop-blur sm:px-6 lg:px-8">
      <button
        type="button"
        onClick={onMenu}
        className="-ml-1 rounded-md p-1.5 text-gray-600 hover:bg-gray-100 lg:hidden"
        aria-label="Open menu"
      >
        <Icon name="menu" />
      </button>
      <div className="min-w-0 flex-1">
        <select
          aria-label="Store"
          value={store.storeId}
          onChange={(e) => {
            if (e.target.value === NEW_STORE) setCreating(true);
            else switchStore(e.target.value);
          }}
          className="max-w-full truncate rounded-md border-0 bg-transparent py-0.5 pl-0 text-sm font-semibold text-gray-900 focus:ring-2 focus:ring-indigo-200"
          data-testid="store-name"
        >
          {stores.map((s) => (
            <option key={s.storeId} value={s.storeId}>
              {s.name}
            </option>
          ))}
          <option value={NEW_STORE}>New store…</option>
        </select>
        <p className="truncate text-xs text-gray-500">
          <span className="capitalize">{store.role}</span> · /s/{store.slug}/
        </p>
      </div>
      <PresenceAvatars />
      <SearchButton onClick={onSearch} />
      {session.mode === "offline" && (
        <span
          className="hidden rounded-full bg-amber-50 px-2.5 py-1 text-xs font-medium text-amber-800 ring-1 ring-amber-200 sm:inline"
          title="Signed in with an offline account checked by this server (not Clerk)"
        >
          Offline account
        </span>
      )}
      <div className="flex items-center gap-2">
        <span
          className="flex h-8 w-8 items-center justify-center rounded-full bg-indigo-100 text-xs font-semibold text-indigo-700"
          aria-hidden
        >
          {initials(display)}
        </span>
        <div className="hidden min-w-0 md:block">
          <p className="truncate text-sm font-medium text-gray-900" data-testid="user-name">
            {display}
          </p>
          {user.email && user.email !== display && (
            <p className="truncate text-xs text-gray-500">{user.email}</p>
          )}
        </div>
        <button
          type="button"
          onClick={session.signOut}
          className="rounded-md p-1.5 text-gray-500 hover:bg-gray-100 hover:text-gray-800"
          aria-label="Sign out"
          title="Sign out"
        >
          <Icon name="logout" />
        </button>
      </div>
      {creating && (
        <Dialog
          title="New store"
          description="You become its owner. Its name, currency and time zone cannot be changed here yet, so choose them with care."
          onClose={() => setCreating(false)}
        >
          <div className="mt-4">
            <CreateStoreForm
              onCreated={(storeId) => {
                setCreating(false);
                openWhenListed(storeId);
              }}
              onCancel={() => setCreating(false)}
            />
          </div>
        </Dialog>
      )}
    </header>
  );
}

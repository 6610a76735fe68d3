import { Icon } from "../components/Icon";
import { SearchButton } from "../features/search/SearchButton";
import { useSession } from "./auth/session";
import { useCurrentStore } from "./currentStore";

export function TopBar({ onMenu, onSearch }: { onMenu: () => void; onSearch: () => void }) {
  const { store, stores, user, switchStore } = useCurrentStore();
  const session = useSession();
  const display = user.name || user.email || session.email || "Signed in";
  const initials = display
    .split(/[\s@.]+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join("");

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
        {stores.length > 1 ? (
          <select
            aria-label="Store"
            value={store.storeId}
            onChange={(e) => switchStore(e.target.value)}
            className="max-w-full truncate rounded-md border-gray-300 bg-transparent py-1 text-sm font-semibold text-gray-900"
          >
            {stores.map((s) => (
              <option key={s.storeId} value={s.storeId}>
                {s.name}
              </option>
            ))}
          </select>
        ) : (
          <p className="truncate text-sm font-semibold text-gray-900" data-testid="store-name">
            {store.name}
          </p>
        )}
        <p className="truncate text-xs text-gray-500">
          <span className="capitalize">{store.role}</span> · /{store.slug}
        </p>
      </div>
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
          {initials}
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
    </header>
  );
}

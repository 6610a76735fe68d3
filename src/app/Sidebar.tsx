import { Icon } from "../components/Icon";
import { Link } from "../../lib/router";
import { useCurrentStore } from "./currentStore";
import { modulePath } from "./module";
import { MODULES } from "./registry";

export function Sidebar({
  active,
  open,
  onClose,
}: {
  active?: string;
  open: boolean;
  onClose: () => void;
}) {
  const { store } = useCurrentStore();
  return (
    <>
      {open && (
        <button
          type="button"
          aria-label="Close menu"
          className="fixed inset-0 z-30 bg-gray-900/30 lg:hidden"
          onClick={onClose}
        />
      )}
      <nav
        aria-label="Modules"
        className={`fixed inset-y-0 left-0 z-40 flex w-64 flex-col lg:w-60 border-r border-gray-200 bg-white transition-transform lg:translate-x-0 ${
          open ? "translate-x-0 shadow-xl" : "-translate-x-full"
        }`}
      >
        <div className="flex h-14 items-center justify-between gap-2 border-b border-gray-100 px-4">
          <Link href="/dashboard" className="flex items-center gap-2 font-semibold text-gray-900">
            <img src="/favicon.svg" alt="" className="h-7 w-7" />
            Command Center
          </Link>
          <button
            type="button"
            onClick={onClose}
            className="rounded-md p-1 text-gray-500 hover:bg-gray-100 lg:hidden"
            aria-label="Close menu"
          >
            <Icon name="close" />
          </button>
        </div>
        <ul className="flex-1 space-y-0.5 overflow-y-auto p-3">
          {MODULES.map((m) => {
            const isActive = m.id === active;
            return (
              <li key={m.id}>
                <Link
                  href={modulePath(m)}
                  aria-current={isActive ? "page" : undefined}
                  className={`flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium ${
                    isActive
                      ? "bg-indigo-50 text-indigo-700"
                      : "text-gray-600 hover:bg-gray-50 hover:text-gray-900"
                  }`}
                >
                  <Icon
                    name={m.icon}
                    className={`h-5 w-5 ${isActive ? "text-indigo-600" : "text-gray-400"}`}
                  />
                  {m.label}
                </Link>
              </li>
            );
          })}
        </ul>
        <div className="border-t border-gray-100 p-3">
          <a
            href={`/s/${store.slug}/`}
            target="_blank"
            rel="noreferrer"
            className="flex items-center gap-3 rounded-md px-3 py-2 text-sm font-medium text-gray-600 hover:bg-gray-50"
          >
            <Icon name="external" className="h-5 w-5 text-gray-400" />
            View storefront
          </a>
        </div>
      </nav>
    </>
  );
}

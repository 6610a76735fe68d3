import { displayName, initials } from "../../lib/initials";
import { matchRoute } from "../routes";
import { usePresenceList } from "./usePresence";

const MAX_SHOWN = 4;

/** Where someone is, in words: "Orders", "Order", "Edit product" (the page titles). */
function pageName(path: string): string {
  const match = matchRoute(path);
  return match ? (match.route.title ?? match.module.label) : "the workspace";
}

/** The teammates online now, as initials; hover (or a screen reader) tells who and where. */
export function PresenceAvatars() {
  const list = usePresenceList();
  const others = (list.data ?? []).filter((p) => !p.isYou);
  if (others.length === 0) return null;
  const extra = others.length - MAX_SHOWN;
  return (
    <ul className="flex -space-x-2" aria-label="Also online">
      {others.slice(0, MAX_SHOWN).map((p) => {
        const who = displayName(p);
        const label = `${who} — ${p.editing ? "editing" : "on"} ${pageName(p.path)}`;
        return (
          <li
            key={p.userId}
            title={label}
            aria-label={label}
            data-testid="presence-avatar"
            className="flex h-8 w-8 items-center justify-center rounded-full bg-emerald-100 text-xs font-semibold text-emerald-800 ring-2 ring-white"
          >
            {initials(who)}
          </li>
        );
      })}
      {extra > 0 && (
        <li
          className="flex h-8 w-8 items-center justify-center rounded-full bg-gray-100 text-xs font-semibold text-gray-700 ring-2 ring-white"
          title={`${extra} more online`}
        >
          +{extra}
        </li>
      )}
    </ul>
  );
}

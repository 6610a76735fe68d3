import { displayName } from "../../lib/initials";
import { useOthersOn } from "./usePresence";

/**
 * "Ana is viewing this order" / "Ana is editing": so two people do not work on the same
 * record without knowing. Editors are named first: theirs is the change that may land.
 */
export function RecordPresenceNote({ recordId, noun }: { recordId: string; noun: string }) {
  const others = useOthersOn(recordId);
  if (others.length === 0) return null;
  const editors = others.filter((p) => p.editing).map(displayName);
  const viewers = others.filter((p) => !p.editing).map(displayName);
  const parts = [
    editors.length > 0 && `${joinNames(editors)} ${editors.length === 1 ? "is" : "are"} editing`,
    viewers.length > 0 &&
      `${joinNames(viewers)} ${viewers.length === 1 ? "is" : "are"} viewing this ${noun}`,
  ].filter(Boolean);
  return (
    <p
      role="status"
      data-testid="record-presence"
      className={`rounded-md px-3 py-2 text-sm ring-1 ${
        editors.length > 0
          ? "bg-amber-50 text-amber-900 ring-amber-200"
          : "bg-emerald-50 text-emerald-900 ring-emerald-200"
      }`}
    >
      {parts.join("; ")}.
    </p>
  );
}

function joinNames(names: string[]): string {
  return new Intl.ListFormat("en", { type: "conjunction" }).format(names);
}

import type { ModuleMeta } from "../../app/module";
import { MODULES } from "../../app/registry";

/**
 * The registered modules whose label (or a keyword) starts with what was typed; all of them
 * for an empty text. "go to orders" and "open orders" work too.
 */
export function matchCommands(
  text: string,
  modules: readonly ModuleMeta[] = MODULES,
): ModuleMeta[] {
  const q = text
    .trim()
    .toLowerCase()
    .replace(/^(go ?to|open)\s+/, "");
  if (q === "") return [...modules];
  return modules.filter((m) =>
    [m.label.toLowerCase(), ...m.keywords].some((word) => word.startsWith(q)),
  );
}

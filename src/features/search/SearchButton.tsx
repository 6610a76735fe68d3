import { Icon } from "../../components/Icon";
import { shortcutLabel } from "./usePaletteShortcut";

/** The top bar's way into the palette: a search field look-alike, an icon on phones. */
export function SearchButton({ onClick }: { onClick: () => void }) {
  const shortcut = shortcutLabel();
  return (
    <button
      type="button"
      onClick={onClick}
      aria-label="Search products, orders and pages"
      aria-keyshortcuts="Control+K Meta+K"
      title={`Search (${shortcut})`}
      className="flex shrink-0 items-center gap-2 rounded-md p-1.5 text-gray-500 hover:bg-gray-100 hover:text-gray-800 sm:w-56 sm:border sm:border-gray-200 sm:bg-white sm:px-3 sm:text-sm sm:shadow-sm lg:w-72"
      data-testid="open-search"
    >
      <Icon name="search" className="h-5 w-5 shrink-0 sm:h-4 sm:w-4" />
      <span className="hidden flex-1 text-left text-gray-400 sm:inline">Search…</span>
      <kbd className="hidden rounded border border-gray-200 bg-gray-50 px-1.5 font-sans text-[11px] text-gray-500 sm:inline">
        {shortcut}
      </kbd>
    </button>
  );
}

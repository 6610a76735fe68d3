import { type KeyboardEvent, useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useCurrentStore } from "../../app/currentStore";
import { Icon } from "../../components/Icon";
import { navigate } from "../../../lib/router";
import { matchCommands } from "./commands";
import { PaletteStatus } from "./PaletteStatus";
import { PaletteOption } from "./PaletteOption";
import { buildGroups, itemHref, optionId, type PaletteItem } from "./paletteItems";
import { useDebouncedQuery } from "./useDebouncedQuery";
import { useSearch } from "./useSearch";

const DEBOUNCE_MS = 150;

/**
 * Ctrl-K / ⌘K: search products and orders live, or jump to a page. A modal <dialog> (focus
 * stays inside, the page behind is inert) holding a combobox: the input keeps focus and
 * aria-activedescendant points at the highlighted option.
 */
export function CommandPalette({ onClose }: { onClose: () => void }) {
  const { currency } = useCurrentStore();
  const dialog = useRef<HTMLDialogElement>(null);
  const panel = useRef<HTMLDivElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const [text, setText] = useState("");
  const query = useDebouncedQuery(text, DEBOUNCE_MS);
  const { results, error, retry } = useSearch(query);
  const [activeKey, setActiveKey] = useState<string | null>(null);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    dialog.current?.showModal();
    input.current?.focus();
    return () => {
      if (previous?.isConnected && document.activeElement === document.body) previous.focus();
    };
  }, []);

  const typed = text.trim();
  // Results of an older text stay visible (dimmed) until the new ones arrive: no flicker.
  const shown = typed === "" || error ? null : results;
  const pending = typed !== "" && (typed !== query || results?.text !== query) && !error;

  const groups = useMemo(
    () => buildGroups(matchCommands(typed), shown?.products ?? [], shown?.orders ?? []),
    [typed, shown],
  );
  const items = useMemo(() => groups.flatMap((g) => g.items), [groups]);
  // The highlight follows the item, not the row number, so live updates do not move it.
  const active = items.find((i) => i.key === activeKey) ?? items[0];

  useEffect(() => {
    if (active) document.getElementById(optionId(active))?.scrollIntoView({ block: "nearest" });
  }, [active]);

  const choose = useCallback(
    (item: PaletteItem) => {
      onClose();
      navigate(itemHref(item));
    },
    [onClose],
  );

  function onKeyDown(e: KeyboardEvent<HTMLInputElement>) {
    if (e.key === "ArrowDown" || e.key === "ArrowUp") {
      e.preventDefault();
      if (items.length === 0) return;
      const at = active ? items.indexOf(active) : -1;
      const step = e.key === "ArrowDown" ? 1 : -1;
      setActiveKey(items[(at + step + items.length) % items.length].key);
    } else if (e.key === "Enter" && !e.nativeEvent.isComposing) {
      e.preventDefault();
      if (active) choose(active);
    }
  }

  return (
    <dialog
      ref={dialog}
      aria-modal="true"
      aria-label="Command palette"
      onClose={onClose}
      onMouseDown={(e) => {
        if (!panel.current?.contains(e.target as Node)) onClose();
      }}
      className="m-0 h-full max-h-none w-full max-w-none bg-transparent p-0 backdrop:bg-gray-900/40"
      data-testid="command-palette"
    >
      <div className="flex min-h-full items-start justify-center px-3 pt-3 sm:px-6 sm:pt-[12vh]">
        <div
          ref={panel}
          className="flex max-h-[calc(100dvh-1.5rem)] w-full max-w-xl flex-col overflow-hidden rounded-xl bg-white shadow-2xl ring-1 ring-gray-900/10 sm:max-h-[70vh]"
        >
          <div className="flex items-center gap-3 border-b border-gray-100 px-4">
            <Icon name="search" className="h-5 w-5 shrink-0 text-gray-400" />
            <label htmlFor="palette-input" className="sr-only">
              Search products, orders and pages
            </label>
            <input
              ref={input}
              id="palette-input"
              type="text"
              role="combobox"
              aria-expanded={items.length > 0}
              aria-controls="palette-listbox"
              aria-autocomplete="list"
              aria-activedescendant={active ? optionId(active) : undefined}
              autoComplete="off"
              spellCheck={false}
              placeholder="Search products and orders…"
              value={text}
              onChange={(e) => {
                setText(e.target.value);
                setActiveKey(null);
              }}
              onKeyDown={onKeyDown}
              className="h-14 min-w-0 flex-1 border-0 bg-transparent p-0 text-base text-gray-900 placeholder:text-gray-400 focus:outline-none focus:ring-0"
            />
            <button
              type="button"
              onClick={onClose}
              className="shrink-0 rounded-md p-1.5 text-gray-500 hover:bg-gray-100 sm:px-1.5 sm:py-1 sm:text-xs sm:font-medium sm:ring-1 sm:ring-gray-200"
              aria-label="Close search"
              title="Close (Esc)"
            >
              <Icon name="close" className="h-5 w-5 sm:hidden" />
              <span className="hidden sm:inline">Esc</span>
            </button>
          </div>

          <div className="min-h-0 flex-1 overflow-y-auto overscroll-contain p-2">
            {typed === "" && (
              <p className="px-3 pb-1 pt-2 text-xs text-gray-500">
                Type to search products by title and orders by customer, email or number.
              </p>
            )}
            <div
              id="palette-listbox"
              role="listbox"
              aria-label="Pages, products and orders"
              className={pending && shown ? "opacity-60 transition-opacity" : undefined}
            >
              {groups.map((g) => (
                <div key={g.id} role="presentation" className="pb-1">
                  <div
                    id={`palette-group-${g.id}`}
                    aria-hidden
                    className="px-3 pb-1 pt-2 text-xs font-semibold uppercase tracking-wide text-gray-500"
                  >
                    {g.label}
                  </div>
                  {/* biome-ignore lint/a11y/useSemanticElements: a listbox groups options with role="group" (a fieldset is not allowed there) */}
                  <div role="group" aria-labelledby={`palette-group-${g.id}`}>
                    {g.items.map((item) => (
                      <PaletteOption
                        key={item.key}
                        item={item}
                        active={item === active}
                        currency={currency}
                        onHover={() => setActiveKey(item.key)}
                        onChoose={() => choose(item)}
                      />
                    ))}
                  </div>
                </div>
              ))}
            </div>
            <PaletteStatus
              query={query}
              pending={pending}
              showingResults={shown !== null}
              empty={!pending && shown !== null && items.every((i) => i.kind === "command")}
              error={error}
              onRetry={retry}
            />
          </div>

          <footer className="hidden items-center gap-4 border-t border-gray-100 bg-gray-50 px-4 py-2 text-xs text-gray-500 sm:flex">
            <span>
              <Kbd>↑</Kbd> <Kbd>↓</Kbd> to move
            </span>
            <span>
              <Kbd>↵</Kbd> to open
            </span>
            <span>
              <Kbd>Esc</Kbd> to close
            </span>
          </footer>
        </div>
      </div>
    </dialog>
  );
}

function Kbd({ children }: { children: string }) {
  return (
    <kbd className="rounded border border-gray-200 bg-white px-1 font-sans text-[11px] text-gray-600">
      {children}
    </kbd>
  );
}

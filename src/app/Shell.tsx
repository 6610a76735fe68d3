import { useCallback, useEffect, useState } from "react";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { CommandPalette } from "../features/search/CommandPalette";
import { usePaletteShortcut } from "../features/search/usePaletteShortcut";
import { usePathname, useDocumentMeta } from "../../lib/router";
import { useCurrentStore } from "./currentStore";
import { moduleFromPath } from "./modules";
import { PageForModule } from "./pages";
import { Sidebar } from "./Sidebar";
import { TopBar } from "./TopBar";

export function Shell() {
  const pathname = usePathname();
  const mod = moduleFromPath(pathname);
  const { store } = useCurrentStore();
  const [navOpen, setNavOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const closePalette = useCallback(() => setPaletteOpen(false), []);
  usePaletteShortcut(useCallback(() => setPaletteOpen((open) => !open), []));
  useDocumentMeta(`${mod?.label ?? "Not found"} · ${store.name} · Command Center`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer on navigation
  useEffect(() => setNavOpen(false), [pathname]);

  return (
    <div className="min-h-screen lg:pl-60">
      <Sidebar active={mod?.id} open={navOpen} onClose={() => setNavOpen(false)} />
      <div className="flex min-h-screen flex-col">
        <TopBar onMenu={() => setNavOpen(true)} onSearch={() => setPaletteOpen(true)} />
        <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
          <ErrorBoundary resetKey={`${pathname}|${store.storeId}`}>
            <PageForModule module={mod} />
          </ErrorBoundary>
        </main>
      </div>
      {paletteOpen && <CommandPalette onClose={closePalette} />}
    </div>
  );
}

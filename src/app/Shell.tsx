import { Suspense, useCallback, useEffect, useState } from "react";
import { useDocumentMeta, usePathname } from "../../lib/router";
import { ErrorBoundary } from "../components/ErrorBoundary";
import { TableSkeleton } from "../components/Skeleton";
import { ToastProvider } from "../components/Toast";
import { CommandPalette } from "../features/search/CommandPalette";
import { usePaletteShortcut } from "../features/search/usePaletteShortcut";
import { useCurrentStore } from "./currentStore";
import { NotFoundPage } from "./NotFoundPage";
import { PresenceEditingContext, usePresence } from "./presence/usePresence";
import { matchRoute } from "./routes";
import { Sidebar } from "./Sidebar";
import { TopBar } from "./TopBar";

export function Shell() {
  const pathname = usePathname();
  const match = matchRoute(pathname);
  const { store } = useCurrentStore();
  const [navOpen, setNavOpen] = useState(false);
  const [paletteOpen, setPaletteOpen] = useState(false);
  const closePalette = useCallback(() => setPaletteOpen(false), []);
  usePaletteShortcut(useCallback(() => setPaletteOpen((open) => !open), []));
  // Detail pages name their record ":id"; that is what "Ana is viewing this order" matches on.
  const markEditing = usePresence(store.storeId, pathname, match?.params.id);
  const pageTitle = match ? (match.route.title ?? match.module.label) : "Not found";
  useDocumentMeta(`${pageTitle} · ${store.name} · Command Center`);
  // biome-ignore lint/correctness/useExhaustiveDependencies: close the drawer on navigation
  useEffect(() => setNavOpen(false), [pathname]);

  return (
    <PresenceEditingContext.Provider value={markEditing}>
      <ToastProvider>
        <div className="min-h-screen lg:pl-60">
          <Sidebar active={match?.module.id} open={navOpen} onClose={() => setNavOpen(false)} />
          <div className="flex min-h-screen flex-col">
            <TopBar onMenu={() => setNavOpen(true)} onSearch={() => setPaletteOpen(true)} />
            <main className="mx-auto w-full max-w-7xl flex-1 px-4 py-6 sm:px-6 lg:px-8">
              <ErrorBoundary resetKey={`${pathname}|${store.storeId}`}>
                <Suspense fallback={<TableSkeleton />}>
                  {match ? (
                    <match.route.page module={match.module} params={match.params} />
                  ) : (
                    <NotFoundPage pathname={pathname} />
                  )}
                </Suspense>
              </ErrorBoundary>
            </main>
          </div>
          {paletteOpen && <CommandPalette onClose={closePalette} />}
        </div>
      </ToastProvider>
    </PresenceEditingContext.Provider>
  );
}

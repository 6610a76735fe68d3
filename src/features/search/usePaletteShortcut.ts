import { useEffect } from "react";

/** Ctrl-K (⌘K on a Mac) anywhere in the workspace toggles the palette. */
export function usePaletteShortcut(toggle: () => void) {
  useEffect(() => {
    function onKeyDown(e: KeyboardEvent) {
      if (e.key.toLowerCase() !== "k" || !(e.ctrlKey || e.metaKey) || e.altKey || e.shiftKey) {
        return;
      }
      e.preventDefault(); // the browser's own Ctrl-K jumps to its address bar
      toggle();
    }
    window.addEventListener("keydown", onKeyDown);
    return () => window.removeEventListener("keydown", onKeyDown);
  }, [toggle]);
}

/** "⌘K" on Apple devices, "Ctrl K" elsewhere: what the top-bar button shows. */
export function shortcutLabel(): string {
  return /Mac|iPhone|iPad/.test(navigator.userAgent) ? "⌘K" : "Ctrl K";
}

import { createContext, type ReactNode, useCallback, useContext, useRef, useState } from "react";

interface Toast {
  id: number;
  message: string;
}

const ToastContext = createContext<((message: string) => void) | null>(null);
const SHOWN_MS = 4000;

/**
 * Short confirmations ("Saved …") in a polite live region at the bottom of the screen: read
 * out by screen readers, gone after a few seconds, never in the way of a click.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const next = useRef(0);
  const show = useCallback((message: string) => {
    const id = ++next.current;
    setToasts((list) => [...list, { id, message }]);
    setTimeout(() => setToasts((list) => list.filter((t) => t.id !== id)), SHOWN_MS);
  }, []);
  return (
    <ToastContext.Provider value={show}>
      {children}
      <div
        role="status"
        aria-live="polite"
        className="pointer-events-none fixed inset-x-0 bottom-4 z-50 flex flex-col items-center gap-2 px-4"
      >
        {toasts.map((t) => (
          <p
            key={t.id}
            className="max-w-sm rounded-lg bg-gray-900 px-4 py-2.5 text-sm text-white shadow-lg"
            data-testid="toast"
          >
            {t.message}
          </p>
        ))}
      </div>
    </ToastContext.Provider>
  );
}

/** `toast("Saved")`; a no-op outside a provider would hide a mistake, so it throws there. */
export function useToast(): (message: string) => void {
  const show = useContext(ToastContext);
  if (!show) throw new Error("useToast outside <ToastProvider>");
  return show;
}

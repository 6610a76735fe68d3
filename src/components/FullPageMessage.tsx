import type { ReactNode } from "react";

export function FullPageMessage({
  title,
  children,
  busy = false,
}: {
  title: string;
  children?: ReactNode;
  busy?: boolean;
}) {
  return (
    <main className="flex min-h-screen items-center justify-center p-6" aria-busy={busy}>
      <div className="max-w-md text-center">
        {busy && (
          <div
            className="mx-auto mb-4 h-8 w-8 animate-spin rounded-full border-2 border-indigo-200 border-t-indigo-600"
            aria-hidden
          />
        )}
        <h1 className="text-lg font-semibold text-gray-900">{title}</h1>
        {children && <div className="mt-2 text-sm text-gray-600">{children}</div>}
      </div>
    </main>
  );
}

import type { ReactNode } from "react";

/** A titled white box for a detail page's sections (Tremor's Card would load the charts too). */
export function Panel({
  title,
  className = "",
  children,
}: {
  title: string;
  className?: string;
  children: ReactNode;
}) {
  return (
    <section
      className={`rounded-xl border border-gray-200 bg-white p-4 shadow-sm sm:p-6 ${className}`}
    >
      <h2 className="mb-2 font-semibold text-gray-900">{title}</h2>
      {children}
    </section>
  );
}

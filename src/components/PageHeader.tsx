import type { ReactNode } from "react";

export function PageHeader({
  title,
  summary,
  actions,
}: {
  title: string;
  summary?: string;
  actions?: ReactNode;
}) {
  return (
    <div className="mb-6 flex flex-wrap items-end justify-between gap-3">
      <div className="min-w-0">
        <h1 className="text-2xl font-semibold tracking-tight text-gray-900">{title}</h1>
        {summary && <p className="mt-1 text-sm text-gray-500">{summary}</p>}
      </div>
      {actions}
    </div>
  );
}

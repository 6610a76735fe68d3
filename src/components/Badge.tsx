import type { ReactNode } from "react";

/**
 * A status pill. Tremor's Badge would pull all of @tremor/react (charts included) into the
 * first bundle; charts load with the Overview only.
 */
const TONES = {
  emerald: "bg-emerald-50 text-emerald-700 ring-emerald-600/20",
  gray: "bg-gray-50 text-gray-600 ring-gray-500/20",
  slate: "bg-slate-50 text-slate-600 ring-slate-500/20",
  amber: "bg-amber-50 text-amber-800 ring-amber-600/20",
  rose: "bg-rose-50 text-rose-700 ring-rose-600/20",
  indigo: "bg-indigo-50 text-indigo-700 ring-indigo-600/20",
  sky: "bg-sky-50 text-sky-700 ring-sky-600/20",
} as const;

export type BadgeTone = keyof typeof TONES;

export function Badge({ tone, children }: { tone: BadgeTone; children: ReactNode }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2 py-0.5 text-xs font-medium capitalize ring-1 ring-inset ${TONES[tone]}`}
    >
      {children}
    </span>
  );
}

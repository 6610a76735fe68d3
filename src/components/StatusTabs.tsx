/** One tab: a status of the server's list, or "all". */
export interface TabOption<T extends string> {
  value: T;
  label: string;
}

/** "All" then one tab per member of a server list (ORDER_STATUSES…), in the server's order. */
export function statusTabs<S extends string>(
  members: readonly S[],
  labels: Record<S, { label: string }>,
): TabOption<S | "all">[] {
  return [
    { value: "all", label: "All" },
    ...members.map((m) => ({ value: m, label: labels[m].label })),
  ];
}

/**
 * A row of filter buttons (All / Active / …) that is also a proper radio group for screen
 * readers. It wraps onto a second line on a phone rather than hiding tabs off-screen.
 */
export function StatusTabs<T extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: TabOption<T>[];
  value: T;
  onChange: (value: T) => void;
  label: string;
}) {
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className="inline-flex max-w-full flex-wrap gap-1 rounded-lg bg-gray-100 p-1"
    >
      {options.map((o) => (
        // biome-ignore lint/a11y/useSemanticElements: styled segmented control
        <button
          key={o.value}
          type="button"
          role="radio"
          aria-checked={o.value === value}
          onClick={() => onChange(o.value)}
          className={`shrink-0 rounded-md px-3 py-1 text-sm font-medium ${
            o.value === value
              ? "bg-white text-gray-900 shadow-sm"
              : "text-gray-600 hover:text-gray-900"
          }`}
        >
          {o.label}
        </button>
      ))}
    </div>
  );
}

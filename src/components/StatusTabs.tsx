/** A row of filter buttons (All / Active / …) that is also a proper radio group for screen readers. */
export function StatusTabs<T extends string>({
  options,
  value,
  onChange,
  label,
}: {
  options: Array<{ value: T; label: string }>;
  value: T;
  onChange: (value: T) => void;
  label: string;
}) {
  return (
    <div
      role="radiogroup"
      aria-label={label}
      className="flex max-w-full gap-1 overflow-x-auto rounded-lg bg-gray-100 p-1"
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

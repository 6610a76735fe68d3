import { type HTMLAttributes, type ReactNode, useEffect, useRef } from "react";

export interface Column<Row> {
  id: string;
  header: string;
  cell: (row: Row) => ReactNode;
  align?: "left" | "right";
  /** Below this width the column is hidden; key columns leave it unset and stay in view. */
  hideBelow?: "sm" | "md" | "lg";
  /** A fixed width (a Tailwind `w-*` class); columns without one share what is left. */
  width?: string;
  /** The header is for screen readers only (an actions column). */
  quietHeader?: boolean;
}

/** Which rows are ticked, for bulk actions. */
export interface RowSelection {
  selected: ReadonlySet<string>;
  toggle(key: string): void;
  setAll(keys: string[], on: boolean): void;
}

// Whole class names, so Tailwind sees them.
const HIDE: Record<NonNullable<Column<unknown>["hideBelow"]>, string> = {
  sm: "hidden sm:table-cell",
  md: "hidden md:table-cell",
  lg: "hidden lg:table-cell",
};

function cellClass(column: Column<any>, base: string): string {
  return [
    base,
    column.align === "right" ? "text-right" : "",
    column.hideBelow ? HIDE[column.hideBelow] : "",
    column.width ?? "",
  ].join(" ");
}

/**
 * A table laid out at a fixed width: narrow columns have widths, the others share the rest
 * and truncate, so at 390 px the key columns stay in view instead of scrolling sideways.
 */
export function DataTable<Row>({
  rows,
  columns,
  rowKey,
  rowLabel,
  rowProps,
  selection,
  testId,
}: {
  rows: Row[];
  columns: Column<Row>[];
  rowKey: (row: Row) => string;
  /** How a row is named to a screen reader ("Select Ceramic Pour-Over Set"). */
  rowLabel: (row: Row) => string;
  rowProps?: (row: Row) => HTMLAttributes<HTMLTableRowElement> & Record<`data-${string}`, string>;
  selection?: RowSelection;
  testId?: string;
}) {
  const keys = rows.map(rowKey);
  const ticked = keys.filter((k) => selection?.selected.has(k)).length;
  return (
    <table className="w-full table-fixed text-left text-sm" data-testid={testId}>
      <thead className="bg-gray-50 text-xs uppercase tracking-wide text-gray-500">
        <tr>
          {selection && (
            <th scope="col" className="w-10 py-3 pl-4">
              <Checkbox
                label="Select all shown"
                checked={ticked > 0 && ticked === keys.length}
                indeterminate={ticked > 0 && ticked < keys.length}
                onChange={(on) => selection.setAll(keys, on)}
              />
            </th>
          )}
          {columns.map((c) => (
            <th key={c.id} scope="col" className={cellClass(c, "px-3 py-3 font-medium")}>
              {c.quietHeader ? <span className="sr-only">{c.header}</span> : c.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody className="divide-y divide-gray-100">
        {rows.map((row, i) => (
          <tr key={keys[i]} className="hover:bg-gray-50" {...rowProps?.(row)}>
            {selection && (
              <td className="py-3 pl-4">
                <Checkbox
                  label={`Select ${rowLabel(row)}`}
                  checked={selection.selected.has(keys[i])}
                  onChange={() => selection.toggle(keys[i])}
                />
              </td>
            )}
            {columns.map((c) => (
              <td key={c.id} className={cellClass(c, "px-3 py-3")}>
                {c.cell(row)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Checkbox({
  label,
  checked,
  indeterminate = false,
  onChange,
}: {
  label: string;
  checked: boolean;
  indeterminate?: boolean;
  onChange: (checked: boolean) => void;
}) {
  const ref = useRef<HTMLInputElement>(null);
  // `indeterminate` exists only as a DOM property, not an attribute.
  useEffect(() => {
    if (ref.current) ref.current.indeterminate = indeterminate;
  }, [indeterminate]);
  return (
    <input
      ref={ref}
      type="checkbox"
      aria-label={label}
      checked={checked}
      onChange={(e) => onChange(e.target.checked)}
      className="h-4 w-4 rounded border-gray-300 text-indigo-600 focus:ring-indigo-500"
    />
  );
}

import { Input, Select } from "../../components/Field";
import { SORTS, STOCK_FILTERS, type SortKey, type StockFilter, type ViewMode } from "./catalogView";

/** Search, filters, sort and the table/grid switch above the product list. */
export function CatalogToolbar({
  search,
  onSearch,
  category,
  categories,
  onCategory,
  stock,
  onStock,
  sort,
  onSort,
  view,
  onView,
  note,
}: {
  search: string;
  onSearch: (text: string) => void;
  category: string;
  categories: string[];
  onCategory: (category: string) => void;
  stock: StockFilter;
  onStock: (stock: StockFilter) => void;
  sort: SortKey;
  onSort: (sort: SortKey) => void;
  view: ViewMode;
  onView: (view: ViewMode) => void;
  note: string;
}) {
  return (
    <div className="mb-3" data-testid="catalog-toolbar">
      <div className="grid grid-cols-2 gap-2 sm:flex sm:flex-wrap sm:items-end">
        <div className="col-span-2 sm:w-64">
          <Input
            aria-label="Search products by title"
            type="search"
            placeholder="Search titles…"
            value={search}
            onChange={(e) => onSearch(e.target.value)}
          />
        </div>
        <div>
          <Select
            aria-label="Category"
            value={category}
            onChange={(e) => onCategory(e.target.value)}
          >
            <option value="">All categories</option>
            {categories.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Select
            aria-label="Stock"
            value={stock}
            onChange={(e) => onStock(e.target.value as StockFilter)}
          >
            {STOCK_FILTERS.map((f) => (
              <option key={f.value} value={f.value}>
                {f.label}
              </option>
            ))}
          </Select>
        </div>
        <div>
          <Select
            aria-label="Sort by"
            value={sort}
            onChange={(e) => onSort(e.target.value as SortKey)}
          >
            {SORTS.map((s) => (
              <option key={s.value} value={s.value}>
                {s.label}
              </option>
            ))}
          </Select>
        </div>
        <fieldset className="flex items-center justify-end sm:ml-auto">
          <legend className="sr-only">View</legend>
          {(["table", "grid"] as const).map((mode) => (
            <button
              key={mode}
              type="button"
              aria-pressed={view === mode}
              onClick={() => onView(mode)}
              className={`mt-1 border border-gray-300 px-3 py-2 text-sm font-medium first:rounded-l-md last:rounded-r-md ${
                view === mode
                  ? "bg-indigo-600 text-white"
                  : "bg-white text-gray-700 hover:bg-gray-50"
              }`}
            >
              {mode === "table" ? "Table" : "Grid"}
            </button>
          ))}
        </fieldset>
      </div>
      <p className="mt-1 text-xs text-gray-500" data-testid="catalog-note">
        {note}
      </p>
    </div>
  );
}

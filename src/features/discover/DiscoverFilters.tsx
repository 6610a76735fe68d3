import { Field, Input, Select } from "../../components/Field";
import type { FilterState } from "./filters";

/** Category, price range, velocity and sort for the feed. */
export function DiscoverFilters({
  value,
  categories,
  onChange,
  currency,
}: {
  value: FilterState;
  categories: string[];
  onChange: (next: FilterState) => void;
  currency: string;
}) {
  const set = <K extends keyof FilterState>(key: K, v: FilterState[K]) =>
    onChange({ ...value, [key]: v });
  return (
    <form
      className="mb-4 grid grid-cols-2 gap-3 rounded-xl border border-gray-200 bg-white p-3 shadow-sm sm:grid-cols-5"
      onSubmit={(e) => e.preventDefault()}
      data-testid="discover-filters"
    >
      <Field label="Category">
        <Select value={value.category} onChange={(e) => set("category", e.target.value)}>
          <option value="">All categories</option>
          {categories.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </Select>
      </Field>
      <Field label={`Min price (${currency})`}>
        <Input
          inputMode="decimal"
          placeholder="0"
          value={value.minPrice}
          onChange={(e) => set("minPrice", e.target.value)}
        />
      </Field>
      <Field label={`Max price (${currency})`}>
        <Input
          inputMode="decimal"
          placeholder="Any"
          value={value.maxPrice}
          onChange={(e) => set("maxPrice", e.target.value)}
        />
      </Field>
      <Field label="Velocity">
        <Select
          value={value.velocity}
          onChange={(e) => set("velocity", e.target.value as FilterState["velocity"])}
        >
          <option value="">Any</option>
          <option value="rising">Rising fast</option>
          <option value="established">Established</option>
          <option value="declining">Declining</option>
        </Select>
      </Field>
      <Field label="Sort by" className="col-span-2 sm:col-span-1">
        <Select
          value={value.sort}
          onChange={(e) => set("sort", e.target.value as FilterState["sort"])}
        >
          <option value="score">Score</option>
          <option value="velocity">Velocity</option>
          <option value="newest">Newest</option>
          <option value="margin">Margin</option>
        </Select>
      </Field>
    </form>
  );
}

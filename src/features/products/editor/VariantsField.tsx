import { useState } from "react";
import { Button } from "../../../components/Button";
import { Field, Input, Select } from "../../../components/Field";
import { blankVariant, type Draft, type VariantDraft } from "./editorDraft";

/**
 * Options (size, colour…) and one row per variant with its own price, "was" price, SKU, stock
 * and picture (one of the product's images, so the storefront can swap to it).
 */
export function VariantsField({
  draft,
  currency,
  onChange,
}: {
  draft: Draft;
  currency: string;
  onChange: (draft: Draft) => void;
}) {
  const [option, setOption] = useState("");
  const [problem, setProblem] = useState<string>();

  function addOption() {
    const name = option.trim();
    if (!name) return;
    if (draft.optionNames.some((n) => n.toLowerCase() === name.toLowerCase())) {
      return setProblem(`There is already an option called “${name}”.`);
    }
    setProblem(undefined);
    setOption("");
    onChange({
      ...draft,
      optionNames: [...draft.optionNames, name],
      variants: draft.variants.map((v) => ({ ...v, values: { ...v.values, [name]: "" } })),
    });
  }

  function removeOption(name: string) {
    onChange({
      ...draft,
      optionNames: draft.optionNames.filter((n) => n !== name),
      variants: draft.variants.map((v) => {
        const { [name]: _gone, ...values } = v.values;
        return { ...v, values };
      }),
    });
  }

  const update = (key: string, change: Partial<VariantDraft>) =>
    onChange({
      ...draft,
      variants: draft.variants.map((v) => (v.key === key ? { ...v, ...change } : v)),
    });

  function addVariant() {
    const last = draft.variants.at(-1);
    const row = blankVariant(draft.optionNames);
    onChange({
      ...draft,
      variants: [...draft.variants, last ? { ...row, price: last.price, was: last.was } : row],
    });
  }

  return (
    <div data-testid="variants-field">
      <div className="flex flex-wrap items-center gap-2">
        <span className="text-sm text-gray-700">Options:</span>
        {draft.optionNames.length === 0 && <span className="text-sm text-gray-500">none</span>}
        {draft.optionNames.map((name) => (
          <span
            key={name}
            className="inline-flex items-center gap-1 rounded-full bg-gray-100 px-2 py-0.5 text-sm"
          >
            {name}
            <button
              type="button"
              aria-label={`Remove option ${name}`}
              className="text-gray-500 hover:text-rose-700"
              onClick={() => removeOption(name)}
            >
              ×
            </button>
          </span>
        ))}
        <div className="flex items-center gap-2">
          <Input
            aria-label="New option name"
            value={option}
            placeholder="e.g. Size"
            className="mt-0 block w-32 rounded-md border border-gray-300 px-2 py-1 text-sm"
            onChange={(e) => setOption(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === "Enter") {
                e.preventDefault();
                addOption();
              }
            }}
          />
        </div>
        <Button size="sm" onClick={addOption}>
          Add option
        </Button>
      </div>
      {problem && (
        <p role="alert" className="mt-1 text-sm text-rose-700">
          {problem}
        </p>
      )}

      <ul className="mt-3 space-y-3">
        {draft.variants.map((v, index) => (
          <li
            key={v.key}
            className="rounded-lg border border-gray-200 p-3"
            data-testid="variant-row"
            aria-label={`Variant ${index + 1}`}
          >
            <div className="grid grid-cols-2 gap-2 sm:grid-cols-4">
              {draft.optionNames.map((name) => (
                <Labelled key={name} label={name}>
                  <Input
                    value={v.values[name] ?? ""}
                    onChange={(e) =>
                      update(v.key, { values: { ...v.values, [name]: e.target.value } })
                    }
                  />
                </Labelled>
              ))}
              <Labelled label={`Price (${currency})`}>
                <Input
                  inputMode="decimal"
                  value={v.price}
                  onChange={(e) => update(v.key, { price: e.target.value })}
                />
              </Labelled>
              <Labelled label="Was (optional)">
                <Input
                  inputMode="decimal"
                  value={v.was}
                  onChange={(e) => update(v.key, { was: e.target.value })}
                />
              </Labelled>
              <Labelled label="SKU">
                <Input value={v.sku} onChange={(e) => update(v.key, { sku: e.target.value })} />
              </Labelled>
              <Labelled label="Stock">
                <Input
                  inputMode="numeric"
                  value={v.stock}
                  onChange={(e) => update(v.key, { stock: e.target.value })}
                />
              </Labelled>
              <Labelled label="Picture" wide>
                <Select
                  value={v.imageUrl}
                  onChange={(e) => update(v.key, { imageUrl: e.target.value })}
                >
                  <option value="">The main picture</option>
                  {draft.images.map((image, i) => (
                    <option key={image.url} value={image.url}>
                      Image {i + 1}
                      {image.alt ? `: ${image.alt}` : ""}
                    </option>
                  ))}
                </Select>
              </Labelled>
            </div>
            {draft.variants.length > 1 && (
              <div className="mt-2 text-right">
                <button
                  type="button"
                  className="text-xs font-medium text-rose-700 hover:underline"
                  onClick={() =>
                    onChange({ ...draft, variants: draft.variants.filter((x) => x.key !== v.key) })
                  }
                >
                  Remove variant {index + 1}
                </button>
              </div>
            )}
          </li>
        ))}
      </ul>
      <Button size="sm" className="mt-3" onClick={addVariant}>
        Add variant
      </Button>
    </div>
  );
}

function Labelled({
  label,
  wide = false,
  children,
}: {
  label: string;
  wide?: boolean;
  children: React.ReactElement<{ id?: string }>;
}) {
  return (
    <Field label={label} className={wide ? "col-span-2" : ""}>
      {children}
    </Field>
  );
}

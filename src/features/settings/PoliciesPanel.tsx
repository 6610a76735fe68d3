import { POLICY_MAX_CHARS } from "../../../convex/model/storeSettings";
import { Panel } from "../../components/Panel";
import { SaveRow } from "./SaveRow";
import { type StoreSettings, useSectionForm, useUpdatePolicies } from "./useStoreSettings";

const KINDS = [
  ["shipping", "Shipping policy"],
  ["returns", "Returns policy"],
  ["privacy", "Privacy policy"],
  ["terms", "Terms of service"],
] as const;

/** The policy pages shoppers read in the storefront's footer. */
export function PoliciesPanel({
  settings,
  editable,
}: {
  settings: StoreSettings;
  editable: boolean;
}) {
  const update = useUpdatePolicies();
  const form = useSectionForm(settings.policies, (draft) => update(draft), "Policies saved");
  return (
    <Panel title="Policies">
      <form
        onSubmit={form.submit}
        className="grid grid-cols-1 gap-4 sm:grid-cols-2"
        data-testid="policies-form"
      >
        <fieldset disabled={!editable} className="contents">
          {KINDS.map(([key, label]) => {
            const length = form.draft[key].length;
            return (
              <label key={key} className="block text-sm font-medium text-gray-700 sm:col-span-2">
                {label}
                <textarea
                  value={form.draft[key]}
                  onChange={form.set(key)}
                  rows={3}
                  className="mt-1 block w-full rounded-md border border-gray-300 px-3 py-2 text-sm font-normal shadow-sm focus:border-indigo-500 focus:outline-none focus:ring-2 focus:ring-indigo-200 disabled:bg-gray-50"
                />
                <span
                  className={`mt-1 block text-xs font-normal ${length > POLICY_MAX_CHARS ? "text-rose-700" : "text-gray-500"}`}
                >
                  {length.toLocaleString()} / {POLICY_MAX_CHARS.toLocaleString()} characters
                </span>
              </label>
            );
          })}
          {editable && <SaveRow label="Save policies" {...form} />}
        </fieldset>
      </form>
    </Panel>
  );
}

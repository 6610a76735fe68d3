import { useCurrentStore } from "../../app/currentStore";
import { Panel } from "../../components/Panel";

/** The store's details. Read-only: there is no function to change them yet. */
export function StorePanel() {
  const { store } = useCurrentStore();
  const rows = [
    ["Name", store.name],
    ["Storefront address", `/${store.slug}`],
    ["Currency", store.currency],
    ["Your role", store.role.charAt(0).toUpperCase() + store.role.slice(1)],
  ] as const;
  return (
    <Panel title="Store">
      <dl
        className="grid grid-cols-1 gap-x-6 gap-y-3 text-sm sm:grid-cols-2"
        data-testid="store-details"
      >
        {rows.map(([label, value]) => (
          <div key={label}>
            <dt className="text-gray-500">{label}</dt>
            <dd className="break-words font-medium text-gray-900">{value}</dd>
          </div>
        ))}
      </dl>
      <p className="mt-4 text-xs text-gray-500">
        These cannot be edited here yet; changing a store's name or currency is still to come.
      </p>
    </Panel>
  );
}

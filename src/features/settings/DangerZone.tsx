import { useCurrentStore } from "../../app/currentStore";

/**
 * What only the owner can do to the store as a whole. Transfer happens on a member's row
 * ("Make owner"); deleting a store has no server function yet, so it is described, not faked.
 */
export function DangerZone() {
  const { store } = useCurrentStore();
  const owner = store.role === "owner";
  return (
    <section
      className="rounded-xl border border-rose-200 bg-white p-4 shadow-sm sm:p-6"
      aria-labelledby="danger-zone"
    >
      <h2 id="danger-zone" className="mb-2 font-semibold text-rose-800">
        Danger zone
      </h2>
      <dl className="space-y-4 text-sm">
        <div>
          <dt className="font-medium text-gray-900">Transfer ownership</dt>
          <dd className="mt-1 text-gray-600">
            {owner
              ? "Use “Make owner” on a member above. They become the owner; you stay on as an admin."
              : "Only the owner can hand the store to someone else."}
          </dd>
        </div>
        <div>
          <dt className="font-medium text-gray-900">Delete this store</dt>
          <dd className="mt-1 text-gray-600">
            {owner
              ? "Not available yet."
              : "Not available yet; when it is, only the owner will be able to."}
          </dd>
        </div>
      </dl>
    </section>
  );
}

import { useState } from "react";
import { useCurrentStore } from "../../app/currentStore";
import { Button } from "../../components/Button";
import { ConfirmDialog } from "../../components/ConfirmDialog";
import { Field, Input } from "../../components/Field";
import { useDeleteStore } from "./useStoreProfile";

/**
 * What only the owner can do to the store as a whole. Transfer happens on a member's row
 * ("Make owner"); deleting asks for the store's name typed back, as the server does.
 */
export function DangerZone() {
  const { store, leaving } = useCurrentStore();
  const remove = useDeleteStore();
  const [confirming, setConfirming] = useState(false);
  const [typed, setTyped] = useState("");
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
            {owner ? (
              <>
                The store, its storefront, orders, products and history are deleted for everyone.
                This cannot be undone.
                <div className="mt-3">
                  <Button variant="danger" onClick={() => setConfirming(true)}>
                    Delete {store.name}…
                  </Button>
                </div>
              </>
            ) : (
              "Only the owner can delete the store."
            )}
          </dd>
        </div>
      </dl>
      {confirming && (
        <ConfirmDialog
          title={`Delete ${store.name}?`}
          confirmLabel="Delete store"
          onConfirm={async () => {
            leaving(store.storeId); // leaving on purpose: no "you were removed" notice
            await remove({ confirmName: typed }).catch((err: unknown) => {
              leaving("");
              throw err;
            });
          }}
          onClose={() => {
            setConfirming(false);
            setTyped("");
          }}
        >
          <p>
            Everyone loses access at once and the storefront goes offline. Type the store's name,{" "}
            <strong>{store.name}</strong>, to confirm.
          </p>
          <Field label="Store name" className="mt-3">
            <Input value={typed} onChange={(e) => setTyped(e.target.value)} autoComplete="off" />
          </Field>
        </ConfirmDialog>
      )}
    </section>
  );
}

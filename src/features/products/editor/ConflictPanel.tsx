import type { Doc } from "../../../../lib/api";
import { Button } from "../../../components/Button";
import { changedFields } from "./editorDraft";

/**
 * Someone else saved this product since the editor opened it. Shown as soon as the live copy
 * moves on, and again (as a refusal) if a save is tried: nothing is overwritten silently.
 */
export function ConflictPanel({
  base,
  live,
  refused,
  busy,
  onReload,
  onReapply,
}: {
  base: Doc<"products">;
  live: Doc<"products">;
  refused: boolean;
  busy: boolean;
  onReload: () => void;
  onReapply: () => void;
}) {
  const fields = changedFields(base, live);
  return (
    <div
      role="alert"
      data-testid="conflict"
      className="mb-4 rounded-lg bg-amber-50 p-4 text-sm text-amber-900 ring-1 ring-amber-200"
    >
      <p className="font-semibold">
        {refused
          ? "Not saved: this product was changed by someone else since you opened it."
          : "This product was changed by someone else since you opened it."}
      </p>
      <p className="mt-1">
        Changed: {fields.length > 0 ? fields.join(", ") : "its version (no field you see)"}.
        {live.title !== base.title && ` The title is now “${live.title}”.`}
      </p>
      <div className="mt-3 flex flex-wrap gap-2">
        <Button size="sm" onClick={onReload}>
          Reload their version (drop my edits)
        </Button>
        <Button size="sm" variant="primary" disabled={busy} onClick={onReapply}>
          Re-apply my changes over theirs
        </Button>
      </div>
    </div>
  );
}

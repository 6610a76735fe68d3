import { Button } from "../../components/Button";
import { ErrorPanel } from "../../components/ErrorPanel";

/** A settings section's footer: its error (if the save was refused) and its save button. */
export function SaveRow({
  label,
  busy,
  changed,
  error,
}: {
  label: string;
  busy: boolean;
  changed: boolean;
  error: unknown;
}) {
  return (
    <div className="space-y-3 sm:col-span-2">
      {error !== null && <ErrorPanel error={error} />}
      <Button type="submit" variant="primary" disabled={busy || !changed}>
        {busy ? "Saving…" : label}
      </Button>
    </div>
  );
}

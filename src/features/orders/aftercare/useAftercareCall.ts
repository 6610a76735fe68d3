import { useState } from "react";
import { explainError } from "../../../lib/errors";

/** Runs one call at a time and keeps its error in words (so a double click sends once). */
export function useAftercareCall() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  async function run(call: () => Promise<unknown>): Promise<boolean> {
    if (busy) return false;
    setBusy(true);
    setError(null);
    try {
      await call();
      return true;
    } catch (err) {
      setError(explainError(err).message);
      return false;
    } finally {
      setBusy(false);
    }
  }
  return { busy, error, run };
}

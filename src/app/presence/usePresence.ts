import { useMutation } from "convex/react";
import { createContext, useCallback, useContext, useEffect, useState } from "react";
import { HEARTBEAT_MS } from "../../../convex/model/presence";
import { api } from "../../../lib/api";
import { useStoreQuery } from "../storeHooks";

/** Lets a part of a page (the product quick edit) say "I am editing" for as long as it is open. */
export const PresenceEditingContext = createContext<((delta: number) => void) | null>(null);

/**
 * Beats while the shell is open: where this person is (path, the record of a detail page,
 * whether an edit form is open). A beat goes out at once when any of that changes and every
 * HEARTBEAT_MS otherwise; the server drops the row when beats stop, and `leave` on pagehide
 * makes closing a tab show at once. Failed beats are dropped: presence is a courtesy, and a
 * removed member's screen says so through `users:me`, not through a heartbeat error.
 */
export function usePresence(
  storeId: string,
  path: string,
  recordId: string | undefined,
): (delta: number) => void {
  const heartbeat = useMutation(api.presence.heartbeat);
  const leave = useMutation(api.presence.leave);
  const [editors, setEditors] = useState(0);
  const editing = editors > 0;
  const id = storeId as Parameters<typeof heartbeat>[0]["storeId"];

  useEffect(() => {
    const beat = () => {
      void heartbeat({ storeId: id, path, recordId, editing }).catch(() => {});
    };
    beat();
    const timer = setInterval(beat, HEARTBEAT_MS);
    return () => clearInterval(timer);
  }, [heartbeat, id, path, recordId, editing]);

  useEffect(() => {
    const gone = () => {
      void leave({ storeId: id }).catch(() => {});
    };
    window.addEventListener("pagehide", gone);
    return () => {
      window.removeEventListener("pagehide", gone);
      gone(); // switching stores: leave this one's list at once
    };
  }, [leave, id]);

  // Stable, so the editing forms' effects do not re-run on each render.
  return useCallback((delta: number) => setEditors((n) => Math.max(0, n + delta)), []);
}

/** Marks this person as editing while the calling component is mounted. */
export function useMarkEditing() {
  const change = useContext(PresenceEditingContext);
  useEffect(() => {
    if (!change) return;
    change(1);
    return () => change(-1);
  }, [change]);
}

export type PresenceRow = NonNullable<ReturnType<typeof usePresenceList>["data"]>[number];

/** Who is online in this store, live (one subscription however many parts of the page ask). */
export function usePresenceList() {
  return useStoreQuery(api.presence.list, {});
}

/** The others looking at (or editing) one record. */
export function useOthersOn(recordId: string): PresenceRow[] {
  const list = usePresenceList();
  return (list.data ?? []).filter((p) => !p.isYou && p.recordId === recordId);
}

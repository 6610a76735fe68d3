// Presence timing. Clients beat every HEARTBEAT_MS; a row outlives its last beat by
// PRESENCE_TTL_MS (a few missed beats on a flaky connection do not flicker the avatar).
export const HEARTBEAT_MS = 10_000;
export const PRESENCE_TTL_MS = 35_000;
// members.lastSeenAt is a coarse "last seen": written at most once a minute per member.
export const LAST_SEEN_RESOLUTION_MS = 60_000;

/** Paths look like the workspace's own ("/dashboard/…"); anything else is refused. */
export function validPresencePath(path: string): boolean {
  return path.length <= 200 && /^\/dashboard(\/[A-Za-z0-9_\-:.]*)*$/.test(path);
}

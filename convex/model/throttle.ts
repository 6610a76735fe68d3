// Sign-in attempts per email: after MAX_FAILURES wrong passwords within WINDOW_MS, the address
// is locked for LOCK_MS. Known and unknown addresses are treated alike, so the lock says
// nothing about whether an account exists.
export const MAX_FAILURES = 5;
export const WINDOW_MS = 15 * 60_000;
export const LOCK_MS = 15 * 60_000;

export type ThrottleState = { failures: number; windowStartsAt: number; lockedUntil?: number };

export function lockedFor(state: ThrottleState | null, now: number): number {
  if (!state?.lockedUntil || state.lockedUntil <= now) return 0;
  return state.lockedUntil - now;
}

/** The state after one more failure at `now`. */
export function afterFailure(state: ThrottleState | null, now: number): ThrottleState {
  const fresh = state === null || now - state.windowStartsAt > WINDOW_MS;
  const failures = fresh ? 1 : state.failures + 1;
  return {
    failures,
    windowStartsAt: fresh ? now : state.windowStartsAt,
    lockedUntil: failures >= MAX_FAILURES ? now + LOCK_MS : undefined,
  };
}

export function lockMessage(ms: number): string {
  const minutes = Math.max(1, Math.ceil(ms / 60_000));
  return `Too many wrong passwords. Try again in ${minutes} minute${minutes === 1 ? "" : "s"}, or reset your password.`;
}

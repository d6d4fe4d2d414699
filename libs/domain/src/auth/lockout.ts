/**
 * Temporary lockout after repeated failed sign-ins. Pure so the thresholds are table-tested
 * and the service only stores what this returns.
 */
export const LOCKOUT_THRESHOLD = 5;
export const LOCKOUT_MINUTES = 15;

export interface LockoutState {
  failedAttempts: number;
  lockedUntil: Date | null;
}

export function isLocked(state: LockoutState, now: Date): boolean {
  return state.lockedUntil !== null && state.lockedUntil.getTime() > now.getTime();
}

/** The state after one more failed attempt. */
export function afterFailedAttempt(state: LockoutState, now: Date): LockoutState {
  // A lock that has run out starts the count again, so one slip after a lockout does not re-lock.
  const base = state.lockedUntil && state.lockedUntil.getTime() <= now.getTime() ? 0 : state.failedAttempts;
  const failedAttempts = base + 1;
  if (failedAttempts >= LOCKOUT_THRESHOLD) {
    return { failedAttempts, lockedUntil: new Date(now.getTime() + LOCKOUT_MINUTES * 60_000) };
  }
  return { failedAttempts, lockedUntil: null };
}

export function minutesUntilUnlocked(state: LockoutState, now: Date): number {
  if (!state.lockedUntil) return 0;
  return Math.max(0, Math.ceil((state.lockedUntil.getTime() - now.getTime()) / 60_000));
}

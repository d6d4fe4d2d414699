/**
 * Sign-in slow-down, in place of a lock. Wrong passwords for one email (known or not) and from one
 * address are counted; past a number of free tries each further try must wait a doubling delay, up
 * to a ceiling. A lock let anyone shut an officer out with five guesses and told an attacker which
 * emails have accounts; a short, capped delay does neither and still makes online guessing slow.
 * Pure and given the time, so the server's answers can be tested without waiting on a clock.
 */
export interface SignInDelayPolicy {
  /** Wrong passwords allowed with no wait. */
  freeFailures: number;
  /** The wait after the first failure past the free ones; it doubles with each failure after. */
  firstDelaySeconds: number;
  maxDelaySeconds: number;
  /** A quiet spell this long with no failure forgets the count. */
  forgetAfterMinutes: number;
}

export interface SignInDelayState {
  failures: number;
  lastFailureAt: Date | null;
}

/** Per email typed: five free tries, then 10 s, 20 s, 40 s, then a minute at most. */
export const ACCOUNT_SIGN_IN_DELAY: SignInDelayPolicy = {
  freeFailures: 5,
  firstDelaySeconds: 10,
  maxDelaySeconds: 60,
  forgetAfterMinutes: 15,
};

/** Per client address the free tries come from the settings (LOGIN_ATTEMPTS_PER_15_MINUTES). */
export function addressSignInDelay(freeFailures: number): SignInDelayPolicy {
  return { freeFailures, firstDelaySeconds: 10, maxDelaySeconds: 15 * 60, forgetAfterMinutes: 15 };
}

function current(state: SignInDelayState, now: Date, policy: SignInDelayPolicy): number {
  if (!state.lastFailureAt) return 0;
  const quietMs = now.getTime() - state.lastFailureAt.getTime();
  return quietMs >= policy.forgetAfterMinutes * 60_000 ? 0 : state.failures;
}

/** The wait, in seconds, that `failures` wrong passwords in a row earn. */
export function delayForFailures(failures: number, policy: SignInDelayPolicy): number {
  const over = failures - policy.freeFailures;
  if (over <= 0) return 0;
  // Capped before the power so a long run of failures cannot overflow to Infinity.
  return Math.min(policy.maxDelaySeconds, policy.firstDelaySeconds * 2 ** Math.min(over - 1, 30));
}

/** Seconds to wait before the next try is looked at; 0 means go ahead. */
export function secondsUntilNextTry(state: SignInDelayState, now: Date, policy: SignInDelayPolicy): number {
  const failures = current(state, now, policy);
  const delay = delayForFailures(failures, policy);
  if (delay === 0 || !state.lastFailureAt) return 0;
  const waitMs = state.lastFailureAt.getTime() + delay * 1000 - now.getTime();
  return waitMs > 0 ? Math.ceil(waitMs / 1000) : 0;
}

/** The state after one more wrong password at `now`. */
export function afterSignInFailure(
  state: SignInDelayState,
  now: Date,
  policy: SignInDelayPolicy,
): SignInDelayState {
  return { failures: current(state, now, policy) + 1, lastFailureAt: now };
}

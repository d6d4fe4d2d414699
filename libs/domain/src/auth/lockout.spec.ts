import {
  LOCKOUT_MINUTES,
  LOCKOUT_THRESHOLD,
  LockoutState,
  afterFailedAttempt,
  isLocked,
  minutesUntilUnlocked,
} from './lockout';

const now = new Date('2026-03-01T10:00:00Z');
const minutes = (n: number) => new Date(now.getTime() + n * 60_000);

describe('lockout', () => {
  it.each<[string, LockoutState, LockoutState]>([
    ['first failure', { failedAttempts: 0, lockedUntil: null }, { failedAttempts: 1, lockedUntil: null }],
    [
      'below the threshold',
      { failedAttempts: LOCKOUT_THRESHOLD - 2, lockedUntil: null },
      { failedAttempts: LOCKOUT_THRESHOLD - 1, lockedUntil: null },
    ],
    [
      'reaching the threshold locks',
      { failedAttempts: LOCKOUT_THRESHOLD - 1, lockedUntil: null },
      { failedAttempts: LOCKOUT_THRESHOLD, lockedUntil: minutes(LOCKOUT_MINUTES) },
    ],
    [
      'a failure after an expired lock starts again',
      { failedAttempts: LOCKOUT_THRESHOLD, lockedUntil: minutes(-1) },
      { failedAttempts: 1, lockedUntil: null },
    ],
  ])('%s', (_name, before, expected) => {
    expect(afterFailedAttempt(before, now)).toEqual(expected);
  });

  it.each<[LockoutState, boolean, number]>([
    [{ failedAttempts: 0, lockedUntil: null }, false, 0],
    [{ failedAttempts: 5, lockedUntil: minutes(10) }, true, 10],
    [{ failedAttempts: 5, lockedUntil: minutes(0.2) }, true, 1],
    [{ failedAttempts: 5, lockedUntil: now }, false, 0],
  ])('isLocked(%p) is %p with %p minutes left', (state, locked, left) => {
    expect(isLocked(state, now)).toBe(locked);
    expect(minutesUntilUnlocked(state, now)).toBe(left);
  });
});

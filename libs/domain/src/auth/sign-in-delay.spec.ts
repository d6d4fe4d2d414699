import {
  ACCOUNT_SIGN_IN_DELAY,
  SignInDelayState,
  addressSignInDelay,
  afterSignInFailure,
  delayForFailures,
  secondsUntilNextTry,
} from './sign-in-delay';

const T0 = new Date('2026-03-02T09:00:00Z');
const at = (seconds: number) => new Date(T0.getTime() + seconds * 1000);

describe('delayForFailures', () => {
  it.each<[number, number]>([
    [0, 0],
    [4, 0],
    [5, 0],
    [6, 10],
    [7, 20],
    [8, 40],
    [9, 60],
    [50, 60],
    [10_000, 60],
  ])('%p failures for one email wait %p seconds', (failures, seconds) => {
    expect(delayForFailures(failures, ACCOUNT_SIGN_IN_DELAY)).toBe(seconds);
  });

  it.each<[number, number]>([
    [30, 0],
    [31, 10],
    [36, 320],
    [37, 640],
    [38, 900],
    [1_000, 900],
  ])('%p failures from one address wait %p seconds', (failures, seconds) => {
    expect(delayForFailures(failures, addressSignInDelay(30))).toBe(seconds);
  });
});

describe('secondsUntilNextTry', () => {
  const six: SignInDelayState = { failures: 6, lastFailureAt: T0 };
  it.each<[string, SignInDelayState, Date, number]>([
    ['no failures', { failures: 0, lastFailureAt: null }, T0, 0],
    ['within the free tries', { failures: 5, lastFailureAt: T0 }, T0, 0],
    ['just after the sixth failure', six, T0, 10],
    ['part way through the wait', six, at(3.5), 7],
    ['when the wait is over', six, at(10), 0],
    ['after a quiet spell', { failures: 40, lastFailureAt: T0 }, at(15 * 60), 0],
  ])('%s', (_label, state, now, expected) => {
    expect(secondsUntilNextTry(state, now, ACCOUNT_SIGN_IN_DELAY)).toBe(expected);
  });
});

describe('afterSignInFailure', () => {
  it('should count on from the last failure', () => {
    expect(afterSignInFailure({ failures: 2, lastFailureAt: T0 }, at(60), ACCOUNT_SIGN_IN_DELAY)).toEqual({
      failures: 3,
      lastFailureAt: at(60),
    });
  });

  it('should start again after a quiet spell, so an old run of slips does not slow a new day', () => {
    expect(
      afterSignInFailure({ failures: 9, lastFailureAt: T0 }, at(16 * 60), ACCOUNT_SIGN_IN_DELAY),
    ).toEqual({ failures: 1, lastFailureAt: at(16 * 60) });
  });

  it('should never lock: however many failures, the wait is at most a minute for an email', () => {
    let state: SignInDelayState = { failures: 0, lastFailureAt: null };
    for (let i = 0; i < 200; i++) state = afterSignInFailure(state, at(i * 61), ACCOUNT_SIGN_IN_DELAY);
    expect(secondsUntilNextTry(state, at(199 * 61), ACCOUNT_SIGN_IN_DELAY)).toBe(60);
    expect(secondsUntilNextTry(state, at(200 * 61), ACCOUNT_SIGN_IN_DELAY)).toBe(0);
  });
});

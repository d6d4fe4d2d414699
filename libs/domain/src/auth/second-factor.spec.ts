import { pendingSignInStep, secondFactorStatus } from './second-factor';

describe('pendingSignInStep', () => {
  it.each([
    [['password'], { enrolled: false, required: false }, null],
    [['password'], { enrolled: true, required: false }, 'second_factor'],
    [['password'], { enrolled: true, required: true }, 'second_factor'],
    [['password', 'otp'], { enrolled: true, required: true }, null],
    [['password', 'recovery_code'], { enrolled: true, required: false }, null],
    [['password', 'passkey'], { enrolled: true, required: true }, null],
    // A passkey alone (with user verification) is a whole sign-in.
    [['passkey'], { enrolled: true, required: true }, null],
    [['password'], { enrolled: false, required: true }, 'enrol_second_factor'],
    // A factor reset by an administrator: the old 'otp' no longer stands in for an enrolment.
    [['password', 'otp'], { enrolled: false, required: true }, 'enrol_second_factor'],
    [['password', 'passkey'], { enrolled: false, required: true }, 'enrol_second_factor'],
  ])('should ask a session with %j and %j for %s', (methods, factor, expected) => {
    expect(pendingSignInStep(methods, factor)).toBe(expected);
  });
});

describe('secondFactorStatus', () => {
  it.each([
    [{ totpEnrolled: false, passkeys: 0, required: false }, false],
    [{ totpEnrolled: true, passkeys: 0, required: false }, true],
    [{ totpEnrolled: false, passkeys: 1, required: true }, true],
    [{ totpEnrolled: true, passkeys: 3, required: true }, true],
    [{ totpEnrolled: false, passkeys: 0, required: true }, false],
  ])('should count %j as enrolled: %s', (account, enrolled) => {
    expect(secondFactorStatus(account)).toEqual({
      enrolled,
      required: account.required,
      totp: account.totpEnrolled,
      passkeys: account.passkeys,
    });
  });
});

import { pendingSignInStep } from './second-factor';

describe('pendingSignInStep', () => {
  it.each([
    [['password'], { enrolled: false, required: false }, null],
    [['password'], { enrolled: true, required: false }, 'second_factor'],
    [['password'], { enrolled: true, required: true }, 'second_factor'],
    [['password', 'otp'], { enrolled: true, required: true }, null],
    [['password', 'recovery_code'], { enrolled: true, required: false }, null],
    [['password'], { enrolled: false, required: true }, 'enrol_second_factor'],
    // A factor reset by an administrator: the old 'otp' no longer stands in for an enrolment.
    [['password', 'otp'], { enrolled: false, required: true }, 'enrol_second_factor'],
  ])('should ask a session with %j and %j for %s', (methods, factor, expected) => {
    expect(pendingSignInStep(methods, factor)).toBe(expected);
  });
});

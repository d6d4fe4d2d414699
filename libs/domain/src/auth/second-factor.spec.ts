import { Role } from '../roles/role';
import {
  pendingSignInStep,
  roleRequiresSecondFactor,
  secondFactorRequiredFor,
  mayRemoveFactor,
  secondFactorStatus,
} from './second-factor';

describe('secondFactorRequiredFor', () => {
  it.each([
    [Role.Administrator, false, true],
    [Role.Administrator, true, true],
    [Role.ParticipationOfficer, false, true],
    [Role.ParticipationOfficer, true, true],
    [Role.SeniorLeader, false, true],
    [Role.SeniorLeader, true, true],
    [Role.Practitioner, false, false],
    [Role.Practitioner, true, true],
    [Role.YoungExpert, false, false],
    [Role.YoungExpert, true, true],
  ])('should say %s with the person setting %s requires a second factor: %s', (role, flag, expected) => {
    expect(secondFactorRequiredFor(role, flag)).toBe(expected);
  });

  it.each([
    [Role.Administrator, true],
    [Role.ParticipationOfficer, true],
    [Role.SeniorLeader, true],
    [Role.Practitioner, false],
    [Role.YoungExpert, false],
  ])('should say the role %s alone requires one: %s', (role, expected) => {
    expect(roleRequiresSecondFactor(role)).toBe(expected);
  });
});

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
    // A young expert's enrolment code: only with a choice made, whatever passkeys they already have.
    [['enrolment_code'], { enrolled: false, required: false }, 'enrolment'],
    [['enrolment_code'], { enrolled: true, required: false }, 'enrolment'],
    [['enrolment_code', 'passkey'], { enrolled: true, required: false }, null],
    [['enrolment_code', 'just_this_time'], { enrolled: true, required: false }, null],
    [['enrolment_code', 'just_this_time'], { enrolled: false, required: false }, null],
  ])('should ask a session with %j and %j for %s', (methods, factor, expected) => {
    expect(pendingSignInStep(methods, factor)).toBe(expected);
  });
});

describe('secondFactorStatus', () => {
  it.each<[Role, boolean, boolean, number, boolean, boolean]>([
    // role, person's setting, app, passkeys -> enrolled, required
    [Role.Practitioner, false, false, 0, false, false],
    [Role.Practitioner, false, true, 0, true, false],
    [Role.Practitioner, true, false, 1, true, true],
    [Role.Practitioner, true, false, 0, false, true],
    [Role.ParticipationOfficer, false, true, 3, true, true],
    [Role.Administrator, false, false, 0, false, true],
    [Role.SeniorLeader, false, false, 2, true, true],
  ])(
    'should say a %s (setting %s, app %s, %s passkeys) is enrolled: %s, required: %s',
    (role, requiredForPerson, totpEnrolled, passkeys, enrolled, required) => {
      expect(secondFactorStatus({ role, requiredForPerson, totpEnrolled, passkeys })).toEqual({
        enrolled,
        required,
        totp: totpEnrolled,
        passkeys,
      });
    },
  );
});

describe('mayRemoveFactor', () => {
  it.each<[boolean, boolean, number, 'totp' | 'passkey', boolean]>([
    // required, app, passkeys, removing -> allowed
    [false, true, 0, 'totp', true],
    [false, false, 1, 'passkey', true],
    [true, true, 0, 'totp', false],
    [true, true, 1, 'totp', true],
    [true, false, 1, 'passkey', false],
    [true, false, 2, 'passkey', true],
    [true, true, 1, 'passkey', true],
  ])(
    'should say required %s, app %s, %s passkeys, removing the %s: %s',
    (required, totp, passkeys, removing, allowed) => {
      expect(mayRemoveFactor({ enrolled: totp || passkeys > 0, required, totp, passkeys }, removing)).toBe(
        allowed,
      );
    },
  );
});

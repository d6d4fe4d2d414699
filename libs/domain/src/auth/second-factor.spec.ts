import { Role } from '../roles/role';
import { pendingSignInStep, roleRequiresSecondFactor, secondFactorRequiredFor } from './second-factor';

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
    [['password'], { enrolled: false, required: true }, 'enrol_second_factor'],
    // A factor reset by an administrator: the old 'otp' no longer stands in for an enrolment.
    [['password', 'otp'], { enrolled: false, required: true }, 'enrol_second_factor'],
  ])('should ask a session with %j and %j for %s', (methods, factor, expected) => {
    expect(pendingSignInStep(methods, factor)).toBe(expected);
  });
});

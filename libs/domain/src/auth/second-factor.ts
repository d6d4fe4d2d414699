import { Role } from '../roles/role';
import type { PendingSignInStep, SecondFactorStatus } from './auth.contract';

/** The ways a session can have been authenticated, as stored in sessions.auth_methods. */
export const AuthMethod = {
  Password: 'password',
  Otp: 'otp',
  RecoveryCode: 'recovery_code',
} as const;

/**
 * Roles that must always have a second factor (issue 10): they see every young person's record or
 * manage who may. For everyone else it is a per-person setting an administrator switches on.
 */
export const SECOND_FACTOR_ROLES: readonly Role[] = [
  Role.Administrator,
  Role.ParticipationOfficer,
  Role.SeniorLeader,
];

/** Whether the role alone requires a second factor, so a per-person setting means nothing for it. */
export function roleRequiresSecondFactor(role: Role): boolean {
  return SECOND_FACTOR_ROLES.includes(role);
}

/** Whether this person must have a second factor: always for some roles, otherwise their own setting. */
export function secondFactorRequiredFor(role: Role, personFlag: boolean): boolean {
  return roleRequiresSecondFactor(role) || personFlag;
}

/**
 * What a session must still do before it may be used. An account with an authenticator app is
 * only half signed in until the session has a second factor; an account that needs one and has
 * none may only enrol. Worked out on every request rather than stored, so an administrator's
 * change (requiring or resetting a factor) applies to sessions already open.
 */
export function pendingSignInStep(
  authMethods: readonly string[],
  factor: SecondFactorStatus,
): PendingSignInStep {
  const secondFactorDone =
    authMethods.includes(AuthMethod.Otp) || authMethods.includes(AuthMethod.RecoveryCode);
  if (factor.enrolled) return secondFactorDone ? null : 'second_factor';
  return factor.required ? 'enrol_second_factor' : null;
}

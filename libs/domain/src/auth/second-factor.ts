import { Role } from '../roles/role';
import type { PendingSignInStep, SecondFactorStatus } from './auth.contract';

/** The ways a session can have been authenticated, as stored in sessions.auth_methods. */
export const AuthMethod = {
  Password: 'password',
  Otp: 'otp',
  RecoveryCode: 'recovery_code',
  /**
   * A passkey: as the second step, or alone. The sign-in ceremony requires user verification (a PIN
   * or biometric on the device), so a passkey alone is something held plus something known or
   * been, and counts as both factors (decision 0017).
   */
  Passkey: 'passkey',
  /** A young expert's one-time code from their officer, given in person (decision 0019). */
  EnrolmentCode: 'enrolment_code',
  /** After a code: signed in on a shared device for this session only, with nothing registered. */
  JustThisTime: 'just_this_time',
} as const;

/**
 * The one place that says what "has a second factor" means (an authenticator app, or at least one
 * passkey) and whether the person must have one (their role, or the per-person setting). The
 * session lookup and every response build the status through here.
 */
export function secondFactorStatus(account: {
  role: Role;
  /** users.second_factor_required: the administrator's setting for this person. */
  requiredForPerson: boolean;
  totpEnrolled: boolean;
  passkeys: number;
}): SecondFactorStatus {
  return {
    enrolled: account.totpEnrolled || account.passkeys > 0,
    required: secondFactorRequiredFor(account.role, account.requiredForPerson),
    totp: account.totpEnrolled,
    passkeys: account.passkeys,
  };
}

/**
 * Whether taking away one factor still leaves what the person must have: someone who must have a
 * second factor keeps at least one (an administrator's reset is the way out for a lost one).
 */
export function mayRemoveFactor(status: SecondFactorStatus, removing: 'totp' | 'passkey'): boolean {
  if (!status.required) return true;
  return removing === 'totp' ? status.passkeys > 0 : status.totp || status.passkeys > 1;
}

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
  factor: Pick<SecondFactorStatus, 'enrolled' | 'required'>,
): PendingSignInStep {
  // A code from an officer is enough only with what the young person chose next: a passkey for
  // this device, or just this time on a shared one (decision 0019).
  if (authMethods.includes(AuthMethod.EnrolmentCode)) {
    return authMethods.includes(AuthMethod.Passkey) || authMethods.includes(AuthMethod.JustThisTime)
      ? null
      : 'enrolment';
  }
  const secondFactorDone =
    authMethods.includes(AuthMethod.Otp) ||
    authMethods.includes(AuthMethod.RecoveryCode) ||
    authMethods.includes(AuthMethod.Passkey);
  if (factor.enrolled) return secondFactorDone ? null : 'second_factor';
  return factor.required ? 'enrol_second_factor' : null;
}

import type { PendingSignInStep, SecondFactorStatus } from './auth.contract';

/** The ways a session can have been authenticated, as stored in sessions.auth_methods. */
export const AuthMethod = {
  Password: 'password',
  Otp: 'otp',
  RecoveryCode: 'recovery_code',
} as const;

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

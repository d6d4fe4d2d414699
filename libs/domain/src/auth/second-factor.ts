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
} as const;

/**
 * The one place that says what "has a second factor" means: an authenticator app, or at least one
 * passkey. The session lookup and every response build the status through here.
 */
export function secondFactorStatus(account: {
  totpEnrolled: boolean;
  passkeys: number;
  required: boolean;
}): SecondFactorStatus {
  return {
    enrolled: account.totpEnrolled || account.passkeys > 0,
    required: account.required,
    totp: account.totpEnrolled,
    passkeys: account.passkeys,
  };
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
  const secondFactorDone =
    authMethods.includes(AuthMethod.Otp) ||
    authMethods.includes(AuthMethod.RecoveryCode) ||
    authMethods.includes(AuthMethod.Passkey);
  if (factor.enrolled) return secondFactorDone ? null : 'second_factor';
  return factor.required ? 'enrol_second_factor' : null;
}

import { DomainError } from '../../platform/errors/domain-error';

/**
 * The email of an account that signs in with one. Every staff account has one; a young expert's
 * made by an enrolment code has none (decision 0019), so a password, a reset link or an app's key
 * can never be set up for it: the flows that need an email ask here and refuse it with 409.
 */
export function emailOf(user: { email: string | null }): string {
  if (user.email === null) {
    throw new DomainError(
      'conflict',
      'This account has no email address. Young experts sign in with a passkey or a code from their participation officer.',
    );
  }
  return user.email;
}

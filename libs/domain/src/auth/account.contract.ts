import { z } from 'zod';
import { EmailSchema } from './auth.contract';
import { PASSWORD_MAX_LENGTH } from './password-policy';

const currentPassword = z
  .string({ error: 'Enter your current password.' })
  .min(1, 'Enter your current password.')
  .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`);

/** A signed-in member of staff choosing a new password: the current one first, as re-authentication. */
export const ChangePasswordRequestSchema = z
  .object({
    currentPassword,
    // The policy and the list of leaked passwords are checked by the API, as for a reset link.
    newPassword: z
      .string({ error: 'Choose a new password.' })
      .min(1, 'Choose a new password.')
      .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`),
  })
  .strict();
export type ChangePasswordRequest = z.infer<typeof ChangePasswordRequestSchema>;

/** A signed-in member of staff changing the address they sign in with and receive mail at. */
export const ChangeEmailRequestSchema = z.object({ currentPassword, newEmail: EmailSchema }).strict();
export type ChangeEmailRequest = z.infer<typeof ChangeEmailRequestSchema>;

export interface ChangePasswordResponse {
  /** How many other places the person was signed in, now signed out. */
  otherSessionsEnded: number;
}

/** One place the person is signed in, as they see it on their account page (OWASP ASVS 5.0 7.5.2). */
export interface AccountSessionResponse {
  /** Names the session without being usable as one: a hash of its id, which is itself a hash. */
  ref: string;
  startedAt: string;
  lastSeenAt: string;
  /** How it was signed in: password, otp, recovery_code, passkey. */
  signedInWith: string[];
  /** The session this request came with. */
  current: boolean;
}

export const SESSION_REF_PATTERN = /^[A-Za-z0-9_-]{22}$/;

/** Signing out somewhere else, or everywhere else: the current password again first. */
export const EndSessionsRequestSchema = z
  .object({
    currentPassword,
    ref: z.string().regex(SESSION_REF_PATTERN, 'Choose a place you are signed in.').optional(),
    everywhereElse: z.literal(true).optional(),
  })
  .strict()
  .refine((body) => (body.ref === undefined) !== (body.everywhereElse === undefined), {
    message: 'Choose one place to sign out of, or everywhere else.',
    path: ['ref'],
  });
export type EndSessionsRequest = z.infer<typeof EndSessionsRequestSchema>;

export interface EndSessionsResponse {
  sessionsEnded: number;
}

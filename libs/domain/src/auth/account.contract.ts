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

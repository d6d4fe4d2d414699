import { z } from 'zod';
import { Role } from '../roles/role';
import { PASSWORD_MAX_LENGTH } from './password-policy';

const email = z
  .string({ error: 'Enter an email address.' })
  .trim()
  .toLowerCase()
  .max(254, 'Email addresses are at most 254 characters.')
  .pipe(z.email({ error: 'Enter an email address like name@example.org.' }));

export const SignInRequestSchema = z
  .object({
    email,
    password: z
      .string({ error: 'Enter your password.' })
      .min(1, 'Enter your password.')
      .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`),
  })
  .strict();
export type SignInRequest = z.infer<typeof SignInRequestSchema>;

export const AcceptInvitationRequestSchema = z
  .object({
    token: z.string().min(20, 'This link is not complete.').max(200, 'This link is not valid.'),
    password: z.string({ error: 'Choose a password.' }).max(PASSWORD_MAX_LENGTH),
  })
  .strict();
export type AcceptInvitationRequest = z.infer<typeof AcceptInvitationRequestSchema>;

export const EmailSchema = email;

/** The signed-in user as the web app sees them. */
export interface CurrentUser {
  id: string;
  displayName: string;
  email: string;
  role: Role;
}

export interface SessionResponse {
  user: CurrentUser;
  /** Echo this in the X-XSRF-TOKEN header on every write. */
  csrfToken: string;
  /** When the session ends if nothing else happens, ISO 8601. */
  expiresAt: string;
}

export const ForgotPasswordRequestSchema = z.object({ email }).strict();
export type ForgotPasswordRequest = z.infer<typeof ForgotPasswordRequestSchema>;

export const ResetPasswordRequestSchema = z
  .object({
    token: z.string().min(20, 'This link is not complete.').max(200, 'This link is not valid.'),
    password: z
      .string({ error: 'Choose a password.' })
      .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`),
  })
  .strict();
export type ResetPasswordRequest = z.infer<typeof ResetPasswordRequestSchema>;

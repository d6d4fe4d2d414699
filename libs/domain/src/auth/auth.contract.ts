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
  /** Null for a young expert's account (decision 0019). */
  email: string | null;
  role: Role;
}

export interface SessionResponse {
  user: CurrentUser;
  /** Echo this in the X-XSRF-TOKEN header on every write. */
  csrfToken: string;
  /** When the session ends if nothing else happens, ISO 8601. */
  expiresAt: string;
  /** How this session was authenticated so far, e.g. ['password'] then ['password', 'otp']. */
  authMethods: string[];
  pendingStep: PendingSignInStep;
  secondFactor: SecondFactorStatus;
}

/** How long a password reset link works, once: said on the pages and in the email, enforced by the API. */
export const PASSWORD_RESET_MINUTES = 30;

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

/**
 * What a session still has to do before it may be used: nothing, the second step (a code from the
 * authenticator app or a recovery code), enrolling a second factor the account needs, or, after a
 * young expert's enrolment code, registering a passkey or choosing "just this time".
 */
export type PendingSignInStep = 'second_factor' | 'enrol_second_factor' | 'enrolment' | null;

export interface SecondFactorStatus {
  /** A second factor is set up: an authenticator app or at least one passkey (`secondFactorStatus`). */
  enrolled: boolean;
  /** The account must have one: always for some roles (secondFactorRequiredFor), else an administrator's setting. */
  required: boolean;
  /** A TOTP authenticator app is set up. */
  totp: boolean;
  /** How many passkeys the account has. */
  passkeys: number;
}

const totpCode = z
  .string({ error: 'Enter the 6-digit code from your authenticator app.' })
  .trim()
  .regex(/^\d{6}$/, 'Enter the 6-digit code from your authenticator app.');

const recoveryCode = z
  .string({ error: 'Enter one of your recovery codes.' })
  .trim()
  .min(1, 'Enter one of your recovery codes.')
  .max(40, 'Recovery codes are 25 letters and numbers in five groups, like ABCDE-FGHJK-MNPQR-STUVW-XYZ23.');

/** The second step of signing in: a code from the app, or one of the recovery codes. */
export const SecondFactorRequestSchema = z
  .object({ code: totpCode.optional(), recoveryCode: recoveryCode.optional() })
  .strict()
  .refine((body) => (body.code === undefined) !== (body.recoveryCode === undefined), {
    message: 'Enter either the code from your authenticator app or a recovery code.',
    path: ['code'],
  });
export type SecondFactorRequest = z.infer<typeof SecondFactorRequestSchema>;

/** Enrolling or removing a factor asks for the password again, in the same request. */
export const ReauthenticateRequestSchema = z
  .object({
    password: z
      .string({ error: 'Enter your password.' })
      .min(1, 'Enter your password.')
      .max(PASSWORD_MAX_LENGTH, `Passwords are at most ${PASSWORD_MAX_LENGTH} characters.`),
  })
  .strict();
export type ReauthenticateRequest = z.infer<typeof ReauthenticateRequestSchema>;

export const ConfirmTotpRequestSchema = z.object({ code: totpCode }).strict();
export type ConfirmTotpRequest = z.infer<typeof ConfirmTotpRequestSchema>;

export interface TotpEnrolmentResponse {
  /** Base32, for typing into the app; shown during enrolment only, never again. */
  secret: string;
  otpauthUri: string;
  /** The otpauth URI as a QR code, a PNG data URL (an img src the web app's sanitiser allows). */
  qrCodeDataUrl: string;
}

export interface RecoveryCodesResponse {
  /** Shown once: only their hashes are kept. */
  recoveryCodes: string[];
}

export const SecondFactorSettingRequestSchema = z
  .object({ required: z.boolean({ error: 'Say whether a second factor is required (true or false).' }) })
  .strict();
export type SecondFactorSettingRequest = z.infer<typeof SecondFactorSettingRequestSchema>;

import { z } from 'zod';
import { ENROLMENT_CODE_MAX_TYPED, normaliseEnrolmentCode } from './enrolment-code';
import { PASSKEY_LABEL_MAX_LENGTH, RegistrationResponseSchema } from '../auth/passkeys.contract';

const CODE_SHAPE = 'The code is 10 letters and numbers, like ACD3E-FH4JK.';

/** Public: the code an officer gave. Normalised here, so the API only sees a well-formed code. */
export const EnrolmentRequestSchema = z
  .object({
    code: z
      .string({ error: 'Type the code your participation officer gave you.' })
      .min(1, 'Type the code your participation officer gave you.')
      .max(ENROLMENT_CODE_MAX_TYPED, CODE_SHAPE)
      .transform((typed, ctx) => {
        const code = normaliseEnrolmentCode(typed);
        if (code === null) {
          ctx.addIssue({ code: 'custom', message: CODE_SHAPE });
          return z.NEVER;
        }
        return code;
      }),
  })
  .strict();
export type EnrolmentRequest = z.input<typeof EnrolmentRequestSchema>;

/** A passkey for this device, registered with the session the code started. The name is optional. */
export const EnrolmentPasskeyRequestSchema = z
  .object({
    label: z
      .string()
      .trim()
      .min(1, 'Give the passkey a name, like "My phone".')
      .max(PASSKEY_LABEL_MAX_LENGTH, `Names are at most ${PASSKEY_LABEL_MAX_LENGTH} characters.`)
      .optional(),
    response: RegistrationResponseSchema,
  })
  .strict();
export type EnrolmentPasskeyRequest = z.infer<typeof EnrolmentPasskeyRequestSchema>;

/** An officer's new code: shown in this answer only, never again (only its hash is kept). */
export interface EnrolmentCodeResponse {
  /** Grouped for reading aloud, like "KM4TP-X7RWC". */
  code: string;
  expiresAt: string;
  /** Whether this code's issue also made the young expert account. */
  accountCreated: boolean;
}

import { z } from 'zod';

/** How long a registration or sign-in ceremony may take, from its options to its answer. */
export const PASSKEY_CHALLENGE_MINUTES = 5;
export const PASSKEY_LABEL_MAX_LENGTH = 60;

// WebAuthn's binary fields travel as base64url. The limits are generous for real authenticators
// (credential ids are at most 1023 bytes; an attestation with a certificate chain a few KB) and
// stop a body from carrying megabytes into the CBOR decoder.
const base64url = (max: number, what: string) =>
  z
    .string({ error: `${what} is missing.` })
    .min(1, `${what} is missing.`)
    .max(max, `${what} is too long.`)
    .regex(/^[A-Za-z0-9_-]+$/, `${what} must be base64url.`);

const credentialId = base64url(1400, 'The credential id');
const transports = z
  .array(z.enum(['ble', 'cable', 'hybrid', 'internal', 'nfc', 'smart-card', 'usb']))
  .max(7, 'Too many transports.');
const attachment = z.enum(['platform', 'cross-platform']);
// Extension results are the browser's to fill; only their size is limited here.
const extensionResults = z
  .record(z.string().max(40), z.unknown())
  .refine((r) => Object.keys(r).length <= 10, 'Too many extension results.');

/** A new credential as @simplewebauthn/browser's startRegistration returns it. */
export const RegistrationResponseSchema = z
  .object({
    id: credentialId,
    rawId: credentialId,
    type: z.literal('public-key', { error: 'The credential type must be public-key.' }),
    response: z.object({
      clientDataJSON: base64url(4096, 'clientDataJSON'),
      attestationObject: base64url(16_384, 'attestationObject'),
      authenticatorData: base64url(4096, 'authenticatorData').optional(),
      transports: transports.optional(),
      publicKeyAlgorithm: z.number().int().optional(),
      publicKey: base64url(4096, 'publicKey').optional(),
    }),
    authenticatorAttachment: attachment.optional(),
    clientExtensionResults: extensionResults,
  })
  .strict();

/** An assertion as @simplewebauthn/browser's startAuthentication returns it. */
export const AuthenticationResponseSchema = z
  .object({
    id: credentialId,
    rawId: credentialId,
    type: z.literal('public-key', { error: 'The credential type must be public-key.' }),
    response: z.object({
      clientDataJSON: base64url(4096, 'clientDataJSON'),
      authenticatorData: base64url(4096, 'authenticatorData'),
      signature: base64url(1024, 'signature'),
      userHandle: base64url(128, 'userHandle').optional(),
    }),
    authenticatorAttachment: attachment.optional(),
    clientExtensionResults: extensionResults,
  })
  .strict();

export const PasskeyRegistrationRequestSchema = z
  .object({
    label: z
      .string({ error: 'Give the passkey a name, like "Work laptop".' })
      .trim()
      .min(1, 'Give the passkey a name, like "Work laptop".')
      .max(PASSKEY_LABEL_MAX_LENGTH, `Names are at most ${PASSKEY_LABEL_MAX_LENGTH} characters.`),
    response: RegistrationResponseSchema,
  })
  .strict();
export type PasskeyRegistrationRequest = z.infer<typeof PasskeyRegistrationRequestSchema>;

export const PasskeyAuthenticationRequestSchema = z
  .object({ response: AuthenticationResponseSchema })
  .strict();
export type PasskeyAuthenticationRequest = z.infer<typeof PasskeyAuthenticationRequestSchema>;

/**
 * Options for the browser's WebAuthn call, as @simplewebauthn/server makes them
 * (PublicKeyCredentialCreationOptionsJSON or …RequestOptionsJSON). The domain has no dependency on
 * that library, so only the challenge is named here; the web app passes the object on unchanged.
 */
export interface WebAuthnOptionsJSON {
  challenge: string;
  [field: string]: unknown;
}

export interface PasskeyOptionsResponse {
  options: WebAuthnOptionsJSON;
}

export interface PasskeyResponse {
  id: string;
  label: string;
  createdAt: string;
  lastUsedAt: string | null;
}

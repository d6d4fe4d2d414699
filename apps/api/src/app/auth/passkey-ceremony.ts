import { PASSKEY_CHALLENGE_MINUTES, PasskeyResponse } from '@heard/domain';
import { AuthenticatorTransport } from '@simplewebauthn/server';
import { Actor } from '../../platform/auth/auth-context';
import { PasskeyRow } from './passkeys.queries';

/** What a stored challenge was given out for; an answer is only checked against its own kind. */
export const Purpose = {
  Registration: 'registration',
  SecondFactor: 'second_factor',
  SignIn: 'sign_in',
} as const;
export type Purpose = (typeof Purpose)[keyof typeof Purpose];

/** The challenge the browser signed, read from clientDataJSON; the library checks the rest of it. */
export function challengeOf(clientDataJSON: string): string | null {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(clientDataJSON, 'base64url').toString('utf8'));
    if (typeof parsed !== 'object' || parsed === null || !('challenge' in parsed)) return null;
    const { challenge } = parsed;
    return typeof challenge === 'string' && challenge.length > 0 && challenge.length <= 100
      ? challenge
      : null;
  } catch {
    return null;
  }
}

const TRANSPORTS: readonly string[] = [
  'ble',
  'hybrid',
  'internal',
  'nfc',
  'usb',
] satisfies AuthenticatorTransport[];
/** Transports the browser may be told about; anything else stored is left out of the hint. */
export function isTransport(value: string): value is AuthenticatorTransport {
  return TRANSPORTS.includes(value);
}

export function toPasskeyResponse(row: PasskeyRow): PasskeyResponse {
  return {
    id: row.id,
    label: row.label,
    createdAt: row.createdAt.toISOString(),
    lastUsedAt: row.lastUsedAt?.toISOString() ?? null,
  };
}

/** A challenge to keep for one ceremony: for this purpose and session, for five minutes. */
export function challengeFor(challenge: string, purpose: Purpose, actor: Actor | null, now: Date) {
  return {
    challenge,
    purpose,
    sessionId: actor?.sessionId ?? null,
    userId: actor?.userId ?? null,
    expiresAt: new Date(now.getTime() + PASSKEY_CHALLENGE_MINUTES * 60_000),
  };
}

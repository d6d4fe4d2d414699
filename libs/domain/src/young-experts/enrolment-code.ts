import type { SignInDelayPolicy } from '../auth/sign-in-delay';

/**
 * A young expert's enrolment code (decision 0019): an officer reads it to the young person, who
 * types it on their own phone or computer to register a passkey, or to sign in just this once on a
 * shared device. Pure rules here; issuing, hashing and claiming are the API's.
 *
 * The alphabet leaves out characters that look alike on a screen or in handwriting (0 O Q, 1 I L,
 * 2 Z, 5 S, 8 B, U V, and G beside 6), so what is read aloud or copied from the officer's screen is typed right.
 */
export const ENROLMENT_CODE_ALPHABET = 'ACDEFHJKMNPRTWXY34679';
/** 21 ^ 10 ≈ 1.7 × 10^13 codes, about 43.9 bits: the guessing arithmetic is in decision 0019. */
export const ENROLMENT_CODE_LENGTH = 10;
/** Shown and read aloud in two groups of five, like a recovery code. */
export const ENROLMENT_CODE_GROUP = 5;
/** How long a code works, once. */
export const ENROLMENT_CODE_MINUTES = 10;
/** What a person may type: the code with spaces or dashes, in either case. Longer is refused unread. */
export const ENROLMENT_CODE_MAX_TYPED = 40;

/**
 * Every wrong code, from everywhere, counted under one key: with the per-address slow-down shared
 * with the other ways of signing in, this bounds guessing from many addresses at once. A hundred
 * free (a busy activity day's typing mistakes), then 10 s doubling to 15 minutes. Worked out in
 * decision 0019: at most about 4,300 guesses a day, whoever sends them.
 */
export const ENROLMENT_GLOBAL_DELAY: SignInDelayPolicy = {
  freeFailures: 100,
  firstDelaySeconds: 10,
  maxDelaySeconds: 15 * 60,
  forgetAfterMinutes: 15,
};

/**
 * What was typed, as it is stored and compared: capitals, with spaces, dashes and dots taken out.
 * Returns null when the rest is not a code at all (wrong length, or a character no code has).
 */
export function normaliseEnrolmentCode(typed: string): string | null {
  const compact = typed.toUpperCase().replace(/[\s\-–—.]/g, '');
  if (compact.length !== ENROLMENT_CODE_LENGTH) return null;
  for (const character of compact) {
    if (!ENROLMENT_CODE_ALPHABET.includes(character)) return null;
  }
  return compact;
}

/** A code as shown and read aloud: "KM4TP-X7RWC". */
export function formatEnrolmentCode(code: string): string {
  const groups: string[] = [];
  for (let i = 0; i < code.length; i += ENROLMENT_CODE_GROUP) {
    groups.push(code.slice(i, i + ENROLMENT_CODE_GROUP));
  }
  return groups.join('-');
}

/**
 * A new code from `randomIndex`, which must be a cryptographically secure uniform choice below its
 * bound (the API passes node:crypto's randomInt); given as a parameter so the rule stays pure.
 */
export function newEnrolmentCode(randomIndex: (bound: number) => number): string {
  let code = '';
  for (let i = 0; i < ENROLMENT_CODE_LENGTH; i++) {
    code += ENROLMENT_CODE_ALPHABET[randomIndex(ENROLMENT_CODE_ALPHABET.length)];
  }
  return code;
}

/** When a code issued at `issuedAt` stops working. */
export function enrolmentCodeExpiry(issuedAt: Date): Date {
  return new Date(issuedAt.getTime() + ENROLMENT_CODE_MINUTES * 60_000);
}

/** Why a stored code cannot be used now, or null when it can (once: the claim marks it used). */
export function enrolmentCodeRefusal(
  code: { usedAt: Date | null; retiredAt: Date | null; expiresAt: Date },
  now: Date,
): 'used' | 'retired' | 'expired' | null {
  if (code.usedAt) return 'used';
  if (code.retiredAt) return 'retired';
  if (code.expiresAt.getTime() <= now.getTime()) return 'expired';
  return null;
}
